#pragma once

#include <optional>
#include <string>

#include "hisx/his_id.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// A stored slot (hisx_appointments_slots).
struct Slot {
  long long id = 0;
  sdk::HisId clinic_id;
  std::optional<sdk::HisId> doctor_id;
  LocalDate local_date{};
  Instant start{};
  Instant end{};
  int capacity = 0;
  int booked = 0;
  bool closed = false;  ///< A closure covers its day (slots are kept; closures hide them).
};

/// A slot with one channel's quota and count (hisx_appointments_slot_channels).
struct SlotForChannel {
  Slot slot;
  std::optional<int> quota;  ///< Most bookings the channel may hold; none: no quota.
  int channel_booked = 0;    ///< Active bookings of the channel in the slot.
};

}  // namespace hisx::appointments
