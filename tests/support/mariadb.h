#pragma once

#include <string>

#include "support/throwaway_database.h"

namespace hisx::test {

/// Connection string of the throwaway MariaDB server started by the ctest fixture "mariadb"
/// (without a database). Throws std::runtime_error (failing the test) when the server is not
/// running: a test that needs MariaDB never passes without it.
std::string mariadb_admin_conninfo();

/// A fresh, empty MariaDB database (utf8mb4) created for one test and dropped afterwards.
class MariaDatabase final : public ThrowawayDatabase {
 public:
  MariaDatabase();
  ~MariaDatabase() override;
  MariaDatabase(const MariaDatabase&) = delete;
  MariaDatabase& operator=(const MariaDatabase&) = delete;

  const std::string& name() const { return name_; }
  /// SOCI mysql connection string for this database (user root, no password).
  std::string conninfo() const override;

 private:
  std::string name_;
  std::string admin_;
};

}  // namespace hisx::test
