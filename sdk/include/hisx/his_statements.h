#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// Whether a statement reads rows or changes them.
enum class StatementKind { kQuery, kCommand };

/// The contract of one standard HIS profile statement: the parameters hisx binds and the
/// columns the hospital's SQL must return (extra columns are allowed and ignored).
struct StatementSpec {
  std::string name;                  ///< e.g. "patient.get".
  StatementKind kind;                ///< Query or command.
  std::vector<std::string> params;   ///< Named parameters bound, without the colon.
  std::vector<std::string> columns;  ///< Required result columns (queries only).
  std::string description;           ///< What it must return, for the profile guide.
};

/// The catalogue of standard statements. A plugin's manifest names the ones it needs; the
/// host checks each against the real database at start-up.
///
/// - `patient.get(id)` → id, code, full_name, birth_date, gender, phone, insurance_no, address
/// - `patient.search(q, limit)` → the same columns; q matches name, phone or patient code
/// - `department.list()` → id, code, name
/// - `clinic.list()` → id, code, name, department_id
/// - `doctor.list()` → id, code, full_name, department_id
/// - `visit.list_between(from, to)` → id, patient_id, clinic_id, doctor_id, visit_time, status
/// - `charge.open_for_patient(patient_id)` → id, patient_id, total, insurance_paid, patient_due,
/// status
/// - `visit.register(patient_id, clinic_id, visit_time, source)` (command, optional)
HISX_SDK_API const std::vector<StatementSpec>& standard_statements();

/// The spec of a standard statement, or nullptr if `name` is not one.
HISX_SDK_API const StatementSpec* find_statement(std::string_view name);

}  // namespace hisx::sdk
