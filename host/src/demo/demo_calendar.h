#pragma once

#include <chrono>
#include <string>

namespace hisx::host::demo {

/// Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so the seeder uses a
/// fixed offset instead of a time-zone database (libstdc++ 12 has no std::chrono::zoned_time).
inline constexpr std::chrono::hours kHospitalUtcOffset{7};

/// Parses "YYYY-MM-DD"; throws std::runtime_error naming the text when it is not a valid date.
std::chrono::sys_days parse_date(const std::string& text);

/// The hospital's local date at instant `now`.
std::chrono::sys_days hospital_date(std::chrono::system_clock::time_point now);

/// "YYYY-MM-DD".
std::string format_date(std::chrono::sys_days day);

/// "YYYY-MM-DD HH:MM:SS" (UTC): how the demo HIS stores timestamps on every backend.
std::string format_timestamp(std::chrono::sys_seconds t);

/// The instant of local time `minutes` after midnight of local date `day`.
std::chrono::sys_seconds local_time(std::chrono::sys_days day, int minutes, int seconds = 0);

/// Full years between `birth` and `day`.
int age_on(std::chrono::sys_days birth, std::chrono::sys_days day);

}  // namespace hisx::host::demo
