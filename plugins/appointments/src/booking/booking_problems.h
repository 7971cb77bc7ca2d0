#pragma once

#include <string>

#include "booking/booking.h"
#include "booking/booking_window.h"
#include "catalogue/slot.h"
#include "hisx/http.h"
#include "hisx/problem.h"

namespace hisx::appointments {

/// The refusals of booking and its lifecycle, each with a stable problem type.

/// 404 not-found: no booking `id` (or one the caller may not see).
sdk::Problem booking_not_found(long long id);
/// 422 validation on patient_id: the HIS has no patient `id` (also the answer for a patient
/// outside the caller's PatientScope, see patient_scope.h).
sdk::Problem unknown_patient(const std::string& id);
/// 422 validation on `field`: no slot `id`.
sdk::Problem unknown_slot(long long id, const std::string& field);
/// 409 slot-full {slot_id}: every place of the slot is taken.
sdk::Problem slot_full(const Slot& slot);
/// 409 channel-quota-full {slot_id, channel}: the channel's share of the slot is taken.
sdk::Problem channel_quota_full(const Slot& slot, const std::string& channel);
/// 409 overlapping-booking {booking_id, booking_code}: the patient already holds an active
/// booking at an overlapping time.
sdk::Problem overlapping_booking(long long booking_id);
/// 409 invalid-transition {booking_id, current_status}: `action` is not allowed in the booking's
/// status.
sdk::Problem invalid_transition(const Booking& booking, BookingAction action);
/// 409 clinic-closed {slot_id}: a closure covers the slot's day, or the clinic takes no
/// bookings now.
sdk::Problem clinic_closed(const Slot& slot, const std::string& why);
/// 409 outside-booking-window {slot_id}: too early, too late or after the cut-off.
sdk::Problem outside_window(const Slot& slot, WindowCheck check, const ClinicRules& rules);

/// True when `who` may see and change `booking`: staff any booking, the app and website
/// backends only bookings of their own channel.
bool may_see(const sdk::Principal& who, const Booking& booking);

}  // namespace hisx::appointments
