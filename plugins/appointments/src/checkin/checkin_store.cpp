#include "checkin/checkin_store.h"

#include "sql_support.h"

namespace hisx::appointments {

long long next_queue_number(soci::session& s, const sdk::HisId& clinic_id, const std::string& day) {
  long long number = 0;
  s << "INSERT INTO hisx_appointments_queue_counters (clinic_id, day, last_number) "
       "VALUES (:clinic, :day, 1) ON CONFLICT (clinic_id, day) DO UPDATE SET last_number = "
       "hisx_appointments_queue_counters.last_number + 1 RETURNING last_number",
      soci::use(clinic_id), soci::use(day), soci::into(number);
  return number;
}

bool mark_checked_in(soci::session& s, long long id, BookingStatus from,
                     const CheckInRecord& record, int priority) {
  const std::string from_text(to_string(from)), to_text(to_string(BookingStatus::kCheckedIn));
  const std::string at = format_utc(record.at);
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_bookings SET status = :to_status, updated_at = "
                    ":at, checked_in_at = :checked_at, checked_in_by = :by, queue_day = :day, "
                    "queue_number = :number, priority = :priority WHERE id = :id AND status = "
                    ":from_status",
       soci::use(to_text), soci::use(at), soci::use(at), soci::use(record.by),
       soci::use(record.day), soci::use(record.queue_number), soci::use(priority), soci::use(id),
       soci::use(from_text));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<CheckInRecord> find_check_in(soci::session& s, long long id) {
  std::string at, by, day;
  long long number = 0;
  soci::indicator at_ind = soci::i_ok, by_ind = soci::i_ok, day_ind = soci::i_ok,
                  number_ind = soci::i_ok;
  s << "SELECT checked_in_at, checked_in_by, queue_day, queue_number FROM "
       "hisx_appointments_bookings WHERE id = :id",
      soci::into(at, at_ind), soci::into(by, by_ind), soci::into(day, day_ind),
      soci::into(number, number_ind), soci::use(id);
  if (!s.got_data() || at_ind == soci::i_null || number_ind == soci::i_null) return std::nullopt;
  CheckInRecord r;
  r.at = parse_utc(at).value_or(Instant{});
  r.by = text_or_empty(by, by_ind);
  r.day = text_or_empty(day, day_ind);
  r.queue_number = number;
  return r;
}

std::vector<long long> patient_bookings_between(soci::session& s, const sdk::HisId& patient_id,
                                                const std::string& from, const std::string& to) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st =
      (s.prepare << "SELECT id FROM hisx_appointments_bookings WHERE patient_id = :patient AND "
                    "start_utc >= :from_utc AND start_utc < :to_utc ORDER BY start_utc, id",
       soci::into(id), soci::use(patient_id), soci::use(from), soci::use(to));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

}  // namespace hisx::appointments
