#pragma once

#include <soci/soci.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "support/mariadb.h"
#include "support/pg.h"
#include "support/temp_dir.h"

namespace hisx::test {

/// A fresh, empty database of one backend ("sqlite3": a file in a TempDir, "postgresql": a
/// PgDatabase, "mysql": a MariaDatabase) with an open SOCI session.
class DemoDb {
 public:
  explicit DemoDb(std::string backend);
  const std::string& backend() const { return backend_; }
  soci::session& session() { return *session_; }
  /// The SOCI connection string of the database.
  const std::string& conninfo() const { return conninfo_; }
  bool is_pg() const { return backend_ == "postgresql"; }
  bool is_mysql() const { return backend_ == "mysql"; }

 private:
  std::string backend_;
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<ThrowawayDatabase> server_db_;
  std::unique_ptr<soci::session> session_;
  std::string conninfo_;
};

/// The single integer a query returns (COUNT(*), MAX(id), …).
long long scalar(soci::session& session, const std::string& sql);

/// A query's result as text: column names, SOCI types, and cells (nullopt for NULL).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<soci::data_type> types;
  std::vector<std::vector<std::optional<std::string>>> rows;
  /// Index of `column`; fails the calling test (throws) when absent.
  std::size_t index(const std::string& column) const;
  /// Cell of row `r`, column `column`.
  const std::optional<std::string>& at(std::size_t r, const std::string& column) const;
};

/// Named parameter values bound with soci::use(value, name).
using Params = std::map<std::string, std::variant<long long, std::string>>;

/// Runs a query binding `params` by name.
QueryResult run_query(soci::session& session, const std::string& sql, Params params = {});

/// Runs a command binding `params` by name; returns the affected row count.
long long run_command(soci::session& session, const std::string& sql, Params params = {});

/// Every row of a query as one "a|b|c" line (NULL as "∅"), for comparing whole tables.
std::vector<std::string> dump(soci::session& session, const std::string& sql);

}  // namespace hisx::test
