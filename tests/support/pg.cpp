#include "support/pg.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace hisx::test {

std::string pg_admin_conninfo() {
  const char* dir = std::getenv("HISX_TEST_PG_DIR");
  if (dir == nullptr)
    throw std::runtime_error("HISX_TEST_PG_DIR is not set: run the test through ctest");
  std::ifstream in(std::string(dir) + "/conninfo");
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) {
    throw std::runtime_error(std::string("no PostgreSQL test cluster at ") + dir +
                             " (the ctest fixture pg.start did not run or failed)");
  }
  return line;
}

namespace {
std::string unique_name() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return "hisx_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}

std::string with_dbname(const std::string& conninfo, const std::string& db) {
  auto pos = conninfo.find("dbname=");
  std::string base = pos == std::string::npos ? conninfo : conninfo.substr(0, pos);
  return base + "dbname=" + db;
}
}  // namespace

PgDatabase::PgDatabase() : name_(unique_name()), admin_(pg_admin_conninfo()) {
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
