#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "environment.h"

namespace hisx::app_link {

/// One row's result, as stored (hisx_app_link_import_rows).
struct ImportResult {
  int line = 0;
  std::string outcome;  ///< One of kOutcomes (import_rules.h).
  std::string field;    ///< The column at fault, for bad_row.
  std::string detail;
  std::string patient_id;
  std::string account_id;
  std::optional<long long> link_id;
};

/// An import with its rows.
struct StoredImport {
  long long id = 0;
  std::string file_name;
  std::string file_sha256;
  std::string uploaded_by;
  std::string uploaded_at;
  std::vector<ImportResult> rows;
};

/// A new import inside `tx`; returns its id.
long long insert_import(soci::session& tx, const std::string& file_name, const std::string& sha256,
                        const std::string& by, const std::string& at, std::size_t rows);
/// Stores the results of import `id` and its counts, inside `tx`.
void store_results(soci::session& tx, long long id, const std::vector<ImportResult>& rows);
/// Import `id` with its rows in line order, if any.
std::optional<StoredImport> load_import(soci::session& s, long long id);
/// The latest import before `id` of a file with the same content, if any.
std::optional<long long> earlier_import_of(soci::session& s, const std::string& sha256,
                                           long long id);

/// The number of rows of each outcome, every outcome listed.
std::map<std::string, long long> count_outcomes(const std::vector<ImportResult>& rows);

}  // namespace hisx::app_link
