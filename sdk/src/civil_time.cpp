#include "hisx/civil_time.h"

#include <cstdio>

namespace hisx::sdk {

namespace {

using namespace std::chrono;

// Reads exactly `width` decimal digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string two(long long v) {
  char buf[32];  // Room for any long long, so GCC can prove no truncation.
  std::snprintf(buf, sizeof buf, "%02lld", v);
  return buf;
}

// "YYYY-MM-DDTHH:MM:SS" of a count of seconds since the epoch of either clock.
std::string format_seconds(seconds since_epoch) {
  const days d = floor<days>(since_epoch);
  const year_month_day ymd{sys_days{d}};
  const hh_mm_ss<seconds> hms{since_epoch - d};
  char buf[96];  // Room for any field values, so GCC can prove no truncation.
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long long>(hms.hours().count()),
                static_cast<long long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf;
}

}  // namespace

std::optional<LocalDate> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)},
                           day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return LocalDate{ymd};
}

std::string format_date(LocalDate date) {
  return format_seconds(date.time_since_epoch()).substr(0, 10);
}

std::optional<int> parse_clock(std::string_view text, bool allow_midnight_end) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto h = digits(text, 0, 2), m = digits(text, 3, 2);
  if (!h || !m || *m > 59) return std::nullopt;
  if (*h == 24 && *m == 0 && allow_midnight_end) return 24 * 60;
  if (*h > 23) return std::nullopt;
  return *h * 60 + *m;
}

std::string format_clock(int minutes) { return two(minutes / 60) + ":" + two(minutes % 60); }

std::string format_utc(Instant t) { return format_seconds(t.time_since_epoch()) + "Z"; }

std::optional<Instant> parse_utc(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  auto date = parse_date(text.substr(0, 10));
  auto h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!date || !h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
  return Instant{date->time_since_epoch() + hours{*h} + minutes{*m} + seconds{*s}};
}

std::string format_local_time(LocalTime t) { return format_seconds(t.time_since_epoch()); }

int iso_weekday(LocalDate date) {
  return static_cast<int>(weekday{sys_days{date.time_since_epoch()}}.iso_encoding());
}

}  // namespace hisx::sdk
