#include "jobs/utc_time.h"

#include <sstream>
#include <stdexcept>

namespace hisx::host {

std::string utc_seconds_text(std::chrono::system_clock::time_point t) {
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(t));
}

std::string utc_millis_text(std::chrono::system_clock::time_point t) {
  return date::format("%FT%TZ", date::floor<std::chrono::milliseconds>(t));
}

// GCC 12 at -O2 reports a false "may be used uninitialized" inside date::parse's own code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
std::chrono::system_clock::time_point parse_utc_text(const std::string& text) {
  std::istringstream in(text);
  date::sys_time<std::chrono::milliseconds> t;
  in >> date::parse("%FT%T", t);
  if (in.fail() || in.get() != 'Z' || in.peek() != std::char_traits<char>::eof()) {
    throw std::invalid_argument("'" + text + "' is not a UTC time like 2024-03-31T01:00:00Z");
  }
  return std::chrono::time_point_cast<std::chrono::system_clock::duration>(t);
}
#pragma GCC diagnostic pop

}  // namespace hisx::host
