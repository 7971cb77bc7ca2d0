// Dates, clock times and UTC text as hisx writes them; local times with their offset.
#include "hisx/civil_time.h"

#include <gtest/gtest.h>

#include "hisx/time_zone.h"

namespace hisx::sdk {
namespace {

using namespace std::chrono;

TEST(CivilTime, DatesRoundTripAndImpossibleDaysAreRefused) {
  auto d = parse_date("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2024-02-29");
  for (const char* bad : {"2025-02-29", "2025-13-01", "2025-1-01", "20250101", "2025-01-01x", ""}) {
    EXPECT_FALSE(parse_date(bad)) << bad;
  }
}

TEST(CivilTime, ClockTimes) {
  EXPECT_EQ(parse_clock("07:30"), 450);
  EXPECT_EQ(parse_clock("00:00"), 0);
  EXPECT_EQ(parse_clock("23:59"), 1439);
  EXPECT_FALSE(parse_clock("24:00"));
  EXPECT_EQ(parse_clock("24:00", true), 1440);
  for (const char* bad : {"7:30", "07:60", "25:00", "07-30", "24:01"}) {
    EXPECT_FALSE(parse_clock(bad, true)) << bad;
  }
  EXPECT_EQ(format_clock(450), "07:30");
  EXPECT_EQ(format_clock(1440), "24:00");
}

TEST(CivilTime, UtcTextRoundTrips) {
  const auto t = parse_utc("2025-01-06T00:30:05Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_utc(*t), "2025-01-06T00:30:05Z");
  for (const char* bad : {"2025-01-06 00:30:05Z", "2025-01-06T00:30:05", "2025-01-06T24:00:00Z"}) {
    EXPECT_FALSE(parse_utc(bad)) << bad;
  }
}

TEST(CivilTime, LocalTimesCarryTheirOffset) {
  const TimeZone vn = TimeZone::fixed("Asia/Ho_Chi_Minh", hours(7));
  EXPECT_EQ(vn.format(*parse_utc("2025-01-06T00:30:00Z")), "2025-01-06T07:30:00+07:00");
  const TimeZone west = TimeZone::fixed("test", -(hours(3) + minutes(30)));
  EXPECT_EQ(west.format(*parse_utc("2025-01-06T00:30:00Z")), "2025-01-05T21:00:00-03:30");
}

TEST(CivilTime, LocalDayAndMinuteFollowTheZone) {
  const TimeZone vn = TimeZone::fixed("Asia/Ho_Chi_Minh", hours(7));
  const Instant t = *parse_utc("2025-01-05T17:15:00Z");  // 00:15 on the 6th in Vietnam
  EXPECT_EQ(format_date(vn.date_of(t)), "2025-01-06");
  EXPECT_EQ(vn.minute_of_day(t), 15);
  EXPECT_EQ(iso_weekday(*parse_date("2025-01-06")), 1);  // a Monday
  EXPECT_EQ(iso_weekday(*parse_date("2025-01-12")), 7);  // a Sunday
  EXPECT_EQ(format_utc(vn.start_of(*parse_date("2025-01-06"))), "2025-01-05T17:00:00Z");
}

TEST(CivilTime, LocalTimeTextHasNoOffset) {
  const LocalTime t{local_days{year{2025} / 1 / 6}.time_since_epoch() + hours(7) + minutes(5)};
  EXPECT_EQ(format_local_time(t), "2025-01-06T07:05:00");
}

}  // namespace
}  // namespace hisx::sdk
