#include "support/pg.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

namespace hisx::test {

std::string pg_admin_conninfo() { return fixture_conninfo("HISX_TEST_PG_DIR", "PostgreSQL", "pg"); }

namespace {
std::string with_dbname(const std::string& conninfo, const std::string& db) {
  auto pos = conninfo.find("dbname=");
  std::string base = pos == std::string::npos ? conninfo : conninfo.substr(0, pos);
  return base + "dbname=" + db;
}
}  // namespace

PgDatabase::PgDatabase() : name_(unique_database_name()), admin_(pg_admin_conninfo()) {
  soci::session s(*soci::factory_postgresql(), admin_);
  s << "CREATE DATABASE " + name_;
}

PgDatabase::~PgDatabase() {
  try {
    soci::session s(*soci::factory_postgresql(), admin_);
    s << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
  } catch (...) {
    // The cluster is removed after the run anyway.
  }
}

std::string PgDatabase::conninfo() const { return with_dbname(admin_, name_); }

}  // namespace hisx::test
