#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "hisx/database.h"
#include "hisx/migration.h"

namespace hisx::host {

/// A plugin's migrations cannot be applied. The message names the plugin, the migration's
/// version and name, and what to do about it.
class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One row of `hisx_schema_migrations`.
struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;    ///< SHA-256 (hex) of the SQL that was applied.
  std::string applied_at;  ///< UTC, "YYYY-MM-DDTHH:MM:SSZ".
};

/// Applies plugins' forward-only migrations to the store database and records each in
/// `hisx_schema_migrations (plugin, version, name, checksum, applied_at)`.
///
/// Each migration runs in one transaction together with its record row, so a failing
/// migration leaves nothing behind on SQLite and PostgreSQL (MySQL commits DDL implicitly).
/// Several hosts may start at once on one database: on PostgreSQL the transaction takes an
/// advisory lock and checks the record again; on SQLite it starts as a write transaction
/// (BEGIN IMMEDIATE) and checks again.
class Migrator {
 public:
  explicit Migrator(sdk::Database& store);

  /// Applies the migrations of `owner` not yet recorded, in version order. Refuses with
  /// MigrationError before applying anything when the versions are not strictly increasing,
  /// when a recorded migration is no longer shipped, or when an applied migration's SQL has
  /// changed; and when a statement fails (that migration is rolled back). `progress`
  /// receives one line per migration applied.
  void apply(const std::string& owner, const std::vector<sdk::Migration>& migrations,
             const std::function<void(const std::string& line)>& progress = {});

  /// The recorded migrations of `owner`, by version (empty if none or no table yet).
  std::vector<AppliedMigration> applied(const std::string& owner);

  /// The migrations of `owner` not recorded yet, in the order given.
  std::vector<sdk::Migration> pending(const std::string& owner,
                                      const std::vector<sdk::Migration>& migrations);

  /// The SQL applied for `m` on `backend`: its backend variant when present, else `sql`.
  static const std::string& effective_sql(const sdk::Migration& m, const std::string& backend);

  /// SHA-256 (lower-case hex) of `text`.
  static std::string checksum(const std::string& text);

 private:
  void ensure_table();
  bool table_exists();

  sdk::Database& store_;
};

}  // namespace hisx::host
