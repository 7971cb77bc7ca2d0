#include "reexam/reexam_rules.h"

#include <algorithm>
#include <string>

namespace hisx::appointments {

namespace {

FieldError error(std::string field, std::string detail) {
  return FieldError{std::move(field), std::move(detail)};
}

}  // namespace

FieldCheck check_reexam_terms(const ReexamTerms& terms, LocalDate today) {
  if (terms.first_due < today) {
    return error("due_date",
                 "due_date must be today or later / ngày tái khám không được ở quá khứ");
  }
  const std::string range = std::to_string(kMaxWindowDays);
  if (terms.window_before_days < 0 || terms.window_before_days > kMaxWindowDays) {
    return error("window_before_days", "window_before_days must be 0 to " + range +
                                           " / số ngày được đến sớm phải từ 0 đến " + range);
  }
  if (terms.window_after_days < 0 || terms.window_after_days > kMaxWindowDays) {
    return error("window_after_days", "window_after_days must be 0 to " + range +
                                          " / số ngày được đến muộn phải từ 0 đến " + range);
  }
  if (terms.recurrence) {
    const auto& r = *terms.recurrence;
    if (r.interval_days < kMinIntervalDays || r.interval_days > kMaxIntervalDays) {
      return error("recurrence.interval_days",
                   "recurrence.interval_days must be 7 to 365 / chu kỳ tái khám phải từ 7 "
                   "đến 365 ngày");
    }
    if (r.count < 1 || r.count > kMaxOccurrences) {
      return error("recurrence.count",
                   "recurrence.count must be 1 to 24 / số lần tái khám phải từ 1 đến 24");
    }
  }
  return std::nullopt;
}

std::vector<ReexamDue> expand_dues(const ReexamTerms& terms) {
  std::vector<ReexamDue> out;
  const int interval = terms.recurrence ? terms.recurrence->interval_days : 0;
  for (int seq = 1; seq <= terms.occurrences(); ++seq) {
    ReexamDue due;
    due.seq = seq;
    due.due_date = terms.first_due + std::chrono::days(interval * (seq - 1));
    due.window_start = due.due_date - std::chrono::days(terms.window_before_days);
    due.window_end = due.due_date + std::chrono::days(terms.window_after_days);
    out.push_back(due);
  }
  return out;
}

Instant start_of_day(LocalDate date, const TimeZone& zone) {
  return zone.to_utc(LocalTime{date.time_since_epoch()});
}

std::vector<PlannedReminder> plan_reminders(LocalDate target, const ReminderPlan& plan,
                                            const TimeZone& zone) {
  std::vector<PlannedReminder> out;
  for (int offset : plan.offsets_days) {
    const LocalDate day = target - std::chrono::days(offset);
    const LocalTime at =
        LocalTime{day.time_since_epoch()} + std::chrono::minutes(plan.minute_of_day);
    out.push_back({offset, zone.to_utc(at)});
  }
  std::sort(out.begin(), out.end(), [](const PlannedReminder& a, const PlannedReminder& b) {
    return a.send_at < b.send_at;
  });
  return out;
}

std::optional<PlannedReminder> reminder_due(LocalDate target, Instant target_start,
                                            const ReminderPlan& plan, const TimeZone& zone,
                                            Instant now) {
  if (now >= target_start) return std::nullopt;
  std::optional<PlannedReminder> latest;
  for (const auto& r : plan_reminders(target, plan, zone)) {
    if (r.send_at <= now) latest = r;  // Earliest first: the last one passed wins.
  }
  return latest;
}

}  // namespace hisx::appointments
