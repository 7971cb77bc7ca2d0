#pragma once

#include "environment.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// What one generation run did.
struct GenerationResult {
  int days = 0;     ///< Local days covered.
  int planned = 0;  ///< Slots the templates yield on those days (closed days excluded).
  int created = 0;  ///< Of those, slots that did not exist yet.
};

/// Longest range one generation run covers, in days.
inline constexpr int kMaxGenerationDays = 92;

/// Generates and stores the slots of every template of an active catalogue clinic for the
/// local days `from`…`to` (inclusive), in one store transaction. Idempotent: slots that
/// exist are kept as they are (with their bookings), so running it again, or on two hosts at
/// once, creates each slot once. Publishes schedule.capacity_changed for each (clinic, day)
/// that got new slots, in the same transaction.
GenerationResult generate_and_store(Environment& env, LocalDate from, LocalDate to);

}  // namespace hisx::appointments
