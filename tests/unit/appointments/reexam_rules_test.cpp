// Re-examination orders (W4): checking an order, expanding it into dues with their windows,
// and when reminders go out.
#include "reexam/reexam_rules.h"

#include <gtest/gtest.h>

namespace hisx::appointments {
namespace {

using namespace std::chrono;

LocalDate day(const char* text) { return *parse_date(text); }
Instant utc(const char* text) { return *parse_utc(text); }

ReexamTerms terms(const char* first, int before = 3, int after = 7,
                  std::optional<Recurrence> recurrence = std::nullopt) {
  ReexamTerms t;
  t.first_due = day(first);
  t.window_before_days = before;
  t.window_after_days = after;
  t.recurrence = recurrence;
  return t;
}

std::string field_of(const FieldCheck& check) { return check ? check->field : "ok"; }

const TimeZone& vietnam() {
  static const TimeZone zone = TimeZone::locate("Asia/Ho_Chi_Minh");
  return zone;
}

TEST(ReexamRules, AcceptsTodayAndLaterWithinTheLimits) {
  const LocalDate today = day("2026-03-10");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-03-10"), today)), "ok");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-10", 0, 60), today)), "ok");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-10", 60, 0, Recurrence{7, 24}), today)),
            "ok");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-10", 3, 7, Recurrence{365, 1}), today)),
            "ok");
}

TEST(ReexamRules, EachRefusalNamesItsField) {
  const LocalDate today = day("2026-03-10");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-03-09"), today)), "due_date");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", -1), today)), "window_before_days");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", 61), today)), "window_before_days");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", 3, -1), today)), "window_after_days");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", 3, 61), today)), "window_after_days");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", 3, 7, Recurrence{6, 3}), today)),
            "recurrence.interval_days");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", 3, 7, Recurrence{366, 3}), today)),
            "recurrence.interval_days");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", 3, 7, Recurrence{30, 0}), today)),
            "recurrence.count");
  EXPECT_EQ(field_of(check_reexam_terms(terms("2026-04-01", 3, 7, Recurrence{30, 25}), today)),
            "recurrence.count");
  const auto e = check_reexam_terms(terms("2026-03-09"), today);
  ASSERT_TRUE(e);
  EXPECT_NE(e->detail.find("ngày tái khám"), std::string::npos) << e->detail;
}

TEST(ReexamRules, OneOccurrenceWithoutRecurrence) {
  const auto dues = expand_dues(terms("2026-03-20", 3, 7));
  ASSERT_EQ(dues.size(), 1u);
  EXPECT_EQ(dues[0].seq, 1);
  EXPECT_EQ(format_date(dues[0].due_date), "2026-03-20");
  EXPECT_EQ(format_date(dues[0].window_start), "2026-03-17");
  EXPECT_EQ(format_date(dues[0].window_end), "2026-03-27");
}

TEST(ReexamRules, RecurrenceCrossesMonthEndsAndLeapDays) {
  // Every 30 days from 31 January 2028 (a leap year), windows across month ends.
  const auto dues = expand_dues(terms("2028-01-31", 2, 1, Recurrence{30, 4}));
  ASSERT_EQ(dues.size(), 4u);
  EXPECT_EQ(format_date(dues[0].due_date), "2028-01-31");
  EXPECT_EQ(format_date(dues[0].window_end), "2028-02-01");
  EXPECT_EQ(format_date(dues[1].due_date), "2028-03-01");
  EXPECT_EQ(format_date(dues[1].window_start), "2028-02-28");
  EXPECT_EQ(format_date(dues[2].due_date), "2028-03-31");
  EXPECT_EQ(format_date(dues[3].due_date), "2028-04-30");
  EXPECT_EQ(format_date(dues[3].window_end), "2028-05-01");
  for (int i = 0; i < 4; ++i) EXPECT_EQ(dues[static_cast<std::size_t>(i)].seq, i + 1);
  // Across a year's end, in a common year.
  const auto year_end = expand_dues(terms("2026-12-31", 0, 0, Recurrence{7, 2}));
  EXPECT_EQ(format_date(year_end[1].due_date), "2027-01-07");
  const auto feb = expand_dues(terms("2027-02-28", 1, 1));
  EXPECT_EQ(format_date(feb[0].window_start), "2027-02-27");
  EXPECT_EQ(format_date(feb[0].window_end), "2027-03-01");
}

