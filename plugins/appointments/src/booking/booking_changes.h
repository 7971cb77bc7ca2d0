#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "booking/booking.h"
#include "environment.h"
#include "hisx/http.h"

namespace hisx::appointments {

/// A booking with its history, as GET /bookings/{id} shows it.
struct BookingWithHistory {
  Booking booking;
  std::vector<BookingChange> history;
};

/// Booking `id` with its history; 404 when there is none or `who` may not see it.
BookingWithHistory get_booking(Environment& env, const sdk::Principal& who, long long id);

/// Applies `action` (confirm, cancel, complete, no_show) to booking `id` in one store
/// transaction: checks the state machine (409 invalid-transition naming the current status),
/// changes the status only if no one changed it meanwhile, gives the place back on cancel,
/// records the history and publishes the event. A no-show is refused (409) before the
/// slot starts. Returns the booking as it is now.
Booking change_booking(Environment& env, const sdk::Principal& who, long long id,
                       BookingAction action, const std::string& reason);

/// change_booking() inside the caller's open store transaction `s`, for a change that must
/// commit (or roll back) together with the caller's own writes, such as the call-centre
/// attempt that confirms a booking. Never begins, commits or rolls back.
Booking change_booking_in(Environment& env, soci::session& s, const sdk::Principal& who,
                          long long id, BookingAction action, const std::string& reason);

/// Moves booking `id` to slot `new_slot_id` in one store transaction: takes a place (and the
/// channel's quota) in the new slot with the same conditional updates as booking (409 when
/// full, leaving the booking as it was), gives back the old slot's place, re-checks the
/// patient's overlapping bookings and records the history. The status is kept.
Booking reschedule_booking(Environment& env, const sdk::Principal& who, long long id,
                           long long new_slot_id, const std::string& reason);

}  // namespace hisx::appointments
