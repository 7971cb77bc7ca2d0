#pragma once

#include <soci/soci.h>

#include <string>

#include "booking/booking.h"
#include "environment.h"

namespace hisx::appointments {

/// Publishes appointment.booked for a new booking, inside the booking transaction `s`.
void publish_booked(Environment& env, soci::session& s, const Booking& booking);

/// Publishes the event of a status change (appointment.confirmed, .cancelled, .no_show,
/// .completed) inside the transaction `s`.
void publish_status_change(Environment& env, soci::session& s, const Booking& booking,
                           BookingAction action, const std::string& by, const std::string& reason);

/// Publishes appointment.rescheduled inside the transaction `s`.
void publish_rescheduled(Environment& env, soci::session& s, const Booking& booking,
                         long long from_slot_id, const std::string& by);

}  // namespace hisx::appointments
