#pragma once

#include <optional>
#include <string>

#include "environment.h"
#include "hisx/his_id.h"

namespace hisx::app_link {

/// The plugin's own event: a slip or a linking form was printed for a patient.
inline constexpr const char* kSlipPrinted = "app_link.slip_printed";

/// One printed slip or form, as recorded (hisx_app_link_prints).
struct PrintRecord {
  std::string kind;    ///< slip or form.
  std::string format;  ///< pdf, png, svg, html or escpos.
  sdk::HisId patient_id;
  std::optional<sdk::HisId> department_id;
  std::optional<long long> form_id;  ///< The form's serial, for a form.
  std::string printed_by;            ///< Principal id.
};

/// A new linking form for the patient with code `code_id`, inside `tx`; returns its serial
/// (the number printed as form_number()).
long long insert_form(Environment& env, soci::session& tx, const sdk::HisId& patient_id,
                      const std::optional<sdk::HisId>& department_id, long long code_id,
                      const std::string& printed_by);

/// A printed form, as stored.
struct StoredForm {
  long long id = 0;
  sdk::HisId patient_id;
  std::optional<sdk::HisId> department_id;
  long long code_id = 0;
  std::string printed_by;
  std::string printed_at;
};

/// The form with serial `id`, if any.
std::optional<StoredForm> find_form(soci::session& s, long long id);

/// Records a print inside `tx` and publishes `app_link.slip_printed` in the same transaction.
void record_print(Environment& env, soci::session& tx, const PrintRecord& print);

}  // namespace hisx::app_link
