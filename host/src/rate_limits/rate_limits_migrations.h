#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// hisx_host_rate_keys (one row per bucket and key: the row every hit of the key locks, and
/// the key's lockout) and hisx_host_rate_hits (one row per admitted hit and key). Recorded under
/// the owner "host_rate_limits".
std::vector<sdk::Migration> rate_limits_migrations();

}  // namespace hisx::host
