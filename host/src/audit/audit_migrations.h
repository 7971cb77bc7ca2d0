#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// The audit trail's table, `hisx_host_audit`. On PostgreSQL and MySQL the migration also
/// installs the triggers that refuse UPDATE and DELETE; on SQLite protect_audit_table() does
/// (the migrator splits scripts on ';', which would cut a SQLite trigger body in two).
std::vector<sdk::Migration> audit_migrations();

}  // namespace hisx::host
