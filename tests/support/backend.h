#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/pg.h"

namespace hisx::test {

/// The database a spawned hisxd runs on in one test, as `-D` overrides.
struct TestBackend {
  std::string name;                    ///< "sqlite3", "postgresql" or "mariadb".
  std::vector<std::string> overrides;  ///< `key=value` settings selecting this database.
  /// The fresh PostgreSQL or MariaDB database behind the overrides (null for SQLite); shared
  /// so that the backend can be copied and moved, and dropped when the last copy goes.
  std::shared_ptr<ThrowawayDatabase> database;
};

/// The name HISX_TEST_BACKEND gives ("sqlite3" when unset or empty), unchecked: for a test
/// that makes its database itself (e.g. make_his_b).
std::string test_backend_name();

/// The backend named by HISX_TEST_BACKEND: "sqlite3" (the default when unset or empty; the
/// host's own default database in its data_dir, no overrides) or "postgresql" (a fresh
/// database on the ctest "pg" cluster, with `database.his.backend=postgresql` and
/// `database.his.connection=<conninfo>`) or "mariadb" (the HIS in a fresh database on the
/// ctest "mariadb" server, hisx's own tables in SQLite at <data_dir>/store.db). Throws
/// std::runtime_error for any other value.
TestBackend backend_from_env();

}  // namespace hisx::test
