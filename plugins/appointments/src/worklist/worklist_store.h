#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "hisx/his_id.h"
#include "sdk_time.h"
#include "worklist/worklist_rules.h"

namespace hisx::appointments {

/// One logged phone call of the call centre (hisx_appointments_call_attempts): about a booking
/// or about a re-examination due, never both.
struct CallAttempt {
  long long id = 0;
  std::optional<long long> booking_id;
  std::optional<long long> due_id;
  Instant at{};
  std::string by;  ///< Principal id of the agent.
  CallOutcome outcome = CallOutcome::kNoAnswer;
  std::optional<Instant> call_back_at;
  std::string note;  ///< May be empty.
};

/// A re-examination due (hisx_appointments_reexam_dues) with what the call centre needs of its
/// order (hisx_appointments_reexams).
struct DueForCall {
  long long id = 0;
  long long reexam_id = 0;
  int seq = 0;
  std::string due_date;      ///< Local "YYYY-MM-DD".
  std::string window_start;  ///< Local, inclusive.
  std::string window_end;    ///< Local, inclusive.
  std::string status;        ///< open, booked, done, missed, cancelled.
  std::optional<long long> booking_id;
  sdk::HisId patient_id;
  sdk::HisId clinic_id;
  std::optional<sdk::HisId> doctor_id;
  std::string note;          ///< The doctor's note on the order.
  std::string order_status;  ///< active, completed, cancelled.
};

/// Ids of the bookings awaiting confirmation (requested) whose slot starts after `after`,
/// soonest first.
std::vector<long long> list_awaiting_confirmation(soci::session& s, Instant after);

/// The open dues of active orders whose window has started by local day `day` (overdue ones
/// included), window ending soonest first.
std::vector<DueForCall> list_open_dues(soci::session& s, LocalDate day);

/// One due with its order, if it exists.
std::optional<DueForCall> find_due(soci::session& s, long long id);

/// The calls about the candidates of list_awaiting_confirmation(s, after) and
/// list_open_dues(s, day), latest first.
std::vector<CallAttempt> list_candidate_attempts(soci::session& s, Instant after, LocalDate day);

/// The calls about one booking (or, with `due`, one due), latest first.
std::vector<CallAttempt> list_attempts(soci::session& s, long long id, bool due);

/// Stores a new attempt (its id is ignored) and returns the id.
long long insert_attempt(soci::session& s, const CallAttempt& attempt);

}  // namespace hisx::appointments
