#include "demo/demo_calendar.h"

#include <cstdio>
#include <stdexcept>

namespace hisx::host::demo {

using namespace std::chrono;

sys_days parse_date(const std::string& text) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
    throw std::runtime_error("demo end_date '" + text + "' is not a date in YYYY-MM-DD form");
  }
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) throw std::runtime_error("demo end_date '" + text + "' is not a valid date");
  return sys_days{ymd};
}

sys_days hospital_date(system_clock::time_point now, const sdk::TimeZone& zone) {
  return sys_days{zone.date_of(sdk::to_instant(now)).time_since_epoch()};
}

std::string format_date(sys_days day) {
  const year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string format_timestamp(sys_seconds t) {
  const auto day = floor<days>(t);
  const hh_mm_ss<seconds> hms{t - day};
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return format_date(day) + buf;
}

sys_seconds local_time(sys_days day, int minutes, int secs, const sdk::TimeZone& zone) {
  return zone.to_utc(local_seconds{day.time_since_epoch()} + std::chrono::minutes{minutes} +
                     seconds{secs});
}

int age_on(sys_days birth, sys_days day) {
  const year_month_day b{birth};
  const year_month_day d{day};
  int age = static_cast<int>(d.year()) - static_cast<int>(b.year());
  if (month_day{d.month(), d.day()} < month_day{b.month(), b.day()}) --age;
  return age;
}

}  // namespace hisx::host::demo
