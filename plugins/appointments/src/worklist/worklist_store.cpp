#include "worklist/worklist_store.h"

#include "sql_support.h"

namespace hisx::appointments {

namespace {

// The worklist's candidates, as subqueries (the attempts query reuses them).
constexpr const char* kAwaitingIds =
    "SELECT id FROM hisx_appointments_bookings WHERE status = 'requested' AND start_utc > :after";
constexpr const char* kOpenDueIds =
    "SELECT d.id FROM hisx_appointments_reexam_dues d JOIN hisx_appointments_reexams r "
    "ON r.id = d.reexam_id WHERE d.status = 'open' AND r.status = 'active' AND "
    "d.window_start <= :day";

constexpr const char* kDueColumns =
    "SELECT d.id, d.reexam_id, d.seq, d.due_date, d.window_start, d.window_end, d.status, "
    "d.booking_id, r.patient_id, r.clinic_id, r.doctor_id, r.note, r.status "
    "FROM hisx_appointments_reexam_dues d JOIN hisx_appointments_reexams r ON r.id = d.reexam_id ";

constexpr const char* kAttemptColumns =
    "SELECT id, booking_id, due_id, at, by_principal, outcome, call_back_at, note "
    "FROM hisx_appointments_call_attempts ";

// Reads the rows of a statement prepared with kDueColumns.
struct DueRow {
  DueForCall due;
  long long booking = 0;
  sdk::HisId doctor;
  std::string note;
  soci::indicator booking_ind = soci::i_ok, doctor_ind = soci::i_ok, note_ind = soci::i_ok;

  DueForCall value() const {
    DueForCall out = due;
    out.booking_id = optional_id(booking, booking_ind);
    out.doctor_id = optional_his_id(doctor, doctor_ind);
    out.note = text_or_empty(note, note_ind);
    return out;
  }
};

struct AttemptRow {
  CallAttempt attempt;
  long long booking = 0, due = 0;
  std::string at, outcome, call_back, note;
  soci::indicator booking_ind = soci::i_ok, due_ind = soci::i_ok, call_back_ind = soci::i_ok,
                  note_ind = soci::i_ok;

  CallAttempt value() const {
    CallAttempt out = attempt;
    out.booking_id = optional_id(booking, booking_ind);
    out.due_id = optional_id(due, due_ind);
    out.at = parse_utc(at).value_or(Instant{});
    out.outcome = parse_outcome(outcome).value_or(CallOutcome::kNoAnswer);
    if (call_back_ind != soci::i_null) out.call_back_at = parse_utc(call_back);
    out.note = text_or_empty(note, note_ind);
    return out;
  }
};

std::vector<CallAttempt> fetch_attempts(soci::statement& st, AttemptRow& row) {
  st.execute();
  std::vector<CallAttempt> out;
  while (st.fetch()) out.push_back(row.value());
  return out;
}

#define HISX_ATTEMPT_INTO(row)                                                          \
  soci::into(row.attempt.id), soci::into(row.booking, row.booking_ind),                 \
      soci::into(row.due, row.due_ind), soci::into(row.at), soci::into(row.attempt.by), \
      soci::into(row.outcome), soci::into(row.call_back, row.call_back_ind),            \
      soci::into(row.note, row.note_ind)

#define HISX_DUE_INTO(row)                                                        \
  soci::into(row.due.id), soci::into(row.due.reexam_id), soci::into(row.due.seq), \
      soci::into(row.due.due_date), soci::into(row.due.window_start),             \
      soci::into(row.due.window_end), soci::into(row.due.status),                 \
      soci::into(row.booking, row.booking_ind), soci::into(row.due.patient_id),   \
      soci::into(row.due.clinic_id), soci::into(row.doctor, row.doctor_ind),      \
      soci::into(row.note, row.note_ind), soci::into(row.due.order_status)

}  // namespace

std::vector<long long> list_awaiting_confirmation(soci::session& s, Instant after) {
  const std::string after_text = format_utc(after);
  long long id = 0;
  soci::statement st = (s.prepare << std::string(kAwaitingIds) + " ORDER BY start_utc, id",
                        soci::into(id), soci::use(after_text));
  st.execute();
  std::vector<long long> out;
  while (st.fetch()) out.push_back(id);
  return out;
}

std::vector<DueForCall> list_open_dues(soci::session& s, LocalDate day) {
  const std::string day_text = format_date(day);
  DueRow row;
  soci::statement st =
      (s.prepare << std::string(kDueColumns) +
                        "WHERE d.status = 'open' AND r.status = 'active' AND d.window_start <= "
                        ":day ORDER BY d.window_end, d.id",
       HISX_DUE_INTO(row), soci::use(day_text));
  st.execute();
  std::vector<DueForCall> out;
  while (st.fetch()) out.push_back(row.value());
  return out;
}

std::optional<DueForCall> find_due(soci::session& s, long long id) {
  DueRow row;
  s << std::string(kDueColumns) + "WHERE d.id = :id", HISX_DUE_INTO(row), soci::use(id);
  if (!s.got_data()) return std::nullopt;
  return row.value();
}

std::vector<CallAttempt> list_candidate_attempts(soci::session& s, Instant after, LocalDate day) {
  const std::string after_text = format_utc(after), day_text = format_date(day);
  AttemptRow row;
  soci::statement st =
      (s.prepare << std::string(kAttemptColumns) + "WHERE booking_id IN (" + kAwaitingIds +
                        ") OR due_id IN (" + kOpenDueIds + ") ORDER BY at DESC, id DESC",
       HISX_ATTEMPT_INTO(row), soci::use(after_text), soci::use(day_text));
  return fetch_attempts(st, row);
}

std::vector<CallAttempt> list_attempts(soci::session& s, long long id, bool due) {
  AttemptRow row;
  soci::statement st = (s.prepare << std::string(kAttemptColumns) +
                                         (due ? "WHERE due_id = :id" : "WHERE booking_id = :id") +
                                         " ORDER BY at DESC, id DESC",
                        HISX_ATTEMPT_INTO(row), soci::use(id));
  return fetch_attempts(st, row);
}

long long insert_attempt(soci::session& s, const CallAttempt& a) {
  NullableId booking(a.booking_id), due(a.due_id);
  const std::string at = format_utc(a.at), outcome(to_string(a.outcome));
  const std::string call_back = a.call_back_at ? format_utc(*a.call_back_at) : std::string();
  soci::indicator call_back_ind = a.call_back_at ? soci::i_ok : soci::i_null;
  soci::indicator note_ind = a.note.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  s << "INSERT INTO hisx_appointments_call_attempts (booking_id, due_id, at, by_principal, "
       "outcome, call_back_at, note) VALUES (:booking, :due, :at, :by, :outcome, :call_back, "
       ":note) RETURNING id",
      soci::use(booking.value, booking.indicator), soci::use(due.value, due.indicator),
      soci::use(at), soci::use(a.by), soci::use(outcome), soci::use(call_back, call_back_ind),
      soci::use(a.note, note_ind), soci::into(id);
  return id;
}

#undef HISX_ATTEMPT_INTO
#undef HISX_DUE_INTO

}  // namespace hisx::appointments
