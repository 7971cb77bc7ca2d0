// Schedules across daylight-saving changes. Vietnam has none, but a hospital elsewhere may:
// Europe/Berlin moved from 02:00 CET to 03:00 CEST on 31 March 2024 (01:00 UTC) and back from
// 03:00 CEST to 02:00 CET on 27 October 2024 (01:00 UTC).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "jobs/cron_schedule.h"
#include "jobs/utc_time.h"

namespace hisx::host {
namespace {

using ::testing::ElementsAre;

const sdk::TimeZone& berlin() {
  static const sdk::TimeZone zone = sdk::TimeZone::locate("Europe/Berlin");
  return zone;
}

std::vector<std::string> next_n(const std::string& cron, const std::string& from, int n) {
  CronSchedule schedule(cron);
  std::vector<std::string> out;
  auto t = parse_utc_text(from);
  for (int i = 0; i < n; ++i) {
    auto next = schedule.next_after(t, berlin());
    if (!next) break;
    out.push_back(utc_seconds_text(*next));
    t = *next;
  }
  return out;
}

std::string last_at(const std::string& cron, const std::string& at) {
  auto last = CronSchedule(cron).last_at_or_before(parse_utc_text(at), berlin());
  return last ? utc_seconds_text(*last) : "none";
}

TEST(CronTimeZone, OrdinaryDaysFollowTheLocalOffset) {
  // 02:30 CET is 01:30 UTC in winter, 02:30 CEST is 00:30 UTC in summer.
  EXPECT_THAT(next_n("30 2 * * *", "2024-03-28T12:00:00Z", 2),
              ElementsAre("2024-03-29T01:30:00Z", "2024-03-30T01:30:00Z"));
  EXPECT_THAT(next_n("30 2 * * *", "2024-06-01T12:00:00Z", 1), ElementsAre("2024-06-02T00:30:00Z"));
  // After 2037, the last transition the zone file lists, summer time goes on all the same.
  EXPECT_THAT(next_n("30 2 * * *", "2040-06-01T12:00:00Z", 1), ElementsAre("2040-06-02T00:30:00Z"));
}

TEST(CronTimeZone, ASkippedLocalTimeRunsAtTheChange) {
  // 02:30 does not exist on 31 March: the run happens at 03:00 CEST (01:00 UTC), once.
  EXPECT_THAT(next_n("30 2 * * *", "2024-03-30T12:00:00Z", 2),
              ElementsAre("2024-03-31T01:00:00Z", "2024-04-01T00:30:00Z"));
  // 02:00 and 02:30 both fall in the gap: one run at the change.
  EXPECT_THAT(next_n("*/30 2 * * *", "2024-03-30T12:00:00Z", 3),
              ElementsAre("2024-03-31T01:00:00Z", "2024-04-01T00:00:00Z", "2024-04-01T00:30:00Z"));
  EXPECT_EQ(last_at("30 2 * * *", "2024-03-31T01:30:00Z"), "2024-03-31T01:00:00Z");
}

TEST(CronTimeZone, HourlyJobsStayHourlyInRealTimeInSpring) {
  // 01:00 CET, then 03:00 CEST (the 02:00 of the gap is the same instant), then 04:00 CEST.
  EXPECT_THAT(next_n("0 * * * *", "2024-03-30T23:30:00Z", 3),
              ElementsAre("2024-03-31T00:00:00Z", "2024-03-31T01:00:00Z", "2024-03-31T02:00:00Z"));
}

TEST(CronTimeZone, ARepeatedLocalTimeRunsOnceForAFixedTime) {
  // 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET): a daily job runs once.
  EXPECT_THAT(next_n("30 2 * * *", "2024-10-26T12:00:00Z", 2),
              ElementsAre("2024-10-27T00:30:00Z", "2024-10-28T01:30:00Z"));
  EXPECT_THAT(next_n("0 2 * * *", "2024-10-26T12:00:00Z", 2),
              ElementsAre("2024-10-27T00:00:00Z", "2024-10-28T01:00:00Z"));
  EXPECT_EQ(last_at("30 2 * * *", "2024-10-27T01:45:00Z"), "2024-10-27T00:30:00Z");
}

TEST(CronTimeZone, RepeatingJobsRunInRealTimeThroughTheRepeatedHour) {
  // Every half hour: 02:00 CEST, 02:30 CEST, 02:00 CET, 02:30 CET, 03:00 CET.
  EXPECT_THAT(next_n("*/30 * * * *", "2024-10-26T23:50:00Z", 5),
              ElementsAre("2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z",
                          "2024-10-27T01:30:00Z", "2024-10-27T02:00:00Z"));
  EXPECT_THAT(next_n("0 * * * *", "2024-10-26T23:30:00Z", 3),
              ElementsAre("2024-10-27T00:00:00Z", "2024-10-27T01:00:00Z", "2024-10-27T02:00:00Z"));
  EXPECT_EQ(last_at("*/30 * * * *", "2024-10-27T01:45:00Z"), "2024-10-27T01:30:00Z");
  EXPECT_EQ(last_at("*/30 * * * *", "2024-10-27T00:59:59Z"), "2024-10-27T00:30:00Z");
}

TEST(CronTimeZone, LocalTextShowsTheOffsetInForce) {
  auto local_text = [](const std::string& utc, const sdk::TimeZone& zone) {
    return zone.format(sdk::to_instant(parse_utc_text(utc)));
  };
  EXPECT_EQ(local_text("2024-10-27T00:30:00Z", berlin()), "2024-10-27T02:30:00+02:00");
  EXPECT_EQ(local_text("2024-10-27T01:30:00Z", berlin()), "2024-10-27T02:30:00+01:00");
  EXPECT_EQ(local_text("2024-05-01T03:00:00Z", sdk::TimeZone::locate("Asia/Ho_Chi_Minh")),
            "2024-05-01T10:00:00+07:00");
}

}  // namespace
}  // namespace hisx::host
