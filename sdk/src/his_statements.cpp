#include "hisx/his_statements.h"

namespace hisx::sdk {

namespace {
const std::vector<std::string> kPatientColumns = {"id",     "code",  "full_name",    "birth_date",
                                                  "gender", "phone", "insurance_no", "address"};
}

const std::vector<StatementSpec>& standard_statements() {
  static const std::vector<StatementSpec> specs = {
      {"patient.get",
       StatementKind::kQuery,
       {"id"},
       kPatientColumns,
       "The patient with HIS id :id (zero or one row)."},
      {"patient.search",
       StatementKind::kQuery,
       {"q", "limit"},
       kPatientColumns,
       "Patients whose name, phone or patient code contains :q (already lower-cased, "
       "without wildcards), at most :limit rows, best matches first."},
      {"department.list",
       StatementKind::kQuery,
       {},
       {"id", "code", "name"},
       "Every active department."},
      {"clinic.list",
       StatementKind::kQuery,
       {},
       {"id", "code", "name", "department_id"},
       "Every active clinic room."},
      {"doctor.list",
       StatementKind::kQuery,
       {},
       {"id", "code", "full_name", "department_id"},
       "Every active doctor."},
      {"visit.list_between",
       StatementKind::kQuery,
       {"from", "to"},
       {"id", "patient_id", "clinic_id", "doctor_id", "visit_time", "status"},
       "Outpatient visits with :from <= visit_time < :to (UTC, ISO-8601 text)."},
      {"charge.open_for_patient",
       StatementKind::kQuery,
       {"patient_id"},
       {"id", "patient_id", "total", "insurance_paid", "patient_due", "status"},
       "Unpaid invoices of patient :patient_id."},
      {"visit.register",
       StatementKind::kCommand,
       {"patient_id", "clinic_id", "visit_time", "source"},
       {},
       "Registers an outpatient visit in the HIS (optional)."},
  };
  return specs;
}

const StatementSpec* find_statement(std::string_view name) {
  for (const auto& spec : standard_statements()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace hisx::sdk
