#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "hisx/his_profile.h"

namespace hisx::host {

/// The rows of a profile query and its column names (lower-cased), known even when no row
/// comes back.
struct HisResult {
  std::vector<std::string> columns;
  std::vector<sdk::HisRow> rows;
};

/// Runs the query `sql` on `session`, binding each of `names` (the SQL's `:name` parameters)
/// from `params` by name (a name of with_distinct_parameters() from the parameter it stands for)
/// and typed (NULL, integer, double, text). Rows become sdk::HisRow: integers as Poco::Int64, dates
/// as ISO-8601 text without a zone ("YYYY-MM-DD" at midnight, else "YYYY-MM-DDTHH:MM:SS"), NULL as
/// an empty Var: raw values, which shape_rows() (db/plugin_profile.h) reads by their declared
/// types. Throws std::invalid_argument when a name has no value and soci::soci_error for a database
/// error.
HisResult run_his_query(soci::session& session, const std::string& sql,
                        const std::vector<std::string>& names, const sdk::HisParams& params);

/// Runs the command `sql` with the same binding and returns the number of affected rows.
long long run_his_command(soci::session& session, const std::string& sql,
                          const std::vector<std::string>& names, const sdk::HisParams& params);

}  // namespace hisx::host
