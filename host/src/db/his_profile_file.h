#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hisx/his_profile.h"

namespace hisx::host {

/// A HIS profile read from a YAML file (see docs/his-profile.md):
///
///     profile: demo
///     description: The demo HIS that ships with hisx
///     statements:
///       patient.get:
///         sql: SELECT … WHERE p.id = :id
///         sql_postgresql: …   # optional: sql_sqlite3, sql_postgresql, sql_mysql, sql_odbc
///
/// Each statement keeps only the SQL for the backend it was loaded for.
class ProfileFile : public sdk::HisProfile {
 public:
  /// One statement as this backend runs it.
  struct Statement {
    std::string sql;                  ///< The backend's variant, else `sql`; no trailing ';'.
    std::vector<std::string> params;  ///< The `:name` parameters the SQL uses.
  };

  ProfileFile(std::filesystem::path file, std::string name, std::string description,
              std::string backend, std::map<std::string, Statement> statements);
  ~ProfileFile() override;

  const std::string& name() const override { return name_; }
  bool has(const std::string& statement) const override;
  std::vector<sdk::HisRow> query(soci::session& session, const std::string& statement,
                                 const sdk::HisParams& params) const override;
  long long execute(soci::session& session, const std::string& statement,
                    const sdk::HisParams& params) const override;

  const std::filesystem::path& file() const { return file_; }
  const std::string& description() const { return description_; }
  /// The backend whose SQL variants were chosen.
  const std::string& backend() const { return backend_; }
  /// The statement, or nullptr if the profile does not define it.
  const Statement* find(const std::string& statement) const;
  /// The names of all statements, sorted.
  std::vector<std::string> statement_names() const;

 private:
  const Statement& require(const std::string& statement, const sdk::HisParams& params) const;

  std::filesystem::path file_;
  std::string name_;
  std::string description_;
  std::string backend_;
  std::map<std::string, Statement> statements_;
};

/// Reads the profile `file`, choosing each statement's SQL for `backend`. Throws ConfigError
/// naming the file and the key (e.g. `statements.patient.get.sql`) and how to fix it.
std::unique_ptr<ProfileFile> load_profile(const std::filesystem::path& file,
                                          const std::string& backend);

}  // namespace hisx::host
