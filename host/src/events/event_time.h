#pragma once

#include <chrono>
#include <string>

namespace hisx::host {

/// `t` as UTC text with microseconds, "YYYY-MM-DDTHH:MM:SS.ffffffZ": fixed width, so that
/// the outbox orders and compares times as text on every backend.
std::string format_event_time(std::chrono::system_clock::time_point t);

/// Reads text written by format_event_time() (fraction optional); throws
/// std::invalid_argument for anything else.
std::chrono::system_clock::time_point parse_event_time(const std::string& text);

}  // namespace hisx::host
