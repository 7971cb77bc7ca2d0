#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// Whether a statement reads rows or changes them.
enum class StatementKind { kQuery, kCommand };

/// The type of a statement's parameter or result column, as hisx binds or reads it. Whatever
/// the HIS stores, the host hands a plugin the value in one form per type (see HisRow), and
/// the profile check verifies a sample row against it. Since 2.0.
enum class ValueType {
  kText,     ///< Text, as it is.
  kId,       ///< A HIS id: opaque text (`"K01"`, `"563"`), whatever the HIS column's type.
  kInteger,  ///< A whole number.
  kDecimal,  ///< An exact decimal as text, e.g. `"150000"` or `"12.5"` (money, quantities).
  kDate,     ///< A local calendar date, `"YYYY-MM-DD"`.
  kInstant,  ///< An instant, `"YYYY-MM-DDTHH:MM:SSZ"` in UTC (converted from the HIS's time
             ///< convention, see docs/his-profile.md).
  kCode,     ///< One value of a closed vocabulary (StatementColumn::vocabulary).
};

/// The name of `type` as the docs and the profile check write it ("id", "instant", …).
HISX_SDK_API std::string_view to_string(ValueType type);

/// A closed vocabulary: the values a `kCode` column or parameter may take. A profile maps the
/// HIS's own codes onto them under `values:` (docs/his-profile.md). Since 2.0.
struct Vocabulary {
  std::string name;                 ///< e.g. "gender".
  std::vector<std::string> values;  ///< e.g. {"male", "female", "other", "unknown"}.
  /// The value for a HIS code that maps onto none ("" when such a code is an error).
  std::string fallback;
  std::string description;  ///< What the values mean, for the profile guide.
};

/// A parameter hisx binds. Since 2.0.
struct StatementParam {
  std::string name;  ///< Without the colon.
  ValueType type;
  std::string description;
  std::string vocabulary{};  ///< For kCode: the Vocabulary's name.
};

/// A column the statement returns; only declared columns reach a plugin. Since 2.0.
struct StatementColumn {
  std::string name;  ///< Lower-case, as the SQL names it with AS.
  ValueType type;
  bool nullable;             ///< Whether NULL is allowed.
  std::string description;   ///< Meaning, for the profile guide.
  std::string example;       ///< One example value as the plugin sees it ("" for NULL).
  std::string vocabulary{};  ///< For kCode: the Vocabulary's name.
};

/// The contract of one HIS profile statement: the parameters hisx binds, the columns the
/// hospital's SQL must return and their types. Plugins declare the statements they use in
/// their manifest (hisx/manifest.h); the host checks each against the real HIS at start-up and
/// refuses to run an undeclared one.
struct StatementSpec {
  std::string name;  ///< e.g. "patient.get"; a plugin's own: "<plugin>.<what>".
  StatementKind kind;
  std::vector<StatementParam> params;
  std::vector<StatementColumn> columns;  ///< Queries only.
  std::string description;               ///< What it must return or do, for the profile guide.
  /// Parameter values (as text) with which the check reads one sample row to verify the
  /// column types, e.g. `q: ""` for a search; statements without parameters are sampled
  /// without. Empty: no sample row is read.
  std::map<std::string, std::string> sample{};
  /// Parameter values (as text) that must match no row, e.g. a search for a text no patient
  /// has: the check refuses a statement that returns rows for them (a search that returns
  /// everyone). Empty: no probe.
  std::map<std::string, std::string> probe{};
};

/// The standard vocabularies: gender, visit_status, charge_status, payment_method.
HISX_SDK_API const std::vector<Vocabulary>& standard_vocabularies();

/// The standard vocabulary `name`, or nullptr.
HISX_SDK_API const Vocabulary* find_vocabulary(std::string_view name);

/// The catalogue of standard statements, each documented with its parameters, columns, types
/// and an example row in docs/his-profile.md (generated: `hisx profile docs`).
///
/// - `patient.get(id)`, `patient.search(q, limit)`, `patient.find_by_phone(phone)`,
///   `patient.find_by_insurance(insurance_no)` → id, code, full_name, birth_date, gender,
///   phone, insurance_no, address
/// - `department.list()`, `clinic.list()`, `doctor.list()`
/// - `visit.list_between(from, to)` → outpatient visits with their department
/// - `charge.open_for_patient(patient_id)` → open service lines with insurance and patient share
/// - `visit.register(…)`, `payment.record(…)` (commands)
HISX_SDK_API const std::vector<StatementSpec>& standard_statements();

/// The spec of a standard statement, or nullptr if `name` is not one.
HISX_SDK_API const StatementSpec* find_statement(std::string_view name);

}  // namespace hisx::sdk
