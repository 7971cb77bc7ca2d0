#include "booking/booking_store.h"

#include "sql_support.h"

namespace hisx::appointments {

namespace {

// The statuses that hold a place (is_active()), for SQL.
constexpr const char* kActive = "('requested', 'confirmed', 'checked_in')";

}  // namespace

void lock_patient(soci::session& s, const sdk::HisId& patient_id, const std::string& now) {
  s << "INSERT INTO hisx_appointments_patient_locks (patient_id, touched_at) "
       "VALUES (:patient, :now) ON CONFLICT (patient_id) DO UPDATE SET touched_at = "
       "excluded.touched_at",
      soci::use(patient_id), soci::use(now);
}

std::optional<long long> find_overlapping(soci::session& s, const sdk::HisId& patient_id,
                                          Instant start, Instant end, long long except) {
  const std::string start_text = format_utc(start), end_text = format_utc(end);
  long long id = 0;
  s << std::string(
           "SELECT id FROM hisx_appointments_bookings WHERE patient_id = :patient "
           "AND id <> :except AND status IN ") +
           kActive + " AND start_utc < :end_utc AND end_utc > :start_utc ORDER BY id LIMIT 1",
      soci::use(patient_id), soci::use(except), soci::use(end_text), soci::use(start_text),
      soci::into(id);
  if (!s.got_data()) return std::nullopt;
  return id;
}

long long count_active_on_days(soci::session& s, std::optional<sdk::HisId> clinic_id,
                               const std::string& from, const std::string& to) {
  const std::string sql =
      std::string(
          "SELECT COUNT(*) FROM hisx_appointments_bookings b "
          "JOIN hisx_appointments_slots s ON s.id = b.slot_id WHERE b.status IN ") +
      kActive + " AND s.local_date >= :from_date AND s.local_date <= :to_date";
  long long count = 0;
  if (clinic_id) {
    s << sql + " AND s.clinic_id = :clinic", soci::into(count), soci::use(from), soci::use(to),
        soci::use(*clinic_id);
  } else {
    s << sql, soci::into(count), soci::use(from), soci::use(to);
  }
  return count;
}

long long insert_booking(soci::session& s, const Booking& b) {
  NullableHisId doctor(b.doctor_id);
  const std::string start = format_utc(b.start), end = format_utc(b.end);
  const std::string status(to_string(b.status));
  const std::string created = format_utc(b.created_at), updated = format_utc(b.updated_at);
  soci::indicator reason_ind = b.reason.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  s << "INSERT INTO hisx_appointments_bookings (patient_id, slot_id, clinic_id, doctor_id, "
       "start_utc, end_utc, channel, status, priority, reason, created_by, created_at, "
       "updated_at) VALUES (:patient, :slot, :clinic, :doctor, :start_utc, :end_utc, :channel, "
       ":status, :priority, :reason, :by, :created, :updated) RETURNING id",
      soci::use(b.patient_id), soci::use(b.slot_id), soci::use(b.clinic_id),
      soci::use(doctor.value, doctor.indicator), soci::use(start), soci::use(end),
      soci::use(b.channel), soci::use(status), soci::use(b.priority),
      soci::use(b.reason, reason_ind), soci::use(b.created_by), soci::use(created),
      soci::use(updated), soci::into(id);
  return id;
}

std::optional<Booking> find_booking(soci::session& s, long long id) {
  Booking b;
  sdk::HisId doctor;
  soci::indicator doctor_ind = soci::i_ok, reason_ind = soci::i_ok, cancel_ind = soci::i_ok,
                  by_ind = soci::i_ok;
  std::string start, end, status, created, updated, reason, cancel_reason, cancelled_by;
  s << "SELECT id, patient_id, slot_id, clinic_id, doctor_id, start_utc, end_utc, channel, "
       "status, priority, reason, created_by, created_at, updated_at, cancel_reason, "
       "cancelled_by FROM hisx_appointments_bookings WHERE id = :id",
      soci::into(b.id), soci::into(b.patient_id), soci::into(b.slot_id), soci::into(b.clinic_id),
      soci::into(doctor, doctor_ind), soci::into(start), soci::into(end), soci::into(b.channel),
      soci::into(status), soci::into(b.priority), soci::into(reason, reason_ind),
      soci::into(b.created_by), soci::into(created), soci::into(updated),
      soci::into(cancel_reason, cancel_ind), soci::into(cancelled_by, by_ind), soci::use(id);
  if (!s.got_data()) return std::nullopt;
  b.doctor_id = optional_his_id(doctor, doctor_ind);
  b.start = parse_utc(start).value_or(Instant{});
  b.end = parse_utc(end).value_or(Instant{});
  b.status = parse_status(status).value_or(BookingStatus::kCancelled);
  b.reason = text_or_empty(reason, reason_ind);
  b.created_at = parse_utc(created).value_or(Instant{});
  b.updated_at = parse_utc(updated).value_or(Instant{});
  b.cancel_reason = text_or_empty(cancel_reason, cancel_ind);
  b.cancelled_by = text_or_empty(cancelled_by, by_ind);
  return b;
}

bool change_status(soci::session& s, long long id, BookingStatus from, BookingStatus to,
                   const std::string& now, const std::string& cancel_reason,
                   const std::string& cancelled_by) {
  const std::string from_text(to_string(from)), to_text(to_string(to));
  soci::indicator reason_ind = cancel_reason.empty() ? soci::i_null : soci::i_ok;
  soci::indicator by_ind = cancelled_by.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_bookings SET status = :to_status, updated_at = "
                    ":now, cancel_reason = COALESCE(:reason, cancel_reason), cancelled_by = "
                    "COALESCE(:by, cancelled_by) WHERE id = :id AND status = :from_status",
       soci::use(to_text), soci::use(now), soci::use(cancel_reason, reason_ind),
       soci::use(cancelled_by, by_ind), soci::use(id), soci::use(from_text));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool move_booking(soci::session& s, long long id, long long from_slot, BookingStatus status,
                  const Booking& to, const std::string& now) {
  NullableHisId doctor(to.doctor_id);
  const std::string start = format_utc(to.start), end = format_utc(to.end);
  const std::string status_text(to_string(status));
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_bookings SET slot_id = :slot, clinic_id = "
                    ":clinic, doctor_id = :doctor, start_utc = :start_utc, end_utc = :end_utc, "
                    "updated_at = :now WHERE id = :id AND slot_id = :from_slot AND status = "
                    ":status",
       soci::use(to.slot_id), soci::use(to.clinic_id), soci::use(doctor.value, doctor.indicator),
       soci::use(start), soci::use(end), soci::use(now), soci::use(id), soci::use(from_slot),
       soci::use(status_text));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void add_change(soci::session& s, long long booking_id, const BookingChange& c) {
  const std::string at = format_utc(c.at);
  NullableId from_slot(c.from_slot_id), to_slot(c.to_slot_id);
  soci::indicator from_ind = c.from_status.empty() ? soci::i_null : soci::i_ok;
  soci::indicator reason_ind = c.reason.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO hisx_appointments_booking_history (booking_id, at, action, from_status, "
       "to_status, from_slot_id, to_slot_id, by_principal, reason) VALUES (:booking, :at, "
       ":action, :from_status, :to_status, :from_slot, :to_slot, :by, :reason)",
      soci::use(booking_id), soci::use(at), soci::use(c.action), soci::use(c.from_status, from_ind),
      soci::use(c.to_status), soci::use(from_slot.value, from_slot.indicator),
      soci::use(to_slot.value, to_slot.indicator), soci::use(c.by), soci::use(c.reason, reason_ind);
}

std::vector<BookingChange> list_changes(soci::session& s, long long booking_id) {
  BookingChange row;
  std::string at, from_status, reason;
  long long from_slot = 0, to_slot = 0;
  soci::indicator from_ind = soci::i_ok, reason_ind = soci::i_ok, from_slot_ind = soci::i_ok,
                  to_slot_ind = soci::i_ok;
  soci::statement st =
      (s.prepare << "SELECT at, action, from_status, to_status, from_slot_id, to_slot_id, "
                    "by_principal, reason FROM hisx_appointments_booking_history "
                    "WHERE booking_id = :id ORDER BY id",
       soci::into(at), soci::into(row.action), soci::into(from_status, from_ind),
       soci::into(row.to_status), soci::into(from_slot, from_slot_ind),
       soci::into(to_slot, to_slot_ind), soci::into(row.by), soci::into(reason, reason_ind),
       soci::use(booking_id));
  st.execute();
  std::vector<BookingChange> out;
  while (st.fetch()) {
    BookingChange c = row;
    c.at = parse_utc(at).value_or(Instant{});
    c.from_status = text_or_empty(from_status, from_ind);
    c.reason = text_or_empty(reason, reason_ind);
    c.from_slot_id = optional_id(from_slot, from_slot_ind);
    c.to_slot_id = optional_id(to_slot, to_slot_ind);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace hisx::appointments
