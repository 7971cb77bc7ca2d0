#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// Staff accounts, sessions, login attempts and the token signing key, recorded under the
/// owner "host_auth".
std::vector<sdk::Migration> auth_migrations();

}  // namespace hisx::host
