#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::sdk {

/// The migrations embedded from the plugin's `migrations/` folder by hisx_add_plugin().
/// Defined in each plugin library (hidden), so a plugin's migrations() can return it.
std::vector<Migration> embedded_migrations();

}  // namespace hisx::sdk
