#pragma once

#include <soci/soci.h>

#include <set>
#include <string_view>

#include "catalogue/slot_store.h"
#include "environment.h"

namespace hisx::appointments {

/// Why a day's capacity is published: the `cause` of schedule.capacity_changed.
inline constexpr std::string_view kSlotsGenerated = "generated";
inline constexpr std::string_view kClosureAdded = "closure_added";
inline constexpr std::string_view kClosureRemoved = "closure_removed";

/// Publishes schedule.capacity_changed for each (clinic, day) of `days` with what it offers
/// now (day_capacity()), inside the transaction `s` that changed it, so that a subscriber
/// (reports) computes utilisation without reading this plugin's tables.
void publish_capacity(Environment& env, soci::session& s, const std::set<ClinicDay>& days,
                      std::string_view cause);

}  // namespace hisx::appointments
