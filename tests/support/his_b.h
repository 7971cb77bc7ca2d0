#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/throwaway_database.h"

namespace hisx::test {

/// "HIS B" (tests/data/his-b): the second HIS schema, unlike the demo's (text codes, split
/// names, local time, its own codes, decimals), created and seeded in a fresh database, with
/// the overrides that point a host at it and its example profile
/// (config/his-profiles/example-<backend>.yaml).
struct HisB {
  std::string backend;            ///< SOCI backend: "sqlite3", "postgresql", "mysql" or "odbc".
  std::string conninfo;           ///< Its SOCI connection string.
  std::filesystem::path profile;  ///< The example profile that maps it.
  std::vector<std::string> overrides;           ///< `key=value` for a host (or harness) on it.
  std::shared_ptr<ThrowawayDatabase> database;  ///< The server database (null for SQLite).
};

/// HIS B on `backend` ("sqlite3": a file in `dir`; "postgresql": a database on the ctest "pg"
/// cluster, hisx's tables beside the HIS's; "mariadb": a database on the ctest "mariadb"
/// server, hisx's tables in SQLite in the host's data_dir; "odbc": the PostgreSQL database
/// reached through ODBC with Debian's psqlODBC driver, hisx's tables in SQLite).
HisB make_his_b(const std::string& backend, const std::filesystem::path& dir);

}  // namespace hisx::test
