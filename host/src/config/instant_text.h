#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace hisx::host {

/// "2026-01-06T09:00:00+07:00" or "2026-01-06T02:00:00Z" (seconds optional): an instant
/// written with its offset from UTC; nothing when `text` is not of that form or names a day
/// or time that does not exist.
std::optional<std::chrono::system_clock::time_point> parse_instant_with_offset(
    const std::string& text);

}  // namespace hisx::host
