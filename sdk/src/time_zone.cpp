#include "hisx/time_zone.h"

#include <date/tz.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "posix_tz_rule.h"

namespace hisx::sdk {

using namespace std::chrono;

struct TimeZone::Rules {
  std::string name;
  const date::time_zone* zone = nullptr;      ///< Null for a fixed zone.
  seconds fixed_offset{0};                    ///< A fixed zone's offset.
  std::optional<detail::PosixTzRule> footer;  ///< After the zone file's last transition.
};

namespace {

// The POSIX rule at the end of the zone's TZif file (version 2 and later): the text between
// the last two newlines. Nothing when the file cannot be read or has none.
std::optional<detail::PosixTzRule> read_footer(const std::string& name) {
  const char* env = std::getenv("TZDIR");
  const std::string dir = (env != nullptr && *env != '\0') ? env : "/usr/share/zoneinfo";
  std::ifstream f(dir + "/" + name, std::ios::binary);
  if (!f) return std::nullopt;
  const std::string data{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  if (data.size() < 2 || data.back() != '\n') return std::nullopt;
  const auto open = data.rfind('\n', data.size() - 2);
  if (open == std::string::npos) return std::nullopt;
  return detail::PosixTzRule::parse(
      std::string_view(data).substr(open + 1, data.size() - open - 2));
}

}  // namespace

TimeZone::TimeZone(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}

TimeZone TimeZone::locate(const std::string& name) {
  auto rules = std::make_shared<Rules>();
  rules->name = name;
  try {
    rules->zone = date::locate_zone(name);
  } catch (const std::exception& e) {
    throw std::invalid_argument("time zone '" + name +
                                "' is not in the system's tz database (an IANA name such as "
                                "Asia/Ho_Chi_Minh is expected; is the tzdata package installed?)");
  }
  // A link ("Asia/Saigon") reads the file of the zone it names.
  rules->footer = read_footer(std::string(rules->zone->name()));
  return TimeZone(std::move(rules));
}

TimeZone TimeZone::fixed(std::string name, seconds offset) {
  auto rules = std::make_shared<Rules>();
  rules->name = std::move(name);
  rules->fixed_offset = offset;
  return TimeZone(std::move(rules));
}

const std::string& TimeZone::name() const { return rules_->name; }

seconds TimeZone::offset_at(Instant t) const {
  if (rules_->zone == nullptr) return rules_->fixed_offset;
  const date::sys_info info = rules_->zone->get_info(date::sys_seconds{t.time_since_epoch()});
  // The last period the file lists runs "forever" (date/tz ends it in the year 32767): from
  // its start on, the footer rules.
  static const date::sys_seconds forever{date::sys_days{date::year{10000} / 1 / 1}};
  if (info.end >= forever && rules_->footer) return rules_->footer->offset_at(t);
  return info.offset;
}

LocalTime TimeZone::to_local(Instant t) const {
  return LocalTime{t.time_since_epoch() + offset_at(t)};
}

TimeZone::LocalTimeInfo TimeZone::lookup(LocalTime local) const {
  const seconds wall = local.time_since_epoch();
  // Offsets change at most once around any instant in practice; a day either side covers
  // every real transition.
  const seconds before = offset_at(Instant{wall - hours(24)});
  const seconds after = offset_at(Instant{wall + hours(24)});
  const Instant early{wall - std::max(before, after)}, late{wall - std::min(before, after)};
  const bool early_fits = offset_at(early) == std::max(before, after);
  const bool late_fits = offset_at(late) == std::min(before, after);
  using Kind = LocalTimeInfo::Kind;
  if (early_fits && late_fits && early != late) return {Kind::kRepeated, early, late};
  if (early_fits) return {Kind::kUnique, early, early};
  if (late_fits) return {Kind::kUnique, late, late};
  // Skipped: the clocks jumped forward somewhere in [early, late]; find the instant.
  Instant lo = early, hi = late;  // offset_at(lo) is the old offset, offset_at(hi) the new
  while (hi - lo > seconds(1)) {
    const Instant mid = lo + (hi - lo) / 2;
    (offset_at(mid) == before ? lo : hi) = mid;
  }
  return {Kind::kSkipped, hi, hi};
}

Instant TimeZone::to_utc(LocalTime local) const {
  const LocalTimeInfo info = lookup(local);
  if (info.kind != LocalTimeInfo::Kind::kSkipped) return info.first;
  // In a gap: the offset before it moves the time forward by the gap's length.
  return Instant{local.time_since_epoch() - offset_at(info.first - seconds(1))};
}

LocalDate TimeZone::date_of(Instant t) const { return floor<days>(to_local(t)); }

int TimeZone::minute_of_day(Instant t) const {
  const LocalTime local = to_local(t);
  return static_cast<int>(duration_cast<minutes>(local - floor<days>(local)).count());
}

Instant TimeZone::start_of(LocalDate day) const {
  return to_utc(LocalTime{day.time_since_epoch()});
}

std::string TimeZone::format(Instant t) const {
  const seconds offset = offset_at(t);
  const long long abs_minutes = std::abs(offset.count()) / 60;
  const std::string hh = std::to_string(100 + abs_minutes / 60).substr(1);
  const std::string mm = std::to_string(100 + abs_minutes % 60).substr(1);
  return format_local_time(to_local(t)) + (offset.count() < 0 ? "-" : "+") + hh + ":" + mm;
}

}  // namespace hisx::sdk
