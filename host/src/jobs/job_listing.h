#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "hisx/http.h"
#include "jobs/job_scheduler.h"

namespace hisx::host {

/// The body of GET /api/v1/host/jobs: this host's id and time zone, and every registered job
/// (or only `job`) with its schedule, next run in UTC and local time, and its last `limit`
/// runs, latest due first. Throws sdk::Problem 404 for a `job` that is not registered.
Poco::JSON::Object::Ptr job_listing(JobScheduler& jobs, const std::optional<std::string>& job,
                                    int limit);

/// Registers GET /api/v1/host/jobs (roles admin and manager; query `job`, `limit` 1-200,
/// default 20) on `router`.
void add_jobs_routes(sdk::Router& router, JobScheduler& jobs);

}  // namespace hisx::host
