#pragma once

#include <optional>
#include <string>

#include "booking/booking_status.h"
#include "hisx/his_id.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// A patient's place in a slot. Start and end are copied from the slot, so that a patient's
/// overlapping bookings are found without a join.
struct Booking {
  long long id = 0;
  sdk::HisId patient_id;  ///< HIS patient id (`patient.get`).
  long long slot_id = 0;
  sdk::HisId clinic_id;  ///< HIS clinic id.
  std::optional<sdk::HisId> doctor_id;
  Instant start{};
  Instant end{};
  std::string channel;
  BookingStatus status = BookingStatus::kRequested;
  int priority = 0;
  std::string reason;      ///< Why the patient comes; may be empty.
  std::string created_by;  ///< Principal id, "apikey:7" or "user:3".
  Instant created_at{};
  Instant updated_at{};
  std::string cancel_reason;  ///< Set when cancelled.
  std::string cancelled_by;   ///< Principal id, set when cancelled.
};

/// One change in a booking's life, kept in hisx_appointments_booking_history.
struct BookingChange {
  Instant at{};
  std::string action;       ///< "book" or a BookingAction name.
  std::string from_status;  ///< Empty for "book".
  std::string to_status;
  std::optional<long long> from_slot_id;
  std::optional<long long> to_slot_id;
  std::string by;  ///< Principal id.
  std::string reason;
};

}  // namespace hisx::appointments
