#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "db/his_profile_file.h"
#include "db/statement_declarations.h"
#include "hisx/database.h"

namespace hisx::host {

/// One reason a profile statement does not fit the HIS database.
struct ProfileIssue {
  std::string statement;  ///< e.g. "patient.get".
  std::string problem;    ///< e.g. "missing column insurance_no; the SQL returns: id, code".
};

/// Checks each of `statements` (the ones the enabled plugins declare) against the real HIS
/// database: a required one is defined; the SQL binds only parameters hisx binds; a query
/// returns every declared column, a sample row (StatementSpec::sample, or any row of a
/// statement without parameters) fits the declared types and vocabularies, and a probe
/// (StatementSpec::probe) matches nothing; a command prepares (MySQL: explains). Parameters
/// get typed sample values, never NULL. Nothing is ever written to the HIS.
std::vector<ProfileIssue> check_profile(const ProfileFile& profile, sdk::Database& his,
                                        const std::vector<DeclaredStatement>& statements);

/// The issues as a readable multi-line message (Vietnamese first, then English) for the
/// start-up refusal and `hisx profile check`; "" when there are none.
std::string format_issues(const std::filesystem::path& file,
                          const std::vector<ProfileIssue>& issues);

}  // namespace hisx::host
