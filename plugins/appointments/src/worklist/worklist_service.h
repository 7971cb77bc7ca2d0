#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/booking.h"
#include "environment.h"
#include "his_directory.h"
#include "hisx/his_id.h"
#include "hisx/http.h"
#include "worklist/worklist_rules.h"
#include "worklist/worklist_store.h"

namespace hisx::appointments {

/// A call the agent logs: about a booking or about a re-examination due (exactly one).
struct AttemptRequest {
  std::optional<long long> booking_id;
  std::optional<long long> due_id;
  CallOutcome outcome = CallOutcome::kNoAnswer;
  std::optional<Instant> call_back_at;  ///< Only with CallOutcome::kCallBackAt.
  std::string note;
};

/// The logged call, and the booking as it is after it (booking calls only).
struct AttemptResult {
  CallAttempt attempt;
  std::optional<Booking> booking;
};

/// Logs a call in one store transaction (rules: worklist_rules.h). 422 call_back_at when the
/// time is missing, not allowed or not in the future; 404 for an unknown booking or due; 409
/// not-awaiting-confirmation {booking_id, current_status} when the booking is no longer
/// requested; 409 due-not-open {due_id, current_status} when the due is not open (or its order
/// not active), and for `confirmed` 409 due-not-booked unless the due was booked through the
/// re-examination route first. `confirmed` and `declined` on a booking confirm or cancel it
/// through change_booking_in() in the same transaction as the attempt.
AttemptResult log_attempt(Environment& env, const sdk::Principal& who,
                          const AttemptRequest& request);

/// The calls about booking `id` (or due `id` when `due`), latest first; 404 when unknown.
std::vector<CallAttempt> attempt_history(Environment& env, long long id, bool due);

/// One line of the worklist.
struct WorkItem {
  WorkKind kind = WorkKind::kBooking;
  Urgency urgency = Urgency::kAwaitingConfirmation;
  std::optional<Booking> booking;  ///< kBooking.
  std::optional<DueForCall> due;   ///< kReexam.
  sdk::HisId patient_id;
  std::optional<HisPatient> patient;  ///< Nothing when the HIS no longer has the patient.
  sdk::HisId clinic_id;
  std::string clinic_name;            ///< "" when the HIS does not list the clinic.
  std::vector<CallAttempt> attempts;  ///< Latest first.
};

/// The list of one local day.
struct Worklist {
  LocalDate day{};
  Instant as_of{};              ///< The later of now and the day's local midnight.
  std::vector<WorkItem> items;  ///< Most urgent first.
};

/// Whom the call centre phones on local day `day`, most urgent first: the candidates from the
/// store, ordered by order_worklist(), with patients (one patient.get per patient) and clinic
/// names from the HIS.
Worklist build_worklist(Environment& env, LocalDate day);

}  // namespace hisx::appointments
