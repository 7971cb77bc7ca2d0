#include "support/mariadb.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>

namespace hisx::test {

std::string mariadb_admin_conninfo() {
  return fixture_conninfo("HISX_TEST_MARIADB_DIR", "MariaDB", "mariadb");
}

MariaDatabase::MariaDatabase() : name_(unique_database_name()), admin_(mariadb_admin_conninfo()) {
  soci::session s(*soci::factory_mysql(), admin_);
  s << "CREATE DATABASE " + name_ + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
}

MariaDatabase::~MariaDatabase() {
  try {
    soci::session s(*soci::factory_mysql(), admin_);
    s << "DROP DATABASE IF EXISTS " + name_;
  } catch (...) {
    // The server is removed after the run anyway.
  }
}

std::string MariaDatabase::conninfo() const { return admin_ + " db=" + name_; }

}  // namespace hisx::test
