#include "catalogue/catalogue_store.h"

#include "sql_support.h"

namespace hisx::appointments {

namespace {

constexpr const char* kSelect =
    "SELECT clinic_id, channels, booking_window_days, same_day_cutoff, active, department_id "
    "FROM hisx_appointments_clinics";

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::vector<ClinicRules> read(soci::session& s, const std::string& sql,
                              std::optional<sdk::HisId> clinic_id) {
  ClinicRules row;
  std::string channels, cutoff;
  soci::indicator cutoff_ind = soci::i_ok;
  int active = 0;
  sdk::HisId department;
  soci::indicator department_ind = soci::i_null;
  sdk::HisId id = clinic_id.value_or(sdk::HisId());
  soci::statement st(s);
  st.exchange(soci::into(row.clinic_id));
  st.exchange(soci::into(channels));
  st.exchange(soci::into(row.booking_window_days));
  st.exchange(soci::into(cutoff, cutoff_ind));
  st.exchange(soci::into(active));
  st.exchange(soci::into(department, department_ind));
  if (clinic_id) st.exchange(soci::use(id, "id"));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<ClinicRules> out;
  while (st.fetch()) {
    ClinicRules r = row;
    r.channels = split(channels);
    r.same_day_cutoff = cutoff_ind == soci::i_null ? std::nullopt : parse_clock(cutoff);
    r.active = active != 0;
    r.department_id = optional_his_id(department, department_ind);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::vector<ClinicRules> list_clinic_rules(soci::session& s) {
  return read(s, std::string(kSelect) + " ORDER BY clinic_id", std::nullopt);
}

std::optional<ClinicRules> find_clinic_rules(soci::session& s, const sdk::HisId& clinic_id) {
  auto rows = read(s, std::string(kSelect) + " WHERE clinic_id = :id", clinic_id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

void save_clinic_rules(soci::session& s, const ClinicRules& rules, const std::string& now,
                       const std::string& by) {
  const std::string channels = join(rules.channels);
  std::string cutoff = rules.same_day_cutoff ? format_clock(*rules.same_day_cutoff) : "";
  soci::indicator cutoff_ind = rules.same_day_cutoff ? soci::i_ok : soci::i_null;
  const int active = rules.active ? 1 : 0;
  NullableHisId department(rules.department_id);
  s << "INSERT INTO hisx_appointments_clinics (clinic_id, channels, booking_window_days, "
       "same_day_cutoff, active, updated_at, updated_by, department_id) "
       "VALUES (:clinic_id, :channels, :window, :cutoff, :active, :now, :by, :department) "
       "ON CONFLICT (clinic_id) DO UPDATE SET channels = excluded.channels, "
       "booking_window_days = excluded.booking_window_days, "
       "same_day_cutoff = excluded.same_day_cutoff, active = excluded.active, "
       "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
       "department_id = excluded.department_id",
      soci::use(rules.clinic_id), soci::use(channels), soci::use(rules.booking_window_days),
      soci::use(cutoff, cutoff_ind), soci::use(active), soci::use(now), soci::use(by),
      soci::use(department.value, department.indicator);
}

std::optional<sdk::HisId> clinic_department(soci::session& s, const sdk::HisId& clinic_id) {
  sdk::HisId department;
  soci::indicator ind = soci::i_null;
  s << "SELECT department_id FROM hisx_appointments_clinics WHERE clinic_id = :id",
      soci::into(department, ind), soci::use(clinic_id);
  if (!s.got_data()) return std::nullopt;
  return optional_his_id(department, ind);
}

bool set_clinic_department(soci::session& s, const sdk::HisId& clinic_id,
                           std::optional<sdk::HisId> department_id) {
  // Written only when it differs, so that an unchanged catalogue takes no row locks.
  if (clinic_department(s, clinic_id) == department_id) return false;
  NullableHisId department(department_id);
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_clinics SET department_id = :d WHERE clinic_id = :c",
       soci::use(department.value, department.indicator), soci::use(clinic_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void lock_clinic_for_booking(soci::session& s, const std::string& backend,
                             const sdk::HisId& clinic_id) {
  if (backend != "postgresql") return;
  sdk::HisId locked;
  s << "SELECT clinic_id FROM hisx_appointments_clinics WHERE clinic_id = :id FOR SHARE",
      soci::use(clinic_id), soci::into(locked);
}

void lock_clinics_for_closure(soci::session& s, const std::string& backend,
                              std::optional<sdk::HisId> clinic_id) {
  if (backend != "postgresql") return;
  if (clinic_id) {
    sdk::HisId locked;
    s << "SELECT clinic_id FROM hisx_appointments_clinics WHERE clinic_id = :id FOR UPDATE",
        soci::use(*clinic_id), soci::into(locked);
    return;
  }
  // Every row of the catalogue, in one statement (PostgreSQL locks the rows it returns).
  std::vector<std::string> ids(64);
  soci::statement st = (s.prepare << "SELECT clinic_id FROM hisx_appointments_clinics "
                                     "ORDER BY clinic_id FOR UPDATE",
                        soci::into(ids));
  st.execute();
  while (st.fetch()) {
  }
}

}  // namespace hisx::appointments
