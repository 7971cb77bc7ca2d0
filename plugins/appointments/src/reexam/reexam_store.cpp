#include "reexam/reexam_store.h"

#include "sql_support.h"

namespace hisx::appointments {

namespace {

constexpr const char* kSelectOrder =
    "SELECT id, patient_id, clinic_id, doctor_id, visit_id, first_due_date, window_before_days, "
    "window_after_days, interval_days, occurrences, note, status, ordered_by, created_at, "
    "updated_at, cancel_reason, cancelled_by FROM hisx_appointments_reexams";

constexpr const char* kSelectDue =
    "SELECT id, reexam_id, seq, due_date, window_start, window_end, status, booking_id, "
    "updated_at FROM hisx_appointments_reexam_dues";

LocalDate date_of(const std::string& text) { return parse_date(text).value_or(LocalDate{}); }
Instant instant_of(const std::string& text) { return parse_utc(text).value_or(Instant{}); }

// Runs `sql` (kSelectOrder with filters bound by `bind`) and reads every order.
template <typename Bind>
std::vector<ReexamOrder> read_orders(soci::session& s, const std::string& sql, Bind bind) {
  ReexamOrder row;
  sdk::HisId doctor, visit;
  int interval = 0;
  std::string first_due, note, created, updated, cancel_reason, cancelled_by;
  soci::indicator doctor_ind = soci::i_ok, visit_ind = soci::i_ok, interval_ind = soci::i_ok,
                  note_ind = soci::i_ok, reason_ind = soci::i_ok, by_ind = soci::i_ok;
  soci::statement st(s);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.patient_id));
  st.exchange(soci::into(row.clinic_id));
  st.exchange(soci::into(doctor, doctor_ind));
  st.exchange(soci::into(visit, visit_ind));
  st.exchange(soci::into(first_due));
  st.exchange(soci::into(row.window_before_days));
  st.exchange(soci::into(row.window_after_days));
  st.exchange(soci::into(interval, interval_ind));
  st.exchange(soci::into(row.occurrences));
  st.exchange(soci::into(note, note_ind));
  st.exchange(soci::into(row.status));
  st.exchange(soci::into(row.ordered_by));
  st.exchange(soci::into(created));
  st.exchange(soci::into(updated));
  st.exchange(soci::into(cancel_reason, reason_ind));
  st.exchange(soci::into(cancelled_by, by_ind));
  bind(st);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<ReexamOrder> out;
  while (st.fetch()) {
    ReexamOrder o = row;
    o.doctor_id = optional_his_id(doctor, doctor_ind);
    o.visit_id = optional_his_id(visit, visit_ind);
    o.first_due_date = date_of(first_due);
    if (interval_ind != soci::i_null) o.interval_days = interval;
    o.note = text_or_empty(note, note_ind);
    o.created_at = instant_of(created);
    o.updated_at = instant_of(updated);
    o.cancel_reason = text_or_empty(cancel_reason, reason_ind);
    o.cancelled_by = text_or_empty(cancelled_by, by_ind);
    out.push_back(std::move(o));
  }
  return out;
}

// Runs `sql` (kSelectDue, or the same columns prefixed "d.", then `extra` columns) and reads
// every due.
template <typename Bind>
std::vector<StoredDue> read_dues(soci::session& s, const std::string& sql, Bind bind) {
  StoredDue row;
  long long booking = 0;
  soci::indicator booking_ind = soci::i_ok;
  std::string due_date, window_start, window_end, updated;
  soci::statement st(s);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.reexam_id));
  st.exchange(soci::into(row.seq));
  st.exchange(soci::into(due_date));
  st.exchange(soci::into(window_start));
  st.exchange(soci::into(window_end));
  st.exchange(soci::into(row.status));
  st.exchange(soci::into(booking, booking_ind));
  st.exchange(soci::into(updated));
  bind(st);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<StoredDue> out;
  while (st.fetch()) {
    StoredDue d = row;
    d.due_date = date_of(due_date);
    d.window_start = date_of(window_start);
    d.window_end = date_of(window_end);
    d.booking_id = optional_id(booking, booking_ind);
    d.updated_at = instant_of(updated);
    out.push_back(std::move(d));
  }
  return out;
}

