#include "catalogue/template_store.h"

#include "sql_support.h"

namespace hisx::appointments {

namespace {

constexpr const char* kSelect =
    "SELECT id, clinic_id, doctor_id, weekday, start_time, end_time, slot_minutes, capacity, "
    "quotas FROM hisx_appointments_templates";

// Runs `sql` (a kSelect with an optional `:key` filter: a template id or a HIS clinic id)
// and reads every template.
std::vector<ScheduleTemplate> read(soci::session& s, const std::string& sql,
                                   std::optional<long long> id_key,
                                   std::optional<sdk::HisId> clinic_key = std::nullopt) {
  ScheduleTemplate row;
  sdk::HisId doctor;
  soci::indicator doctor_ind = soci::i_ok;
  std::string start, end, quotas;
  soci::indicator quotas_ind = soci::i_ok;
  long long id_value = id_key.value_or(0);
  sdk::HisId clinic_value = clinic_key.value_or(sdk::HisId());
  soci::statement st(s);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.clinic_id));
  st.exchange(soci::into(doctor, doctor_ind));
  st.exchange(soci::into(row.weekday));
  st.exchange(soci::into(start));
  st.exchange(soci::into(end));
  st.exchange(soci::into(row.slot_minutes));
  st.exchange(soci::into(row.capacity));
  st.exchange(soci::into(quotas, quotas_ind));
  if (id_key) st.exchange(soci::use(id_value, "key"));
  if (clinic_key) st.exchange(soci::use(clinic_value, "key"));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<ScheduleTemplate> out;
  while (st.fetch()) {
    ScheduleTemplate t = row;
    t.doctor_id = optional_his_id(doctor, doctor_ind);
    t.start_minute = parse_clock(start).value_or(0);
    t.end_minute = parse_clock(end, true).value_or(0);
    t.quotas = parse_quotas(text_or_empty(quotas, quotas_ind));
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::vector<ScheduleTemplate> list_templates(soci::session& s,
                                             std::optional<sdk::HisId> clinic_id) {
  const std::string order = " ORDER BY clinic_id, weekday, start_time, id";
  if (clinic_id)
    return read(s, std::string(kSelect) + " WHERE clinic_id = :key" + order, std::nullopt,
                clinic_id);
  return read(s, std::string(kSelect) + order, std::nullopt);
}

std::optional<ScheduleTemplate> find_template(soci::session& s, long long id) {
  auto rows = read(s, std::string(kSelect) + " WHERE id = :key", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

long long insert_template(soci::session& s, const ScheduleTemplate& t, const std::string& now) {
  NullableHisId doctor(t.doctor_id);
  const std::string start = format_clock(t.start_minute), end = format_clock(t.end_minute);
  const std::string quotas = format_quotas(t.quotas);
  long long id = 0;
  s << "INSERT INTO hisx_appointments_templates (clinic_id, doctor_id, weekday, start_time, "
       "end_time, slot_minutes, capacity, quotas, created_at, updated_at) VALUES (:clinic, "
       ":doctor, :weekday, :start_time, :end_time, :slot, :capacity, :quotas, :now, :now2) "
       "RETURNING id",
      soci::use(t.clinic_id), soci::use(doctor.value, doctor.indicator), soci::use(t.weekday),
      soci::use(start), soci::use(end), soci::use(t.slot_minutes), soci::use(t.capacity),
      soci::use(quotas), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

bool update_template(soci::session& s, const ScheduleTemplate& t, const std::string& now) {
  NullableHisId doctor(t.doctor_id);
  const std::string start = format_clock(t.start_minute), end = format_clock(t.end_minute);
  const std::string quotas = format_quotas(t.quotas);
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_templates SET clinic_id = :clinic, doctor_id = "
                    ":doctor, weekday = :weekday, start_time = :start_time, end_time = "
                    ":end_time, slot_minutes = :slot, capacity = :capacity, quotas = :quotas, "
                    "updated_at = :now WHERE id = :id",
       soci::use(t.clinic_id), soci::use(doctor.value, doctor.indicator), soci::use(t.weekday),
       soci::use(start), soci::use(end), soci::use(t.slot_minutes), soci::use(t.capacity),
       soci::use(quotas), soci::use(now), soci::use(t.id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

bool delete_template(soci::session& s, long long id) {
  soci::statement st =
      (s.prepare << "DELETE FROM hisx_appointments_templates WHERE id = :id", soci::use(id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace hisx::appointments
