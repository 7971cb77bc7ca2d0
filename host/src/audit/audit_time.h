#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace hisx::host {

/// `t` as UTC ISO-8601 with microseconds, "2024-05-01T08:00:00.123456Z": fixed width, so
/// that text order is time order.
std::string audit_time(std::chrono::system_clock::time_point t);

/// A bound of an audit query in the form audit_time() writes, from "YYYY-MM-DD" (midnight
/// UTC) or "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (up to 9 fraction digits; beyond microseconds
/// they are dropped). Nothing when `text` is neither or names no real instant.
std::optional<std::string> audit_time_bound(const std::string& text);

}  // namespace hisx::host