long long affected(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace

long long insert_reexam(soci::session& s, const ReexamOrder& o) {
  NullableHisId doctor(o.doctor_id), visit(o.visit_id);
  const std::string first_due = format_date(o.first_due_date);
  const int interval = o.interval_days.value_or(0);
  soci::indicator interval_ind = o.interval_days ? soci::i_ok : soci::i_null;
  soci::indicator note_ind = o.note.empty() ? soci::i_null : soci::i_ok;
  const std::string created = format_utc(o.created_at), updated = format_utc(o.updated_at);
  long long id = 0;
  s << "INSERT INTO hisx_appointments_reexams (patient_id, clinic_id, doctor_id, visit_id, "
       "first_due_date, window_before_days, window_after_days, interval_days, occurrences, note, "
       "status, ordered_by, created_at, updated_at) VALUES (:patient, :clinic, :doctor, :visit, "
       ":first_due, :before_days, :after_days, :interval_days, :occurrences, :note, :status, "
       ":by, :created, :updated) RETURNING id",
      soci::use(o.patient_id), soci::use(o.clinic_id), soci::use(doctor.value, doctor.indicator),
      soci::use(visit.value, visit.indicator), soci::use(first_due),
      soci::use(o.window_before_days), soci::use(o.window_after_days),
      soci::use(interval, interval_ind), soci::use(o.occurrences), soci::use(o.note, note_ind),
      soci::use(o.status), soci::use(o.ordered_by), soci::use(created), soci::use(updated),
      soci::into(id);
  return id;
}

long long insert_due(soci::session& s, long long reexam_id, const ReexamDue& due,
                     const std::string& now) {
  const std::string date = format_date(due.due_date), from = format_date(due.window_start),
                    to = format_date(due.window_end);
  long long id = 0;
  s << "INSERT INTO hisx_appointments_reexam_dues (reexam_id, seq, due_date, window_start, "
       "window_end, status, updated_at) VALUES (:reexam, :seq, :due_date, :window_start, "
       ":window_end, 'open', :now) RETURNING id",
      soci::use(reexam_id), soci::use(due.seq), soci::use(date), soci::use(from), soci::use(to),
      soci::use(now), soci::into(id);
  return id;
}

std::optional<ReexamOrder> find_reexam(soci::session& s, long long id) {
  auto rows = read_orders(s, std::string(kSelectOrder) + " WHERE id = :id",
                          [&](soci::statement& st) { st.exchange(soci::use(id, "id")); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ReexamOrder> list_reexams(soci::session& s, std::optional<sdk::HisId> patient_id,
                                      const std::string& status, int limit) {
  const sdk::HisId patient = patient_id.value_or(sdk::HisId());
  const std::string sql =
      std::string(kSelectOrder) +
      " WHERE (:patient_any = '' OR patient_id = :patient) AND (:status_any = '' OR status = "
      ":status) ORDER BY id DESC LIMIT :row_limit";
  return read_orders(s, sql, [&](soci::statement& st) {
    st.exchange(soci::use(patient, "patient_any"));
    st.exchange(soci::use(patient, "patient"));
    st.exchange(soci::use(status, "status_any"));
    st.exchange(soci::use(status, "status"));
    st.exchange(soci::use(limit, "row_limit"));
  });
}

std::vector<StoredDue> list_dues(soci::session& s, long long reexam_id) {
  return read_dues(s, std::string(kSelectDue) + " WHERE reexam_id = :reexam ORDER BY seq",
                   [&](soci::statement& st) { st.exchange(soci::use(reexam_id, "reexam")); });
}

std::optional<StoredDue> find_due(soci::session& s, long long reexam_id, int seq) {
  auto rows = read_dues(s, std::string(kSelectDue) + " WHERE reexam_id = :reexam AND seq = :seq",
                        [&](soci::statement& st) {
                          st.exchange(soci::use(reexam_id, "reexam"));
                          st.exchange(soci::use(seq, "seq"));
                        });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool mark_due_booked(soci::session& s, long long due_id, long long booking_id,
                     const std::string& now) {
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_reexam_dues SET status = 'booked', booking_id = "
                    ":booking, updated_at = :now WHERE id = :id AND status = 'open'",
       soci::use(booking_id), soci::use(now), soci::use(due_id));
  return affected(st) == 1;
}

bool cancel_reexam_row(soci::session& s, long long id, const std::string& reason,
                       const std::string& by, const std::string& now) {
  soci::statement st =
      (s.prepare << "UPDATE hisx_appointments_reexams SET status = 'cancelled', cancel_reason = "
                    ":reason, cancelled_by = :by, updated_at = :now WHERE id = :id AND status = "
                    "'active'",
       soci::use(reason), soci::use(by), soci::use(now), soci::use(id));
  return affected(st) == 1;
}

void cancel_open_dues(soci::session& s, long long reexam_id, const std::string& now) {
  s << "UPDATE hisx_appointments_reexam_dues SET status = 'cancelled', updated_at = :now "
       "WHERE reexam_id = :reexam AND status = 'open'",
      soci::use(now), soci::use(reexam_id);
}

void reconcile_dues(soci::session& s, const std::string& today, const std::string& now) {
  // A booking that will not take place: the due is open again (the patient still has to
  // come), or cancelled with its order.
  const std::string ended =
      "status = 'booked' AND booking_id IN (SELECT id FROM hisx_appointments_bookings WHERE "
      "status IN ('cancelled', 'no_show'))";
  s << "UPDATE hisx_appointments_reexam_dues SET status = 'open', booking_id = NULL, "
       "updated_at = :now WHERE " +
           ended +
           " AND reexam_id IN (SELECT id FROM hisx_appointments_reexams WHERE status = "
           "'active')",
      soci::use(now);
  s << "UPDATE hisx_appointments_reexam_dues SET status = 'cancelled', updated_at = :now "
       "WHERE " +
           ended,
      soci::use(now);
  s << "UPDATE hisx_appointments_reexam_dues SET status = 'done', updated_at = :now WHERE "
       "status = 'booked' AND booking_id IN (SELECT id FROM hisx_appointments_bookings WHERE "
       "status IN ('checked_in', 'completed'))",
      soci::use(now);
  s << "UPDATE hisx_appointments_reexam_dues SET status = 'missed', updated_at = :now WHERE "
       "status = 'open' AND window_end < :today",
      soci::use(now), soci::use(today);
  s << "UPDATE hisx_appointments_reexams SET status = 'completed', updated_at = :now WHERE "
       "status = 'active' AND NOT EXISTS (SELECT 1 FROM hisx_appointments_reexam_dues d WHERE "
       "d.reexam_id = hisx_appointments_reexams.id AND d.status NOT IN ('done', 'missed'))",
      soci::use(now);
}

std::vector<DueToRemind> dues_to_remind(soci::session& s, const std::string& today) {
  const std::string sql =
      "SELECT d.id, d.reexam_id, d.seq, d.due_date, d.window_start, d.window_end, d.status, "
      "d.booking_id, d.updated_at FROM hisx_appointments_reexam_dues d JOIN "
      "hisx_appointments_reexams r ON r.id = d.reexam_id WHERE r.status = 'active' AND "
      "d.status IN ('open', 'booked') AND d.window_end >= :today ORDER BY d.id";
  const auto dues =
      read_dues(s, sql, [&](soci::statement& st) { st.exchange(soci::use(today, "today")); });
  std::vector<DueToRemind> out;
  for (const auto& due : dues) {
    DueToRemind d{due, {}, {}};
    s << "SELECT patient_id, clinic_id FROM hisx_appointments_reexams WHERE id = :id",
        soci::into(d.patient_id), soci::into(d.clinic_id), soci::use(due.reexam_id);
    out.push_back(std::move(d));
  }
  return out;
}

bool reminder_recorded(soci::session& s, long long due_id, int offset_days) {
  long long count = 0;
  s << "SELECT COUNT(*) FROM hisx_appointments_reminders WHERE due_id = :due AND offset_days = "
       ":offset_days",
      soci::use(due_id), soci::use(offset_days), soci::into(count);
  return count > 0;
}

void insert_reminder(soci::session& s, const StoredReminder& r) {
  const std::string send_at = format_utc(r.send_at), created = format_utc(r.created_at);
  soci::indicator message_ind = r.message_id.empty() ? soci::i_null : soci::i_ok;
  soci::indicator detail_ind = r.detail.empty() ? soci::i_null : soci::i_ok;
  s << "INSERT INTO hisx_appointments_reminders (due_id, offset_days, send_at, state, "
       "message_id, detail, created_at) VALUES (:due, :offset_days, :send_at, :state, "
       ":message, :detail, :created)",
      soci::use(r.due_id), soci::use(r.offset_days), soci::use(send_at), soci::use(r.state),
      soci::use(r.message_id, message_ind), soci::use(r.detail, detail_ind), soci::use(created);
}

std::vector<StoredReminder> list_reminders(soci::session& s, long long reexam_id) {
  StoredReminder row;
  std::string send_at, message, detail, created;
  soci::indicator message_ind = soci::i_ok, detail_ind = soci::i_ok;
  soci::statement st =
      (s.prepare << "SELECT m.id, m.due_id, m.offset_days, m.send_at, m.state, m.message_id, "
                    "m.detail, m.created_at FROM hisx_appointments_reminders m JOIN "
                    "hisx_appointments_reexam_dues d ON d.id = m.due_id WHERE d.reexam_id = "
                    ":reexam ORDER BY m.due_id, m.send_at, m.id",
       soci::into(row.id), soci::into(row.due_id), soci::into(row.offset_days), soci::into(send_at),
       soci::into(row.state), soci::into(message, message_ind), soci::into(detail, detail_ind),
       soci::into(created), soci::use(reexam_id));
  st.execute();
  std::vector<StoredReminder> out;
  while (st.fetch()) {
    StoredReminder r = row;
    r.send_at = instant_of(send_at);
    r.message_id = text_or_empty(message, message_ind);
    r.detail = text_or_empty(detail, detail_ind);
    r.created_at = instant_of(created);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace hisx::appointments
