#include "his_directory.h"

namespace hisx::appointments {

namespace {

long long id_of(const sdk::HisRow& row, const std::string& column) {
  return row.at(column).convert<long long>();
}

HisPatient patient_of(const sdk::HisRow& row) {
  return HisPatient{id_of(row, "id"), row.text("code"), row.text("full_name"), row.text("phone")};
}

}  // namespace

std::vector<HisClinic> his_clinics(sdk::Context& context) {
  soci::session s(context.his().pool());
  std::vector<HisClinic> out;
  for (const auto& row : context.profile().query(s, "clinic.list", {})) {
    HisClinic c;
    c.id = id_of(row, "id");
    c.code = row.text("code");
    c.name = row.text("name");
    if (!row.at("department_id").isEmpty()) c.department_id = id_of(row, "department_id");
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<HisClinic> his_clinic(sdk::Context& context, long long id) {
  for (auto& c : his_clinics(context)) {
    if (c.id == id) return std::move(c);
  }
  return std::nullopt;
}

bool his_doctor_exists(sdk::Context& context, long long id) {
  soci::session s(context.his().pool());
  for (const auto& row : context.profile().query(s, "doctor.list", {})) {
    if (id_of(row, "id") == id) return true;
  }
  return false;
}

bool his_patient_exists(sdk::Context& context, long long id) {
  soci::session s(context.his().pool());
  return !context.profile().query(s, "patient.get", {{"id", id}}).empty();
}

std::optional<HisPatient> his_patient(sdk::Context& context, long long id) {
  soci::session s(context.his().pool());
  const auto rows = context.profile().query(s, "patient.get", {{"id", id}});
  if (rows.empty()) return std::nullopt;
  return patient_of(rows.front());
}

std::vector<HisPatient> his_patient_search(sdk::Context& context, const std::string& folded_query,
                                           int limit) {
  soci::session s(context.his().pool());
  std::vector<HisPatient> out;
  for (const auto& row : context.profile().query(
           s, "patient.search", {{"q", folded_query}, {"limit", static_cast<long long>(limit)}})) {
    out.push_back(patient_of(row));
  }
  return out;
}

}  // namespace hisx::appointments
