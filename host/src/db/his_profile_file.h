#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db/his_values.h"
#include "hisx/his_profile.h"

namespace hisx::host {

/// A HIS profile read from a YAML file (see docs/his-profile.md):
///
///     profile: demo
///     description: The demo HIS that ships with hisx
///     time: utc               # or local: the HIS stores wall-clock time in the hospital's zone
///     values:                 # the HIS's own codes of the closed vocabularies
///       gender: {map: {1: male, 2: female}}
///     statements:
///       patient.get:
///         sql: SELECT … WHERE p.id = :id
///         sql_postgresql: …   # optional: sql_sqlite3, sql_postgresql, sql_mysql, sql_odbc
///         params: {id: integer}   # optional: bind these id parameters as whole numbers
///
/// Each statement keeps only the SQL for the backend it was loaded for.
class ProfileFile : public sdk::HisProfile {
 public:
  /// One statement as this backend runs it.
  struct Statement {
    std::string sql;                  ///< The backend's variant, else `sql`; no trailing ';'.
    std::vector<std::string> params;  ///< The `:name` parameters the SQL uses, each once.
    /// The names the SQL binds: `params`, or through ODBC one per use (sql_text.h,
    /// with_distinct_parameters()), each standing for one of `params`.
    std::vector<std::string> bind_names{};
    /// Id parameters bound as whole numbers (`params: {name: integer}`).
    std::vector<std::string> integer_ids{};
  };

  ProfileFile(std::filesystem::path file, std::string name, std::string description,
              std::string backend, std::map<std::string, Statement> statements,
              HisConventions conventions = {});
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
  /// The HIS's time convention and value maps (`time:`, `values:`), with the hospital's zone
  /// once set_zone() ran.
  const HisConventions& conventions() const { return conventions_; }
  /// Sets the hospital's zone, for a HIS with `time: local`.
  void set_zone(const sdk::TimeZone& zone) { conventions_.zone = zone; }

 private:
  const Statement& require(const std::string& statement, const sdk::HisParams& params) const;

  std::filesystem::path file_;
  std::string name_;
  std::string description_;
  std::string backend_;
  std::map<std::string, Statement> statements_;
  HisConventions conventions_;
};

/// Reads the profile `file`, choosing each statement's SQL for `backend`. Throws ConfigError
/// naming the file and the key (e.g. `statements.patient.get.sql`) and how to fix it.
std::unique_ptr<ProfileFile> load_profile(const std::filesystem::path& file,
                                          const std::string& backend);

}  // namespace hisx::host
