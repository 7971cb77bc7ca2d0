#pragma once

#include "hisx/database.h"

namespace hisx::host {

/// Makes sure the database refuses UPDATE and DELETE on `hisx_host_audit`. On SQLite it
/// creates the two `BEFORE UPDATE/DELETE … RAISE(ABORT)` triggers if they are missing (they
/// cannot go through the migrator, see audit_migrations()); on PostgreSQL and MySQL the
/// migration installed them and nothing is done. Call after the migrations; throws
/// soci::soci_error when the table does not exist.
void protect_audit_table(sdk::Database& store);

}  // namespace hisx::host
