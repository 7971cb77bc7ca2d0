// The POSIX TZ rules that end TZif zone files, read on their own.
#include "posix_tz_rule.h"

#include <gtest/gtest.h>

namespace hisx::sdk::detail {
namespace {

using namespace std::chrono;

Instant utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return Instant{sys_days{year{y} / m / d}.time_since_epoch() + hours{h} + minutes{min}};
}

TEST(PosixTzRule, AZoneWithoutDaylightSavingTime) {
  auto rule = PosixTzRule::parse("<+07>-7");
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->offset_at(utc(2050, 1, 1, 0)), hours(7));
  auto ist = PosixTzRule::parse("IST-5:30");
  ASSERT_TRUE(ist);
  EXPECT_EQ(ist->offset_at(utc(2050, 1, 1, 0)), hours(5) + minutes(30));
}

TEST(PosixTzRule, MonthWeekDayRulesWithChangeTimes) {
  auto rule = PosixTzRule::parse("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->offset_at(utc(2041, 3, 31, 0, 59)), hours(1));  // last Sunday: 31 March
  EXPECT_EQ(rule->offset_at(utc(2041, 3, 31, 1, 0)), hours(2));
  EXPECT_EQ(rule->offset_at(utc(2041, 10, 27, 0, 59)), hours(2));
  EXPECT_EQ(rule->offset_at(utc(2041, 10, 27, 1, 0)), hours(1));
}

TEST(PosixTzRule, JulianAndZeroBasedDays) {
  // Day 60 without leap days is 1 March, also in a leap year.
  auto julian = PosixTzRule::parse("AAA-1BBB,J60/0,J300/0");
  ASSERT_TRUE(julian);
  EXPECT_EQ(julian->offset_at(utc(2048, 2, 29, 22)), hours(1));
  EXPECT_EQ(julian->offset_at(utc(2048, 2, 29, 23)), hours(2));  // 00:00 on 1 March local
  // Zero-based day 59 is 29 February in a leap year.
  auto zero = PosixTzRule::parse("AAA-1BBB,59/0,300/0");
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->offset_at(utc(2048, 2, 28, 23)), hours(2));
}

TEST(PosixTzRule, SouthernHemisphereAndNegativeOffsets) {
  auto rule = PosixTzRule::parse("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1");
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->offset_at(utc(2050, 7, 1, 0)), hours(-2));
  EXPECT_EQ(rule->offset_at(utc(2050, 1, 1, 0)), hours(-3));
  auto sydney = PosixTzRule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
  ASSERT_TRUE(sydney);
  EXPECT_EQ(sydney->offset_at(utc(2050, 1, 1, 0)), hours(11));
  EXPECT_EQ(sydney->offset_at(utc(2050, 6, 1, 0)), hours(10));
}

TEST(PosixTzRule, MalformedRulesAreNotRead) {
  for (const char* bad :
       {"", "C-1", "CET", "CET-1CEST", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0",
        "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0", "<+07-7", "CET-1CEST,J0,J10",
        "CET-1CEST,M3.5.0,M10.5.0x"}) {
    EXPECT_FALSE(PosixTzRule::parse(bad)) << bad;
  }
}

}  // namespace
}  // namespace hisx::sdk::detail