TEST(ReexamRules, RemindersGoOutAtTheLocalTimeInUtc) {
  const ReminderPlan plan{{3, 1}, 8 * 60};
  const auto planned = plan_reminders(day("2026-03-02"), plan, vietnam());
  ASSERT_EQ(planned.size(), 2u);
  EXPECT_EQ(planned[0].offset_days, 3);                               // earliest first
  EXPECT_EQ(format_utc(planned[0].send_at), "2026-02-27T01:00:00Z");  // 08:00 +07:00
  EXPECT_EQ(planned[1].offset_days, 1);
  EXPECT_EQ(format_utc(planned[1].send_at), "2026-03-01T01:00:00Z");
  // Midnight local is the evening before in UTC.
  const auto midnight = plan_reminders(day("2026-01-01"), ReminderPlan{{1}, 0}, vietnam());
  EXPECT_EQ(format_utc(midnight[0].send_at), "2025-12-30T17:00:00Z");
  EXPECT_EQ(format_utc(start_of_day(day("2026-01-01"), vietnam())), "2025-12-31T17:00:00Z");
}

TEST(ReexamRules, VietnamHasNoDaylightSavingSoEveryDayIsSeventeenHoursBack) {
  const ReminderPlan plan{{1}, 8 * 60};
  for (const char* d : {"2026-03-30", "2026-06-30", "2026-10-26", "2026-12-31"}) {
    const auto r = plan_reminders(day(d), plan, vietnam());
    EXPECT_EQ(r[0].send_at, start_of_day(day(d), vietnam()) - days(1) + hours(8)) << d;
    EXPECT_EQ(vietnam().offset_at(r[0].send_at), hours(7)) << d;
  }
}

TEST(ReexamRules, AZoneWithDaylightSavingKeepsTheWallClockTime) {
  const TimeZone berlin = TimeZone::locate("Europe/Berlin");
  // 29 March 2026: clocks go forward in Berlin; 08:00 the day before is +01:00, on the day +02:00.
  const auto r = plan_reminders(day("2026-03-30"), ReminderPlan{{2, 1}, 8 * 60}, berlin);
  EXPECT_EQ(format_utc(r[0].send_at), "2026-03-28T07:00:00Z");
  EXPECT_EQ(format_utc(r[1].send_at), "2026-03-29T06:00:00Z");
}

TEST(ReexamRules, OnlyTheLatestPassedReminderIsDue) {
  const ReminderPlan plan{{3, 1}, 8 * 60};
  const LocalDate target = day("2026-03-10");
  const Instant start = start_of_day(target, vietnam());
  auto due = [&](const char* now) {
    return reminder_due(target, start, plan, vietnam(), utc(now));
  };
  EXPECT_FALSE(due("2026-03-07T00:59:59Z")) << "before 08:00 three days ahead";
  ASSERT_TRUE(due("2026-03-07T01:00:00Z"));
  EXPECT_EQ(due("2026-03-07T01:00:00Z")->offset_days, 3);
  EXPECT_EQ(due("2026-03-08T23:00:00Z")->offset_days, 3);
  // Both passed (an order made late): only the one-day reminder, never two at once.
  ASSERT_TRUE(due("2026-03-09T01:00:00Z"));
  EXPECT_EQ(due("2026-03-09T01:00:00Z")->offset_days, 1);
  EXPECT_EQ(format_utc(due("2026-03-09T16:59:59Z")->send_at), "2026-03-09T01:00:00Z");
  EXPECT_FALSE(due("2026-03-09T17:00:00Z")) << "the day has begun";
  EXPECT_FALSE(due("2026-03-12T00:00:00Z"));
}

TEST(ReexamRules, ABookedVisitIsRemindedUntilItStarts) {
  const ReminderPlan plan{{1}, 0};
  const LocalDate target = day("2026-03-10");
  const Instant start = utc("2026-03-10T01:15:00Z");  // 08:15 local
  EXPECT_EQ(reminder_due(target, start, plan, vietnam(), utc("2026-03-09T00:00:00Z"))->offset_days,
            1);
  EXPECT_TRUE(reminder_due(target, start, plan, vietnam(), utc("2026-03-10T01:14:59Z")));
  EXPECT_FALSE(reminder_due(target, start, plan, vietnam(), utc("2026-03-10T01:15:00Z")));
  EXPECT_FALSE(
      reminder_due(target, start, ReminderPlan{{}, 0}, vietnam(), utc("2026-03-09T00:00:00Z")))
      << "no offsets: no reminders";
}

}  // namespace
}  // namespace hisx::appointments
