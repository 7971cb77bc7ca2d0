#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/booking.h"
#include "checkin/checkin_rules.h"
#include "checkin/checkin_store.h"
#include "environment.h"
#include "his_directory.h"
#include "hisx/http.h"

namespace hisx::appointments {

/// How registering the visit in the HIS went after a check-in.
enum class VisitRegistration {
  kRegistered,     ///< visit.register ran and added the visit.
  kFailed,         ///< It ran and failed (or changed no row); the check-in stands.
  kNotConfigured,  ///< The HIS profile has no visit.register: nothing was tried.
};

/// "registered", "failed", "not_configured".
std::string to_string(VisitRegistration registration);

/// What a check-in did.
struct CheckinOutcome {
  Booking booking;  ///< As it is now (checked_in, with the priority it got).
  CheckInRecord record;
  bool late = false;  ///< More than the policy's minutes after the slot's start.
  VisitRegistration visit = VisitRegistration::kNotConfigured;
  std::string visit_error;  ///< Why visit.register failed, for the desk and the log.
};

/// Checks booking `id` in at the desk. In one store transaction: the state machine (409
/// invalid-transition naming the current status), the day (409 not-today unless the slot is
/// on today's local date), the channel's priority (settings), the next queue number of the
/// clinic and day, checked_in_at/by, the history and appointment.checked_in through the
/// outbox. After the commit, when the HIS profile defines visit.register, the visit is
/// registered in the HIS; a failure there is logged and reported in the outcome, never undoes
/// the check-in.
CheckinOutcome check_in_booking(Environment& env, const sdk::Principal& who, long long id,
                                const CheckinPolicy& policy = default_checkin_policy());

/// A booking of today found at the desk, with what the receptionist needs to see.
struct CheckinMatch {
  Booking booking;
  std::optional<CheckInRecord> record;  ///< Set once checked in.
  std::optional<HisPatient> patient;    ///< Nothing when the HIS no longer has the patient.
  std::string clinic_name;              ///< The HIS clinic's name ("" when unknown).
};

/// Today's (local) bookings matching what the receptionist typed or scanned: a booking code,
/// the booking's QR payload, a phone number or a patient code (these two through the HIS's
/// patient.search), oldest slot first, every status. 422 on field q when the text is neither
/// a code nor 2 characters to search for.
std::vector<CheckinMatch> find_for_check_in(Environment& env, const sdk::Principal& who,
                                            const std::string& typed);

}  // namespace hisx::appointments
