#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "catalogue/slot.h"
#include "catalogue/slot_generator.h"

namespace hisx::appointments {

/// Stores the planned slots that do not exist yet (same clinic, doctor and start), each with
/// a count row per channel; returns how many were created. Running it again for the same
/// days creates nothing: slot generation is idempotent.
int store_planned_slots(soci::session& s, const std::vector<PlannedSlot>& planned,
                        const std::string& now);

/// One slot (with `closed` set when a closure covers its day), if it exists.
std::optional<Slot> find_slot(soci::session& s, long long id);

/// The open (not closed) slots of a clinic on the local days from `from` to `to`
/// (inclusive) with `channel`'s quota and count, ordered by start.
std::vector<SlotForChannel> list_slots(soci::session& s, long long clinic_id, LocalDate from,
                                       LocalDate to, const std::string& channel);

/// Takes one place in the slot if one is left: `booked = booked + 1 WHERE booked <
/// capacity`, decided by the database row, so concurrent bookings (also from other hosts)
/// cannot overfill it. False when the slot is full.
bool take_place(soci::session& s, long long slot_id);

/// Takes one place of `channel`'s quota in the slot, the same way (no quota: always true).
/// False when the channel's quota is used up.
bool take_channel_place(soci::session& s, long long slot_id, const std::string& channel);

/// Gives back a place taken by take_place() and take_channel_place().
void give_back_place(soci::session& s, long long slot_id, const std::string& channel);

}  // namespace hisx::appointments
