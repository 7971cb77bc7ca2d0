#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "catalogue/slot.h"
#include "catalogue/slot_generator.h"
#include "hisx/his_id.h"

namespace hisx::appointments {

/// A clinic and one of its local days.
using ClinicDay = std::pair<sdk::HisId, LocalDate>;

/// Stores the planned slots that do not exist yet (same clinic, doctor and start), each with
/// a count row per channel; returns how many were created, and adds the (clinic, day) of each
/// to `created_days` when given. Running it again for the same days creates nothing: slot
/// generation is idempotent.
int store_planned_slots(soci::session& s, const std::vector<PlannedSlot>& planned,
                        const std::string& now, std::set<ClinicDay>* created_days = nullptr);

/// What a clinic offers on one day: its open slots, their places, and the most places each
/// channel with a quota may hold (quotas are ceilings, not reservations).
struct DayCapacity {
  int slots = 0;        ///< Open slots (0 when a closure covers the day).
  int capacity = 0;     ///< The sum of their capacities.
  bool closed = false;  ///< A closure of the clinic or the hospital covers the day.
  std::map<std::string, int> by_channel;  ///< Summed quotas of the channels that have one.
};

/// The capacity of `clinic_id` on `day`, from the stored slots and closures.
DayCapacity day_capacity(soci::session& s, const sdk::HisId& clinic_id, LocalDate day);

/// The (clinic, day) pairs that have stored slots on the days from `from` to `to` (inclusive),
/// of one clinic or (none) of every clinic.
std::set<ClinicDay> days_with_slots(soci::session& s, std::optional<sdk::HisId> clinic_id,
                                    LocalDate from, LocalDate to);

/// One slot (with `closed` set when a closure covers its day), if it exists.
std::optional<Slot> find_slot(soci::session& s, long long id);

/// The open (not closed) slots of a clinic on the local days from `from` to `to`
/// (inclusive) with `channel`'s quota and count, ordered by start.
std::vector<SlotForChannel> list_slots(soci::session& s, const sdk::HisId& clinic_id,
                                       LocalDate from, LocalDate to, const std::string& channel);

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
