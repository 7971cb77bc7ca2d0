#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

#include "booking/booking.h"
#include "environment.h"
#include "hisx/his_id.h"
#include "hisx/http.h"
#include "hisx/idempotency.h"

namespace hisx::appointments {

/// A request to book a place.
struct BookingRequest {
  sdk::HisId patient_id;  ///< HIS patient id, checked through `patient.get`.
  long long slot_id = 0;
  std::string channel;
  std::string reason;  ///< May be empty.
};

/// The normalised request text kept with an Idempotency-Key: two requests are "the same"
/// when these texts are equal (key order and spacing of the JSON sent do not matter).
std::string booking_request_text(const BookingRequest& request);

/// Books a place for the caller of `req` (W2), all in one store transaction:
///  1. claims the Idempotency-Key, when given, through the SDK (scope "bookings": the REST and
///     FHIR routes share it; a replay returns the stored answer; the same key with a different
///     request is a 422 on field Idempotency-Key);
///  2. takes a place in the slot and in the channel's quota with conditional updates (409
///     slot-full / channel-quota-full when none is left);
///  3. locks the patient's row and refuses an overlapping active booking (409
///     overlapping-booking with its booking_id);
///  4. stores the booking and its first history entry, publishes appointment.booked.
/// Before the transaction it checks the caller's channel (403), the patient (422
/// patient_id; the same answer for a patient outside the caller's PatientScope, also on a
/// replay), the slot (422 slot_id, 409 clinic-closed) and the booking window (409).
sdk::WriteAnswer book(Environment& env, const sdk::Request& req, const BookingRequest& request);

/// Books `request` inside a store transaction the caller already holds (`store_tx`), for a
/// caller that books as part of a larger change (a re-examination order holding a slot):
/// the slot's checks of book() (422 slot_id, 409 clinic-closed / outside-booking-window,
/// 422 channel when the clinic does not take it), then steps 2–4 of book(), recorded as made
/// by principal id `by`. Neither the caller's role nor the patient is checked here (the
/// caller decided the channel and checked the patient), and there is no Idempotency-Key.
/// Throws the same problems as book(); the caller's transaction then rolls back.
Booking book_in_transaction(Environment& env, soci::session& store_tx, const std::string& by,
                            const BookingRequest& request);

}  // namespace hisx::appointments
