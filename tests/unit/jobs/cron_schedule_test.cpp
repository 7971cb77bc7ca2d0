// The cron expression: fields, lists, ranges, steps, names, the day-of-month / day-of-week
// rule, month ends, and the messages for expressions it refuses. Times here are in
// Asia/Ho_Chi_Minh (UTC+7, no daylight saving); cron_time_zone_test.cpp covers DST.
#include "jobs/cron_schedule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "jobs/utc_time.h"

namespace hisx::host {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const sdk::TimeZone& vietnam() {
  static const sdk::TimeZone zone = sdk::TimeZone::locate("Asia/Ho_Chi_Minh");
  return zone;
}

// The next `n` fire times after `from`, as UTC text.
std::vector<std::string> next_n(const std::string& cron, const std::string& from, int n,
                                const sdk::TimeZone& zone = vietnam()) {
  CronSchedule schedule(cron);
  std::vector<std::string> out;
  auto t = parse_utc_text(from);
  for (int i = 0; i < n; ++i) {
    auto next = schedule.next_after(t, zone);
    if (!next) break;
    out.push_back(utc_seconds_text(*next));
    t = *next;
  }
  return out;
}

std::string last_at(const std::string& cron, const std::string& at,
                    const sdk::TimeZone& zone = vietnam()) {
  auto last = CronSchedule(cron).last_at_or_before(parse_utc_text(at), zone);
  return last ? utc_seconds_text(*last) : "none";
}

std::string refusal(const std::string& cron) {
  try {
    CronSchedule schedule(cron);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(CronSchedule, EveryMinuteFiresStrictlyAfter) {
  EXPECT_THAT(next_n("* * * * *", "2024-05-01T03:00:30Z", 3),
              ElementsAre("2024-05-01T03:01:00Z", "2024-05-01T03:02:00Z", "2024-05-01T03:03:00Z"));
  EXPECT_THAT(next_n("* * * * *", "2024-05-01T03:01:00Z", 1), ElementsAre("2024-05-01T03:02:00Z"));
}

TEST(CronSchedule, LastAtOrBeforeIncludesTheInstantItself) {
  EXPECT_EQ(last_at("* * * * *", "2024-05-01T03:01:00Z"), "2024-05-01T03:01:00Z");
  EXPECT_EQ(last_at("* * * * *", "2024-05-01T03:00:59.999Z"), "2024-05-01T03:00:00Z");
  EXPECT_EQ(last_at("0 7 * * *", "2024-05-01T00:00:00Z"), "2024-05-01T00:00:00Z");
  // 06:59:59 local on 1 May: the last run was 07:00 local on 30 April.
  EXPECT_EQ(last_at("0 7 * * *", "2024-04-30T23:59:59Z"), "2024-04-30T00:00:00Z");
}

TEST(CronSchedule, HoursAreLocalTime) {
  // 07:00 in Vietnam is midnight UTC.
  EXPECT_THAT(next_n("0 7 * * *", "2024-05-01T00:00:00Z", 2),
              ElementsAre("2024-05-02T00:00:00Z", "2024-05-03T00:00:00Z"));
}

TEST(CronSchedule, StepsRangesAndLists) {
  // 10:50 local: the rest of today's 8-10 window has passed.
  EXPECT_THAT(next_n("*/15 8-10 * * *", "2024-05-01T03:50:00Z", 5),
              ElementsAre("2024-05-02T01:00:00Z", "2024-05-02T01:15:00Z", "2024-05-02T01:30:00Z",
                          "2024-05-02T01:45:00Z", "2024-05-02T02:00:00Z"));
  EXPECT_THAT(next_n("5,35 9 * * *", "2024-05-01T00:00:00Z", 3),
              ElementsAre("2024-05-01T02:05:00Z", "2024-05-01T02:35:00Z", "2024-05-02T02:05:00Z"));
  EXPECT_THAT(next_n("0 8-18/4 * * *", "2024-05-01T00:00:00Z", 4),
              ElementsAre("2024-05-01T01:00:00Z", "2024-05-01T05:00:00Z", "2024-05-01T09:00:00Z",
                          "2024-05-02T01:00:00Z"));
  // `a/n` runs from a to the end of the field.
  EXPECT_THAT(next_n("30/10 * * * *", "2024-05-01T00:00:00Z", 4),
              ElementsAre("2024-05-01T00:30:00Z", "2024-05-01T00:40:00Z", "2024-05-01T00:50:00Z",
                          "2024-05-01T01:30:00Z"));
  EXPECT_THAT(next_n("1-3,58 * * * *", "2024-05-01T00:00:00Z", 5),
              ElementsAre("2024-05-01T00:01:00Z", "2024-05-01T00:02:00Z", "2024-05-01T00:03:00Z",
                          "2024-05-01T00:58:00Z", "2024-05-01T01:01:00Z"));
}

TEST(CronSchedule, NamesOfMonthsAndWeekdaysInAnyCase) {
  // 1 July 2024 is a Monday.
  EXPECT_THAT(next_n("0 9 * jan,Jul mon-FRI", "2024-05-01T00:00:00Z", 2),
              ElementsAre("2024-07-01T02:00:00Z", "2024-07-02T02:00:00Z"));
  // Friday 5 July, then the weekend is skipped.
  EXPECT_THAT(next_n("0 9 * jan,Jul mon-FRI", "2024-07-05T03:00:00Z", 1),
              ElementsAre("2024-07-08T02:00:00Z"));
}

TEST(CronSchedule, SundayIsZeroOrSeven) {
  // Wednesday 1 May 2024; the next Sunday is 5 May, midnight local = 17:00 UTC the day before.
  for (const char* cron : {"0 0 * * 0", "0 0 * * 7", "0 0 * * sun", "0 0 * * 6-7"}) {
    EXPECT_EQ(next_n(cron, "2024-05-01T00:00:00Z", 1).at(0),
              std::string(cron) == "0 0 * * 6-7" ? "2024-05-03T17:00:00Z" : "2024-05-04T17:00:00Z")
        << cron;
  }
}

TEST(CronSchedule, RestrictedDayFieldsMatchEither) {
  // Fridays and the 13th: Sunday 13 October runs too.
  EXPECT_THAT(next_n("0 0 13 * FRI", "2024-09-01T00:00:00Z", 8),
              ElementsAre("2024-09-05T17:00:00Z", "2024-09-12T17:00:00Z", "2024-09-19T17:00:00Z",
                          "2024-09-26T17:00:00Z", "2024-10-03T17:00:00Z", "2024-10-10T17:00:00Z",
                          "2024-10-12T17:00:00Z", "2024-10-17T17:00:00Z"));
}

TEST(CronSchedule, AStarredDayFieldMakesBothRequired) {
  // Days 1, 11, 21, 31 that are Mondays: the first is 21 October 2024.
  EXPECT_THAT(next_n("0 0 */10 * MON", "2024-09-01T00:00:00Z", 1),
              ElementsAre("2024-10-20T17:00:00Z"));
  EXPECT_THAT(next_n("0 0 1 * *", "2024-09-01T00:00:00Z", 2),
              ElementsAre("2024-09-30T17:00:00Z", "2024-10-31T17:00:00Z"));
}

TEST(CronSchedule, MonthEnds) {
  // April and June have no 31st.
  EXPECT_THAT(next_n("0 12 31 * *", "2024-04-01T00:00:00Z", 2),
              ElementsAre("2024-05-31T05:00:00Z", "2024-07-31T05:00:00Z"));
  // 29 February waits for the next leap year.
  EXPECT_THAT(next_n("0 0 29 2 *", "2024-03-01T00:00:00Z", 1), ElementsAre("2028-02-28T17:00:00Z"));
  EXPECT_EQ(last_at("0 0 29 2 *", "2027-06-01T00:00:00Z"), "2024-02-28T17:00:00Z");
  // The last minute of the year, local time.
  EXPECT_THAT(next_n("59 23 31 12 *", "2024-06-01T00:00:00Z", 1),
              ElementsAre("2024-12-31T16:59:00Z"));
}

TEST(CronSchedule, Macros) {
  EXPECT_THAT(next_n("@hourly", "2024-05-01T03:00:30Z", 1), ElementsAre("2024-05-01T04:00:00Z"));
  EXPECT_THAT(next_n("@daily", "2024-05-01T03:00:30Z", 1), ElementsAre("2024-05-01T17:00:00Z"));
  EXPECT_THAT(next_n("@midnight", "2024-05-01T03:00:30Z", 1), ElementsAre("2024-05-01T17:00:00Z"));
  EXPECT_THAT(next_n("@weekly", "2024-05-01T03:00:30Z", 1), ElementsAre("2024-05-04T17:00:00Z"));
  EXPECT_THAT(next_n("@monthly", "2024-05-01T03:00:30Z", 1), ElementsAre("2024-05-31T17:00:00Z"));
  EXPECT_THAT(next_n("@yearly", "2024-05-01T03:00:30Z", 1), ElementsAre("2024-12-31T17:00:00Z"));
  EXPECT_THAT(next_n("@annually", "2024-05-01T03:00:30Z", 1), ElementsAre("2024-12-31T17:00:00Z"));
}

TEST(CronSchedule, KeepsTheExpressionAsGiven) {
  EXPECT_EQ(CronSchedule(" */5  *  * * * ").expression(), " */5  *  * * * ");
  EXPECT_THAT(next_n(" */5  *  * * * ", "2024-05-01T00:01:00Z", 1),
              ElementsAre("2024-05-01T00:05:00Z"));
}

TEST(CronSchedule, RefusesWithMessagesNamingTheField) {
  EXPECT_THAT(refusal("* * * *"), AllOf(StartsWith("invalid schedule \"* * * *\": "),
                                        HasSubstr("expected 5 fields"), HasSubstr("found 4")));
  EXPECT_THAT(refusal("0 * * * * *"), HasSubstr("seconds are not supported"));
  EXPECT_THAT(refusal(""), HasSubstr("found 0"));
  EXPECT_THAT(refusal("60 * * * *"), HasSubstr("minute: 60 is outside 0-59"));
  EXPECT_THAT(refusal("* 24 * * *"), HasSubstr("hour: 24 is outside 0-23"));
  EXPECT_THAT(refusal("* * 0 * *"), HasSubstr("day-of-month: 0 is outside 1-31"));
  EXPECT_THAT(refusal("* * * 13 *"), HasSubstr("month: 13 is outside 1-12 or JAN-DEC"));
  EXPECT_THAT(refusal("* * * * 8"), HasSubstr("day-of-week: 8 is outside 0-7 or SUN-SAT"));
  EXPECT_THAT(refusal("*/0 * * * *"), HasSubstr("minute: step 0 must be from 1 to 60"));
  EXPECT_THAT(refusal("*/ * * * *"), HasSubstr("minute: a step after '/' is missing"));
  EXPECT_THAT(refusal("5-1 * * * *"), HasSubstr("minute: range '5-1' runs backwards"));
  EXPECT_THAT(refusal("* * * FOO *"), HasSubstr("month: 'FOO' is not a value"));
  EXPECT_THAT(refusal("* * * * MON-"), HasSubstr("day-of-week: a value is missing"));
  EXPECT_THAT(refusal("1,,2 * * * *"), HasSubstr("minute: an empty item in a list"));
  EXPECT_THAT(refusal("1x * * * *"), HasSubstr("minute: '1x' is not a number"));
  EXPECT_THAT(refusal("0 0 30 2 *"), HasSubstr("no month selected has the day(s) of month"));
  EXPECT_THAT(refusal("0 0 31 4,6,9,11 *"), HasSubstr("no month selected"));
  EXPECT_THAT(refusal("@reboot"), HasSubstr("unknown macro @reboot"));
}

TEST(CronSchedule, AnImpossibleDayIsFineWhenTheWeekdayCanMatch) {
  // Both day fields restricted: 30 February never comes, but Mondays in February do.
  EXPECT_THAT(next_n("0 0 30 2 MON", "2024-01-01T00:00:00Z", 1),
              ElementsAre("2024-02-04T17:00:00Z"));
}

}  // namespace
}  // namespace hisx::host
