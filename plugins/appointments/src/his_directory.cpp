#include "his_directory.h"

namespace hisx::appointments {

namespace {

// A HIS id as text, whether the HIS column is a number or text.
sdk::HisId id_of(const sdk::HisRow& row, const std::string& column) { return row.text(column); }

}  // namespace

sdk::LeasedSession his_beside(sdk::Context& context, soci::session& store_session) {
  return context.his().session_beside(store_session, context.store());
}

std::vector<HisClinic> his_clinics(sdk::Context& context, soci::session& his) {
  std::vector<HisClinic> out;
  for (const auto& row : context.profile().query(his, "clinic.list", {})) {
    HisClinic c;
    c.id = id_of(row, "id");
    c.code = row.text("code");
    c.name = row.text("name");
    if (!row.at("department_id").isEmpty()) c.department_id = id_of(row, "department_id");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<HisClinic> his_clinics(sdk::Context& context) {
  const auto his = context.his().session();
  return his_clinics(context, *his);
}

std::optional<HisClinic> his_clinic(sdk::Context& context, const sdk::HisId& id) {
  for (auto& c : his_clinics(context)) {
    if (c.id == id) return std::move(c);
  }
  return std::nullopt;
}

std::vector<HisDoctor> his_doctors(sdk::Context& context) {
  const auto his = context.his().session();
  std::vector<HisDoctor> out;
  for (const auto& row : context.profile().query(*his, "doctor.list", {})) {
    HisDoctor d{id_of(row, "id"), row.text("code"), row.text("full_name"), std::nullopt};
    if (!row.at("department_id").isEmpty()) d.department_id = id_of(row, "department_id");
    out.push_back(std::move(d));
  }
  return out;
}

bool his_doctor_exists(sdk::Context& context, soci::session& his, const sdk::HisId& id) {
  for (const auto& row : context.profile().query(his, "doctor.list", {})) {
    if (id_of(row, "id") == id) return true;
  }
  return false;
}

bool his_doctor_exists(sdk::Context& context, const sdk::HisId& id) {
  const auto his = context.his().session();
  return his_doctor_exists(context, *his, id);
}

bool his_patient_exists(sdk::Context& context, const sdk::HisId& id) {
  const auto his = context.his().session();
  return !context.profile().query(*his, "patient.get", {{"id", sdk::HisValue(id)}}).empty();
}

}  // namespace hisx::appointments
