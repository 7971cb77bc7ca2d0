#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hisx::appointments {

class TimeZone;

/// An instant (UTC), to the second.
using Instant = std::chrono::sys_seconds;
/// A wall-clock time in the hospital's time zone, to the second.
using LocalTime = std::chrono::local_seconds;
/// A calendar day in the hospital's time zone.
using LocalDate = std::chrono::local_days;

/// A calendar date written "YYYY-MM-DD"; nothing for any other text or a day that does not
/// exist (2025-02-30).
std::optional<LocalDate> parse_date(std::string_view text);
/// "YYYY-MM-DD".
std::string format_date(LocalDate date);

/// Minutes after midnight of a clock time "HH:MM" (00:00–23:59, or 24:00 when
/// `allow_midnight_end`, for the end of a session that runs to midnight).
std::optional<int> parse_clock(std::string_view text, bool allow_midnight_end = false);
/// "HH:MM" of minutes after midnight.
std::string format_clock(int minutes);

/// "YYYY-MM-DDTHH:MM:SSZ": how hisx stores instants.
std::string format_utc(Instant t);
/// The instant of "YYYY-MM-DDTHH:MM:SSZ"; nothing for other text.
std::optional<Instant> parse_utc(std::string_view text);
/// `t` on the hospital's wall clock with its offset, "2025-01-06T08:00:00+07:00".
std::string format_local(Instant t, const TimeZone& zone);

/// ISO weekday of `date`: 1 = Monday … 7 = Sunday.
int iso_weekday(LocalDate date);
/// The hospital's calendar day at instant `t`.
LocalDate local_date(Instant t, const TimeZone& zone);
/// Minutes after local midnight at instant `t`.
int local_minute_of_day(Instant t, const TimeZone& zone);

}  // namespace hisx::appointments
