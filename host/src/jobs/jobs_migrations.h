#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// The scheduler's table, hisx_host_job_runs: one row per run of a job (periodic occurrence
/// or one-off), keyed by (job, scheduled_for), which is what makes a run happen once across
/// hosts. Recorded under the owner "host_jobs".
std::vector<sdk::Migration> jobs_migrations();

}  // namespace hisx::host
