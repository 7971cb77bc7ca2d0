#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// hisx_host_idempotency: one row per (caller, scope, Idempotency-Key) with the request it
/// was used for and the answer given. Recorded under the owner "host_idempotency".
std::vector<sdk::Migration> idempotency_migrations();

}  // namespace hisx::host
