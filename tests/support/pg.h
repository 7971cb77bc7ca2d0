#pragma once

#include <string>

#include "support/throwaway_database.h"

namespace hisx::test {

/// Connection string of the throwaway cluster started by the ctest fixture "pg".
/// Throws std::runtime_error (failing the test) when the cluster is not running: a test that
/// needs PostgreSQL never passes without it.
std::string pg_admin_conninfo();

/// A fresh, empty PostgreSQL database created for one test and dropped afterwards.
class PgDatabase final : public ThrowawayDatabase {
 public:
  PgDatabase();
  ~PgDatabase() override;
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;

  const std::string& name() const { return name_; }
  /// SOCI/libpq connection string for this database (no password: trust auth).
  std::string conninfo() const override;

 private:
  std::string name_;
  std::string admin_;
};

}  // namespace hisx::test
