#pragma once

#include <soci/soci.h>

#include <string>

#include "booking/booking.h"
#include "environment.h"

namespace hisx::appointments {

// Every appointment.* payload carries the booking's clinic, department (from the catalogue)
// and local day, so that a subscriber counts per department and day without reading this
// plugin's tables (hisx/event_schemas.h declares the payloads).

/// Publishes appointment.booked for a new booking, inside the booking transaction `s`.
void publish_booked(Environment& env, soci::session& s, const Booking& booking);

/// Publishes the event of a status change (appointment.confirmed, .cancelled, .no_show,
/// .completed) inside the transaction `s`.
void publish_status_change(Environment& env, soci::session& s, const Booking& booking,
                           BookingAction action, const std::string& by, const std::string& reason);

/// Publishes appointment.rescheduled for the booking moved from `before` to `after` inside
/// the transaction `s`.
void publish_rescheduled(Environment& env, soci::session& s, const Booking& before,
                         const Booking& after, const std::string& by);

/// The fields every appointment.* payload starts with (booking, patient, clinic, department,
/// day, channel, priority), read inside the transaction `s`.
Poco::JSON::Object::Ptr booking_payload(Environment& env, soci::session& s, const Booking& booking);

}  // namespace hisx::appointments
