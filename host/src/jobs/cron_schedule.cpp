#include "jobs/cron_schedule.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace hisx::host {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::weekday;
using std::chrono::year_month_day;

// How far next_after / last_at_or_before look: long enough for a 29 February that must also
// fall on a given weekday.
constexpr int kHorizonDays = 30 * 366;

const CronFieldSpec kMinute{"minute", 0, 59, {}};
const CronFieldSpec kHour{"hour", 0, 23, {}};
const CronFieldSpec kDayOfMonth{"day-of-month", 1, 31, {}};
const CronFieldSpec kMonth{
    "month",
    1,
    12,
    {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}};
const CronFieldSpec kDayOfWeek{
    "day-of-week", 0, 7, {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}};

std::string expand_macro(const std::string& text) {
  if (text == "@yearly" || text == "@annually") return "0 0 1 1 *";
  if (text == "@monthly") return "0 0 1 * *";
  if (text == "@weekly") return "0 0 * * 0";
  if (text == "@daily" || text == "@midnight") return "0 0 * * *";
  if (text == "@hourly") return "0 * * * *";
  throw std::invalid_argument("unknown macro " + text +
                              "; expected @yearly, @monthly, @weekly, @daily or @hourly");
}

std::vector<std::string> split_fields(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> fields;
  for (std::string f; in >> f;) fields.push_back(f);
  return fields;
}

// The longest each month can be (February in a leap year).
constexpr int kMonthDays[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

}  // namespace

CronSchedule::CronSchedule(const std::string& expression) : expression_(expression) {
  try {
    std::string text = expression;
    text.erase(0, text.find_first_not_of(" \t"));
    text.erase(text.find_last_not_of(" \t") + 1);
    if (!text.empty() && text.front() == '@') text = expand_macro(text);
    const auto fields = split_fields(text);
    if (fields.size() != 5) {
      throw std::invalid_argument(
          "expected 5 fields (minute hour day-of-month month day-of-week), found " +
          std::to_string(fields.size()) +
          (fields.size() == 6 ? " (seconds are not supported)" : ""));
    }
    minutes_ = parse_cron_field(fields[0], kMinute);
    hours_ = parse_cron_field(fields[1], kHour);
    days_ = parse_cron_field(fields[2], kDayOfMonth);
    months_ = parse_cron_field(fields[3], kMonth);
    weekdays_ = parse_cron_field(fields[4], kDayOfWeek);
    if (weekdays_.has(7)) weekdays_.bits = (weekdays_.bits | 1U) & ~(std::uint64_t{1} << 7);
    repeats_in_real_time_ = !minutes_.restricted || !hours_.restricted;

    // With day-of-week unrestricted, the day of month alone decides: it must exist in one of
    // the months (with both restricted, any matching weekday will do).
    if (!(days_.restricted && weekdays_.restricted)) {
      bool possible = false;
      for (int m = 1; m <= 12 && !possible; ++m) {
        for (int d = 1; d <= kMonthDays[m] && months_.has(m) && !possible; ++d) {
          possible = days_.has(d);
        }
      }
      if (!possible) throw std::invalid_argument("no month selected has the day(s) of month given");
    }
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("invalid schedule \"" + expression + "\": " + e.what());
  }
}

bool CronSchedule::runs_on(sdk::LocalDate day) const {
  const year_month_day ymd{day};
  if (!months_.has(static_cast<int>(static_cast<unsigned>(ymd.month())))) return false;
  const bool dom = days_.has(static_cast<int>(static_cast<unsigned>(ymd.day())));
  const bool dow = weekdays_.has(static_cast<int>(weekday{day}.c_encoding()));
  return days_.restricted && weekdays_.restricted ? dom || dow : dom && dow;
}

std::vector<sdk::Instant> CronSchedule::instants_on(sdk::LocalDate day,
                                                    const sdk::TimeZone& zone) const {
  using Kind = sdk::TimeZone::LocalTimeInfo::Kind;
  std::vector<sdk::Instant> out;
  for (int h = 0; h < 24; ++h) {
    if (!hours_.has(h)) continue;
    for (int m = 0; m < 60; ++m) {
      if (!minutes_.has(m)) continue;
      const auto info = zone.lookup(sdk::LocalTime{day.time_since_epoch() + hours{h} + minutes{m}});
      out.push_back(info.first);  // a skipped time fires at the instant the clocks jumped
      if (info.kind == Kind::kRepeated && repeats_in_real_time_) out.push_back(info.second);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<CronSchedule::TimePoint> CronSchedule::next_after(TimePoint t,
                                                                const sdk::TimeZone& zone) const {
  const sdk::LocalDate local_day = zone.date_of(sdk::to_instant(t));
  std::optional<sdk::Instant> best;
  sdk::LocalDate best_day;
  // Start a day early: a time in the next local day can map before t around a change.
  for (auto day = local_day - days{1}; day <= local_day + days{kHorizonDays}; day += days{1}) {
    if (best && day > best_day + days{1}) break;  // offsets differ by less than a day
    if (!runs_on(day)) continue;
    for (const auto& s : instants_on(day, zone)) {
      if (s > t && (!best || s < *best)) {
        best = s;
        best_day = day;
      }
    }
  }
  if (!best) return std::nullopt;
  return TimePoint{std::chrono::duration_cast<TimePoint::duration>(best->time_since_epoch())};
}

std::optional<CronSchedule::TimePoint> CronSchedule::last_at_or_before(
    TimePoint t, const sdk::TimeZone& zone) const {
  const sdk::LocalDate local_day = zone.date_of(sdk::to_instant(t));
  std::optional<sdk::Instant> best;
  sdk::LocalDate best_day;
  for (auto day = local_day + days{1}; day >= local_day - days{kHorizonDays}; day -= days{1}) {
    if (best && day < best_day - days{1}) break;
    if (!runs_on(day)) continue;
    for (const auto& s : instants_on(day, zone)) {
      if (s <= t && (!best || s > *best)) {
        best = s;
        best_day = day;
      }
    }
  }
  if (!best) return std::nullopt;
  return TimePoint{std::chrono::duration_cast<TimePoint::duration>(best->time_since_epoch())};
}

}  // namespace hisx::host
