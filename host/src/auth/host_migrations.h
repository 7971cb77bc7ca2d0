#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// The host's own schema steps, recorded under the owner "host".
std::vector<sdk::Migration> host_migrations();

}  // namespace hisx::host
