#include "hisx/his_records.h"

#include <Poco/String.h>

#include "hisx/text.h"

namespace hisx::sdk {

namespace {

HisPatient patient_of(const HisRow& row) {
  return HisPatient{row.text("id"),           row.text("code"),       row.text("full_name"),
                    row.text("phone"),        row.text("birth_date"), row.text("gender"),
                    row.text("insurance_no"), row.text("address")};
}

std::vector<HisPatient> patients_of(const std::vector<HisRow>& rows) {
  std::vector<HisPatient> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(patient_of(row));
  return out;
}

}  // namespace

std::optional<HisPatient> his_patient(Context& context, soci::session& his, const HisId& id) {
  const auto rows = context.profile().query(his, "patient.get", {{"id", HisValue(id)}});
  if (rows.empty()) return std::nullopt;
  return patient_of(rows.front());
}

std::optional<HisPatient> his_patient(Context& context, const HisId& id) {
  const auto his = context.his().session();
  return his_patient(context, *his, id);
}

std::vector<HisPatient> his_patient_search(Context& context, const std::string& folded_query,
                                           int limit) {
  const auto his = context.his().session();
  return patients_of(context.profile().query(
      *his, "patient.search", {{"q", folded_query}, {"limit", static_cast<long long>(limit)}}));
}

std::optional<HisPatient> his_patient_by_code(Context& context, soci::session& his,
                                              const std::string& code) {
  const std::string wanted = Poco::toUpper(code);
  std::vector<HisPatient> found;
  if (context.profile().has("patient.find_by_code")) {
    found = patients_of(context.profile().query(his, "patient.find_by_code", {{"code", wanted}}));
  } else {
    found = patients_of(context.profile().query(his, "patient.search",
                                                {{"q", fold_search_text(code)}, {"limit", 5LL}}));
  }
  for (auto& p : found) {
    if (Poco::toUpper(p.code) == wanted) return std::move(p);
  }
  return std::nullopt;
}

std::optional<std::vector<HisPatient>> his_patients_by_phone(Context& context,
                                                             const std::string& phone) {
  if (!context.profile().has("patient.find_by_phone")) return std::nullopt;
  const auto his = context.his().session();
  return patients_of(context.profile().query(*his, "patient.find_by_phone", {{"phone", phone}}));
}

std::optional<std::vector<HisPatient>> his_patients_by_insurance(Context& context,
                                                                 const std::string& insurance_no) {
  if (!context.profile().has("patient.find_by_insurance")) return std::nullopt;
  const auto his = context.his().session();
  return patients_of(
      context.profile().query(*his, "patient.find_by_insurance", {{"insurance_no", insurance_no}}));
}

std::vector<HisDepartment> his_departments(Context& context, soci::session& his) {
  std::vector<HisDepartment> out;
  for (const auto& row : context.profile().query(his, "department.list", {})) {
    out.push_back({row.text("id"), row.text("code"), row.text("name")});
  }
  return out;
}

std::vector<HisDepartment> his_departments(Context& context) {
  const auto his = context.his().session();
  return his_departments(context, *his);
}

std::vector<HisVisit> his_visits_between(Context& context, const std::string& from,
                                         const std::string& to) {
  const auto his = context.his().session();
  std::vector<HisVisit> out;
  for (const auto& row :
       context.profile().query(*his, "visit.list_between", {{"from", from}, {"to", to}})) {
    out.push_back({row.text("id"), row.text("patient_id"), row.text("clinic_id"),
                   row.text("department_id"), row.text("visit_time"), row.text("status")});
  }
  return out;
}

}  // namespace hisx::sdk
