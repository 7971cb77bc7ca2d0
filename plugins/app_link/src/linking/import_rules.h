#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/civil_time.h"
#include "hisx/csv.h"

namespace hisx::app_link {

/// The columns of a file of paper linking forms, in the order the header names them (any
/// order, case and surrounding spaces ignored); one of form_number and patient_code per row.
inline constexpr const char* kImportHeader =
    "form_number,patient_code,app_account_id,department_id,consent_date";

/// One row of the file as read, before the HIS and the store are asked.
struct ImportRow {
  int line = 0;
  std::optional<long long> form_serial;  ///< From form_number.
  std::string form_number;               ///< As written.
  std::string patient_code;              ///< Upper-cased.
  std::string account_id;
  std::string department_id;  ///< "" when not given (the form's department applies).
  std::optional<sdk::LocalDate> consent_date;
  /// Set when the row itself is bad: the column at fault and why (English / Vietnamese).
  std::string bad_field;
  std::string bad_detail;

  bool bad() const { return !bad_field.empty(); }
};

/// The rows of the file `records` (the first one is the header). Throws std::invalid_argument
/// naming the missing or unknown columns, or saying that the file holds no rows. A row is bad
/// when it has neither form_number nor patient_code, an unreadable form number, no app account
/// or one that is not a valid id, a consent_date that is not YYYY-MM-DD or lies after `today`,
/// or the wrong number of fields.
std::vector<ImportRow> read_import_rows(const std::vector<sdk::CsvRow>& records,
                                        sdk::LocalDate today);

/// What can happen to a row, as the results name it.
inline constexpr const char* kOutcomes[] = {"linked",         "already_linked", "patient_not_found",
                                            "form_not_found", "bad_row",        "limit_reached"};

}  // namespace hisx::app_link
