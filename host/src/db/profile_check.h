#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "db/his_profile_file.h"
#include "hisx/database.h"

namespace hisx::host {

/// One reason a profile statement does not fit the HIS database.
struct ProfileIssue {
  std::string statement;  ///< e.g. "patient.get".
  std::string problem;    ///< e.g. "missing column insurance_no; the SQL returns: id, code".
};

/// Checks each of `statements` (the ones the enabled plugins need) against the SDK
/// catalogue and the real HIS database: defined in the profile, parameters hisx binds,
/// queries return the required columns, commands prepare. Nothing is changed in the
/// database: queries return no rows and commands run in a transaction that is rolled back.
std::vector<ProfileIssue> check_profile(const ProfileFile& profile, sdk::Database& his,
                                        const std::vector<std::string>& statements);

/// The issues as a readable multi-line message (Vietnamese first, then English) for the
/// start-up refusal and `hisx profile check`; "" when there are none.
std::string format_issues(const std::filesystem::path& file,
                          const std::vector<ProfileIssue>& issues);

}  // namespace hisx::host
