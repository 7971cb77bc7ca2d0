#pragma once

#include <optional>
#include <vector>

#include "field_error.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// How a chronic patient's re-examination repeats: every `interval_days`, `count` times in
/// all (the first occurrence included).
struct Recurrence {
  int interval_days = 0;
  int count = 1;
};

/// The dates of a re-examination order (W4), as the doctor set them.
struct ReexamTerms {
  LocalDate first_due{};
  int window_before_days = 0;            ///< The patient may come this many days early …
  int window_after_days = 0;             ///< … or this many days late.
  std::optional<Recurrence> recurrence;  ///< None: one occurrence.

  /// How many occurrences the order has (1 without recurrence).
  int occurrences() const { return recurrence ? recurrence->count : 1; }
};

/// The limits an order is checked against.
inline constexpr int kMaxWindowDays = 60;
inline constexpr int kMinIntervalDays = 7;
inline constexpr int kMaxIntervalDays = 365;
inline constexpr int kMaxOccurrences = 24;

/// One occurrence of an order: the day the patient should come and the days they may.
struct ReexamDue {
  int seq = 1;  ///< 1 … occurrences.
  LocalDate due_date{};
  LocalDate window_start{};  ///< Inclusive.
  LocalDate window_end{};    ///< Inclusive.
};

/// Checks an order on `today` (the hospital's date): the first due date not in the past,
/// windows of 0–60 days each, a recurrence every 7–365 days, 1–24 times. The error names
/// the request field: due_date, window_before_days, window_after_days,
/// recurrence.interval_days or recurrence.count.
FieldCheck check_reexam_terms(const ReexamTerms& terms, LocalDate today);

/// The occurrences of an order, in order: occurrence n is due interval × (n − 1) days after
/// the first, each with its own window.
std::vector<ReexamDue> expand_dues(const ReexamTerms& terms);

/// When and how early the patient is reminded: `offsets_days` days before the date (e.g.
/// 3 and 1), at `minute_of_day` local time.
struct ReminderPlan {
  std::vector<int> offsets_days;
  int minute_of_day = 8 * 60;
};

/// One reminder of a due: `offset_days` before the date, to go out at `send_at` (UTC).
struct PlannedReminder {
  int offset_days = 0;
  Instant send_at{};
};

/// The reminders for a visit on local day `target`: for each offset, (target − offset days)
/// at the plan's time, converted to UTC in `zone`. Earliest first.
std::vector<PlannedReminder> plan_reminders(LocalDate target, const ReminderPlan& plan,
                                            const TimeZone& zone);

/// The reminder to send at `now` for a visit on local day `target` that starts at
/// `target_start` (the booked slot's start, or the start of the day when not booked): of
/// the planned reminders with send_at ≤ now < target_start, only the latest, so a patient
/// never gets two at once when several were missed (e.g. an order made the day before).
/// Nothing when none has come or the visit has started.
std::optional<PlannedReminder> reminder_due(LocalDate target, Instant target_start,
                                            const ReminderPlan& plan, const TimeZone& zone,
                                            Instant now);

/// The instant local day `date` begins in `zone`.
Instant start_of_day(LocalDate date, const TimeZone& zone);

}  // namespace hisx::appointments
