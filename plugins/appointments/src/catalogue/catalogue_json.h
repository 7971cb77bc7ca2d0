#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <vector>

#include "catalogue/schedule.h"
#include "his_directory.h"

namespace hisx::appointments {

/// {clinic_id, name, code, channels, booking_window_days, same_day_cutoff ("HH:MM" or null),
/// active}; name and code from the HIS when it lists the clinic (null otherwise).
Poco::JSON::Object::Ptr clinic_json(const ClinicRules& rules, const std::optional<HisClinic>& his);

/// {id, clinic_id, doctor_id, weekday, start, end, slot_minutes, capacity, quotas
/// {channel: percent}, quota_limits {channel: places per slot}}.
Poco::JSON::Object::Ptr template_json(const ScheduleTemplate& t);

/// {id, clinic_id (null: whole hospital), from, to, reason}.
Poco::JSON::Object::Ptr closure_json(const Closure& c);

/// {"items": [...], "count": N}.
Poco::JSON::Object::Ptr list_json(const Poco::JSON::Array::Ptr& items);

}  // namespace hisx::appointments
