#include "support/backend.h"

#include <cstdlib>
#include <stdexcept>

#include "support/mariadb.h"

namespace hisx::test {

std::string test_backend_name() {
  const char* env = std::getenv("HISX_TEST_BACKEND");
  return env != nullptr && *env != '\0' ? env : "sqlite3";
}

TestBackend backend_from_env() {
  const std::string name = test_backend_name();
  if (name == "sqlite3") return TestBackend{name, {}, nullptr};
  if (name == "postgresql") {
    auto db = std::make_shared<PgDatabase>();
    return TestBackend{
        name, {"database.his.backend=postgresql", "database.his.connection=" + db->conninfo()}, db};
  }
  if (name == "mariadb") {
    // The HIS on MariaDB; hisx's own tables in SQLite beside it, since a MySQL store is
    // refused (docs/configuration.md).
    auto db = std::make_shared<MariaDatabase>();
    return TestBackend{
        name,
        {"database.his.backend=mysql", "database.his.connection=" + db->conninfo(),
         "database.store.backend=sqlite3", "database.store.connection=db=${data_dir}/store.db"},
        db};
  }
  throw std::runtime_error("HISX_TEST_BACKEND=" + name +
                           " is not a test backend (expected sqlite3, postgresql or mariadb)");
}

}  // namespace hisx::test
