#include "auth/time_text.h"

#include <cstdio>
#include <stdexcept>

namespace hisx::host {

namespace {

using std::chrono::system_clock;

int digits(const std::string& text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') {
      throw std::invalid_argument("not a UTC time 'YYYY-MM-DDTHH:MM:SS[.mmm]Z': '" + text + "'");
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::string format_time_ms(system_clock::time_point t) {
  const auto ms = std::chrono::floor<std::chrono::milliseconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(ms);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{ms - day};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return out;
}

system_clock::time_point parse_time(const std::string& text) {
  const bool with_ms = text.size() == 24;
  if ((text.size() != 20 && !with_ms) || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text.back() != 'Z' || (with_ms && text[19] != '.')) {
    throw std::invalid_argument("not a UTC time 'YYYY-MM-DDTHH:MM:SS[.mmm]Z': '" + text + "'");
  }
  const std::chrono::year_month_day ymd{
      std::chrono::year{digits(text, 0, 4)},
      std::chrono::month{static_cast<unsigned>(digits(text, 5, 2))},
      std::chrono::day{static_cast<unsigned>(digits(text, 8, 2))}};
  if (!ymd.ok()) throw std::invalid_argument("not a calendar date: '" + text + "'");
  const int hours = digits(text, 11, 2), minutes = digits(text, 14, 2),
            seconds = digits(text, 17, 2);
  if (hours > 23 || minutes > 59 || seconds > 60) {
    throw std::invalid_argument("not a time of day: '" + text + "'");
  }
  const int millis = with_ms ? digits(text, 20, 3) : 0;
  return std::chrono::sys_days{ymd} + std::chrono::hours(hours) + std::chrono::minutes(minutes) +
         std::chrono::seconds(seconds) + std::chrono::milliseconds(millis);
}

}  // namespace hisx::host
