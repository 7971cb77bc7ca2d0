#pragma once

#include <map>
#include <string>
#include <vector>

#include "db/his_profile_file.h"
#include "db/his_sql.h"
#include "db/statement_declarations.h"

namespace hisx::host {

/// The HIS profile as one plugin sees it (Context::profile()): only the statements its
/// manifest declares, each held to its contract.
///
/// - An undeclared statement is refused (std::logic_error: a fault of the plugin).
/// - Parameters are bound by their declared type (ids as text, or as whole numbers where the
///   profile says `params: {id: integer}`; instants in the HIS's time convention; codes in the
///   HIS's own codes).
/// - Only declared columns come back, in one form per type (hisx/his_statements.h): helper
///   columns of the SQL never reach the plugin.
/// - A failing statement is a Problem naming the statement (503 `his-unavailable` when the HIS
///   cannot be reached, else 502 `his-statement-failed`); the database's message, which may
///   quote the SQL, goes to the log (`hisx.his`) only. Serialization failures and deadlocks
///   are rethrown as they are, for with_transaction() to retry.
class PluginProfile : public sdk::HisProfile {
 public:
  PluginProfile(std::string plugin, const ProfileFile& file,
                std::vector<DeclaredStatement> declared);
  ~PluginProfile() override;

  const std::string& name() const override { return file_.name(); }
  /// True when the plugin declared `statement` and the profile defines it.
  bool has(const std::string& statement) const override;
  std::vector<sdk::HisRow> query(soci::session& session, const std::string& statement,
                                 const sdk::HisParams& params) const override;
  long long execute(soci::session& session, const std::string& statement,
                    const sdk::HisParams& params) const override;

 private:
  struct Ready;
  Ready prepare(const std::string& statement, sdk::StatementKind kind,
                const sdk::HisParams& params) const;

  std::string plugin_;
  const ProfileFile& file_;
  std::map<std::string, DeclaredStatement> declared_;
};

/// Rows of `result` for a plugin: the columns of `spec` only, in its order, each read by its
/// declared type (read_column()). Throws ValueError naming the column (and, for a value that
/// does not fit, the row's position) when the SQL lacks a column or a value does not fit.
std::vector<sdk::HisRow> shape_rows(const sdk::StatementSpec& spec, const HisResult& result,
                                    const HisConventions& conventions);

/// The parameters `sql_params` (the `:names` the SQL uses) bound for `spec` from `given`
/// (bind_param()); nothing when a value cannot match (see bind_param()). Throws ValueError for
/// a value of the wrong type and std::invalid_argument for a parameter the SQL uses that
/// `spec` does not declare or that `given` lacks.
std::optional<sdk::HisParams> bind_params(const sdk::StatementSpec& spec,
                                          const ProfileFile::Statement& statement,
                                          const sdk::HisParams& given,
                                          const HisConventions& conventions);

}  // namespace hisx::host
