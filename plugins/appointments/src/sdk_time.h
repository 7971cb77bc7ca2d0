#pragma once

#include "hisx/civil_time.h"
#include "hisx/time_zone.h"

namespace hisx::appointments {

// The SDK's civil time and time zones, by their short names in this plugin's code.
using sdk::format_clock;
using sdk::format_date;
using sdk::format_utc;
using sdk::Instant;
using sdk::iso_weekday;
using sdk::LocalDate;
using sdk::LocalTime;
using sdk::parse_clock;
using sdk::parse_date;
using sdk::parse_utc;
using sdk::TimeZone;

}  // namespace hisx::appointments
