#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "hisx/export.h"

namespace hisx::sdk {

/// An instant (UTC), to the second.
using Instant = std::chrono::sys_seconds;
/// A wall-clock time in some time zone, to the second.
using LocalTime = std::chrono::local_seconds;
/// A calendar day in some time zone.
using LocalDate = std::chrono::local_days;

/// A calendar date written "YYYY-MM-DD"; nothing for any other text or a day that does not
/// exist (2025-02-30).
HISX_SDK_API std::optional<LocalDate> parse_date(std::string_view text);
/// "YYYY-MM-DD".
HISX_SDK_API std::string format_date(LocalDate date);

/// Minutes after midnight of a clock time "HH:MM" (00:00–23:59, or 24:00 when
/// `allow_midnight_end`, for the end of a session that runs to midnight).
HISX_SDK_API std::optional<int> parse_clock(std::string_view text, bool allow_midnight_end = false);
/// "HH:MM" of minutes after midnight.
HISX_SDK_API std::string format_clock(int minutes);

/// "YYYY-MM-DDTHH:MM:SSZ": how hisx writes instants in its tables, JSON and events.
HISX_SDK_API std::string format_utc(Instant t);
/// The instant of "YYYY-MM-DDTHH:MM:SSZ"; nothing for other text.
HISX_SDK_API std::optional<Instant> parse_utc(std::string_view text);
/// "YYYY-MM-DDTHH:MM:SS" of a wall-clock time, without an offset (as a HIS that stores local
/// time writes it).
HISX_SDK_API std::string format_local_time(LocalTime t);

/// ISO weekday of `date`: 1 = Monday … 7 = Sunday.
HISX_SDK_API int iso_weekday(LocalDate date);

/// `t` floored to the second: what Instant keeps of a clock reading.
inline Instant to_instant(std::chrono::system_clock::time_point t) {
  return std::chrono::floor<std::chrono::seconds>(t);
}

}  // namespace hisx::sdk
