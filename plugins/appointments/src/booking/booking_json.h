#pragma once

#include <Poco/JSON/Object.h>

#include <vector>

#include "booking/booking.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// A booking as the API shows it: {id, code, qr_payload, patient_id, slot_id, clinic_id, doctor_id,
/// start, end (local with offset), channel, status, priority, reason, created_by,
/// created_at, updated_at (UTC)}, plus cancel_reason and cancelled_by once cancelled.
Poco::JSON::Object::Ptr booking_json(const Booking& booking, const TimeZone& zone);

/// The history entries: [{at, action, from_status, to_status, from_slot_id, to_slot_id, by,
/// reason}], oldest first.
Poco::JSON::Array::Ptr history_json(const std::vector<BookingChange>& changes);

/// Compact JSON text of `object`.
std::string to_text(const Poco::JSON::Object::Ptr& object);

}  // namespace hisx::appointments
