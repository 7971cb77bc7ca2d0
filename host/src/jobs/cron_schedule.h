#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "hisx/time_zone.h"
#include "jobs/cron_field.h"

namespace hisx::host {

/// A five-field cron expression "minute hour day-of-month month day-of-week", evaluated in a
/// time zone. No SQL, no clock: given an instant, it says when the schedule fires next (or
/// last fired).
///
/// Rules (those of Vixie cron, which admins know):
/// - `*`, lists, ranges, steps, names JAN–DEC and SUN–SAT (0 and 7 are Sunday), and the
///   macros @yearly (@annually), @monthly, @weekly, @daily (@midnight), @hourly.
/// - When both day-of-month and day-of-week are restricted (neither starts with `*`), a day
///   matching either runs; otherwise a day must match both.
/// - A local time that does not exist (skipped by a daylight-saving change) fires at the
///   instant of the change; several such times fire once.
/// - A local time that exists twice (clocks turned back) fires at its first occurrence only,
///   unless the minute or hour field starts with `*`: such a job repeats through the day in
///   real time, so it fires at both.
class CronSchedule {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  /// Parses `expression`. Throws std::invalid_argument naming the expression, the field and
  /// what is wrong, also for a schedule that can never fire (e.g. "0 0 30 2 *").
  explicit CronSchedule(const std::string& expression);

  /// The expression as given.
  const std::string& expression() const { return expression_; }

  /// Whether the schedule runs on local day `day` (month and the two day fields).
  bool runs_on(sdk::LocalDate day) const;

  /// The first instant strictly after `t` at which the schedule fires in `zone`; nothing when
  /// it does not fire within the next ten years.
  std::optional<TimePoint> next_after(TimePoint t, const sdk::TimeZone& zone) const;

  /// The last instant at or before `t` at which the schedule fired in `zone`; nothing when it
  /// did not fire within the last ten years.
  std::optional<TimePoint> last_at_or_before(TimePoint t, const sdk::TimeZone& zone) const;

  /// The instants at which the schedule fires for the local day `day`, ascending (each once).
  std::vector<sdk::Instant> instants_on(sdk::LocalDate day, const sdk::TimeZone& zone) const;

 private:
  std::string expression_;
  CronField minutes_;
  CronField hours_;
  CronField days_;
  CronField months_;
  CronField weekdays_;
  bool repeats_in_real_time_ = false;  // minute or hour field starts with `*`
};

}  // namespace hisx::host
