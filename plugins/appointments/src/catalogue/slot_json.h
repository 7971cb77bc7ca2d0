#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "catalogue/slot.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// A slot for a caller booking through `channel` (none: the caller has no channel):
/// {id, clinic_id, doctor_id, start, end (local with offset), capacity, booked, remaining,
/// channel, remaining_for_channel, bookable}. `bookable` says whether a booking through the
/// channel would be taken now (clinic accepts the channel, booking window, places left).
Poco::JSON::Object::Ptr slot_json(const SlotForChannel& item,
                                  const std::optional<std::string>& channel, bool channel_open,
                                  const TimeZone& zone);

}  // namespace hisx::appointments
