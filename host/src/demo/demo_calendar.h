#pragma once

#include <chrono>
#include <string>

#include "hisx/time_zone.h"

namespace hisx::host::demo {

/// Parses "YYYY-MM-DD"; throws std::runtime_error naming the text when it is not a valid date.
std::chrono::sys_days parse_date(const std::string& text);

/// The hospital's local date at instant `now` in its time zone.
std::chrono::sys_days hospital_date(std::chrono::system_clock::time_point now,
                                    const sdk::TimeZone& zone);

/// "YYYY-MM-DD".
std::string format_date(std::chrono::sys_days day);

/// "YYYY-MM-DD HH:MM:SS" (UTC): how the demo HIS stores timestamps on every backend.
std::string format_timestamp(std::chrono::sys_seconds t);

/// The instant of local time `minutes` and `seconds` after midnight of local date `day` in
/// the hospital's time zone.
std::chrono::sys_seconds local_time(std::chrono::sys_days day, int minutes, int seconds,
                                    const sdk::TimeZone& zone);

/// Full years between `birth` and `day`.
int age_on(std::chrono::sys_days birth, std::chrono::sys_days day);

}  // namespace hisx::host::demo
