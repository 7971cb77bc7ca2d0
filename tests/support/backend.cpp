#include "support/backend.h"

#include <cstdlib>
#include <stdexcept>

namespace hisx::test {

TestBackend backend_from_env() {
  const char* env = std::getenv("HISX_TEST_BACKEND");
  std::string name = env != nullptr && *env != '\0' ? env : "sqlite3";
  if (name == "sqlite3") return TestBackend{name, {}, nullptr};
  if (name == "postgresql") {
    auto db = std::make_shared<PgDatabase>();
    return TestBackend{
        name, {"database.his.backend=postgresql", "database.his.connection=" + db->conninfo()}, db};
  }
  throw std::runtime_error("HISX_TEST_BACKEND=" + name +
                           " is not a test backend (expected sqlite3 or postgresql)");
}

}  // namespace hisx::test
