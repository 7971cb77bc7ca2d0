#pragma once

#include <date/tz.h>

#include <chrono>
#include <string>

namespace hisx::host {

/// "2024-03-31T01:00:00Z": an instant in UTC to the second (floored), as stored for a run's
/// due time.
std::string utc_seconds_text(std::chrono::system_clock::time_point t);

/// "2024-03-31T01:00:00.250Z": an instant in UTC to the millisecond (floored). Texts of this
/// one form sort and compare in time order, so leases are compared in SQL as text.
std::string utc_millis_text(std::chrono::system_clock::time_point t);

/// Parses either form above. Throws std::invalid_argument quoting `text`.
std::chrono::system_clock::time_point parse_utc_text(const std::string& text);

}  // namespace hisx::host
