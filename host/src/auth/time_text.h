#pragma once

#include <chrono>
#include <string>

namespace hisx::host {

/// "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC). Fixed width, so that comparing the text compares the
/// times: the session and login tables filter on it in SQL.
std::string format_time_ms(std::chrono::system_clock::time_point t);

/// Reads what format_time_ms() writes, and the same without the fraction
/// ("YYYY-MM-DDTHH:MM:SSZ"). Throws std::invalid_argument for anything else.
std::chrono::system_clock::time_point parse_time(const std::string& text);

}  // namespace hisx::host
