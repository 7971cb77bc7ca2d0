#include "support/mariadb.h"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace hisx::test {

std::string mariadb_admin_conninfo() {
  const char* dir = std::getenv("HISX_TEST_MARIADB_DIR");
  if (dir == nullptr) {
    throw std::runtime_error("HISX_TEST_MARIADB_DIR is not set: run the test through ctest");
  }
  std::ifstream in(std::string(dir) + "/conninfo");
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) {
    throw std::runtime_error(std::string("no MariaDB test server at ") + dir +
                             " (the ctest fixture mariadb.start did not run or failed)");
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
}  // namespace

MariaDatabase::MariaDatabase() : name_(unique_name()), admin_(mariadb_admin_conninfo()) {
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
