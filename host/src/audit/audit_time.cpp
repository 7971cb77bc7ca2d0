#include "audit/audit_time.h"

#include <cctype>
#include <cstdio>

namespace hisx::host {

namespace {

// Reads `count` digits at `pos` into `value`.
bool digits(const std::string& s, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > s.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

std::string format(int y, unsigned mo, unsigned d, int h, int mi, int s, long micros) {
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d.%06ldZ", y, mo, d, h, mi, s,
                micros);
  return out;
}

}  // namespace

std::string audit_time(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto micros_total = time_point_cast<microseconds>(t).time_since_epoch().count();
  const auto day_start = floor<days>(sys_time<microseconds>(microseconds(micros_total)));
  const year_month_day ymd(day_start);
  auto in_day = microseconds(micros_total) - day_start.time_since_epoch();
  const hh_mm_ss<microseconds> hms(in_day);
  return format(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()),
                static_cast<long>(hms.subseconds().count()));
}

std::optional<std::string> audit_time_bound(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (text.size() < 10 || !digits(text, 0, 4, y) || text[4] != '-' || !digits(text, 5, 2, mo) ||
      text[7] != '-' || !digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  if (text.size() == 10) return format(y, mo, d, 0, 0, 0, 0);

  if (text.size() < 20 || text[10] != 'T' || !digits(text, 11, 2, h) || text[13] != ':' ||
      !digits(text, 14, 2, mi) || text[16] != ':' || !digits(text, 17, 2, s) || h > 23 || mi > 59 ||
      s > 59) {
    return std::nullopt;
  }
  long micros = 0;
  std::size_t pos = 19;
  if (text[pos] == '.') {
    ++pos;
    std::size_t count = 0;
    long scale = 100000;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
      if (count < 6) {
        micros += (text[pos] - '0') * scale;
        scale /= 10;
      }
      ++count;
      ++pos;
    }
    if (count == 0 || count > 9) return std::nullopt;
  }
  if (pos + 1 != text.size() || text[pos] != 'Z') return std::nullopt;
  return format(y, mo, d, h, mi, s, micros);
}

}  // namespace hisx::host
