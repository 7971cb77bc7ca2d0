// Time zones from the system's tz database: Vietnam has no daylight saving time; Berlin
// shows that gaps and repeated hours are handled; zones with daylight saving time stay right
// after the zone files' last listed transition (2037) through the files' POSIX rule.
#include "hisx/time_zone.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hisx::sdk {
namespace {

using namespace std::chrono;

Instant utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return Instant{sys_days{year{y} / m / d}.time_since_epoch() + hours{h} + minutes{min}};
}

LocalTime local(int y, unsigned m, unsigned d, int h, int min = 0) {
  return LocalTime{local_days{year{y} / m / d}.time_since_epoch() + hours{h} + minutes{min}};
}

TEST(TimeZone, HoChiMinhIsSevenHoursAhead) {
  const TimeZone zone = TimeZone::locate("Asia/Ho_Chi_Minh");
  EXPECT_EQ(zone.name(), "Asia/Ho_Chi_Minh");
  EXPECT_EQ(zone.offset_at(utc(2025, 1, 6, 0)), hours(7));
  EXPECT_EQ(zone.offset_at(utc(2030, 7, 1, 12)), hours(7));
  EXPECT_EQ(zone.to_utc(local(2025, 1, 6, 7, 30)), utc(2025, 1, 6, 0, 30));
  EXPECT_EQ(zone.to_local(utc(2025, 1, 5, 17)), local(2025, 1, 6, 0));
}

TEST(TimeZone, HistoricOffsetsComeFromTheZoneFile) {
  // Saigon kept UTC+8 until 13 June 1975.
  const TimeZone zone = TimeZone::locate("Asia/Ho_Chi_Minh");
  EXPECT_EQ(zone.offset_at(utc(1970, 1, 1, 0)), hours(8));
}

TEST(TimeZone, BerlinSummerAndWinter) {
  const TimeZone zone = TimeZone::locate("Europe/Berlin");
  EXPECT_EQ(zone.offset_at(utc(2025, 1, 15, 12)), hours(1));
  EXPECT_EQ(zone.offset_at(utc(2025, 7, 15, 12)), hours(2));
  EXPECT_EQ(zone.to_utc(local(2025, 7, 15, 8)), utc(2025, 7, 15, 6));
}

TEST(TimeZone, AWallTimeInTheSpringGapMovesForward) {
  // 30 March 2025: 02:00 local jumped to 03:00. 02:30 does not exist; it reads as 03:30.
  const TimeZone zone = TimeZone::locate("Europe/Berlin");
  const Instant t = zone.to_utc(local(2025, 3, 30, 2, 30));
  EXPECT_EQ(t, utc(2025, 3, 30, 1, 30));
  EXPECT_EQ(zone.to_local(t), local(2025, 3, 30, 3, 30));
}

TEST(TimeZone, AWallTimeInTheRepeatedAutumnHourIsTheEarlierOne) {
  // 26 October 2025: 03:00 local went back to 02:00; 02:30 happens twice.
  const TimeZone zone = TimeZone::locate("Europe/Berlin");
  EXPECT_EQ(zone.to_utc(local(2025, 10, 26, 2, 30)), utc(2025, 10, 26, 0, 30));
}

TEST(TimeZone, DaylightSavingTimeGoesOnAfter2037) {
  // The zone files list transitions up to 2037; their POSIX footer rules after that.
  const TimeZone berlin = TimeZone::locate("Europe/Berlin");
  EXPECT_EQ(berlin.offset_at(utc(2040, 7, 1, 12)), hours(2));
  EXPECT_EQ(berlin.offset_at(utc(2040, 12, 1, 12)), hours(1));
  EXPECT_EQ(berlin.offset_at(utc(2080, 7, 1, 12)), hours(2));
  // 25 March 2040 is the last Sunday of March: 01:00 UTC is the change.
  EXPECT_EQ(berlin.offset_at(utc(2040, 3, 25, 0, 59)), hours(1));
  EXPECT_EQ(berlin.offset_at(utc(2040, 3, 25, 1, 0)), hours(2));
  // 28 October 2040, last Sunday of October: back at 01:00 UTC.
  EXPECT_EQ(berlin.offset_at(utc(2040, 10, 28, 0, 59)), hours(2));
  EXPECT_EQ(berlin.offset_at(utc(2040, 10, 28, 1, 0)), hours(1));
  EXPECT_EQ(berlin.to_utc(local(2040, 3, 25, 2, 30)), utc(2040, 3, 25, 1, 30));    // the gap
  EXPECT_EQ(berlin.to_utc(local(2040, 10, 28, 2, 30)), utc(2040, 10, 28, 0, 30));  // earlier

  // New York: second Sunday of March, first Sunday of November, at 02:00 local.
  const TimeZone new_york = TimeZone::locate("America/New_York");
  EXPECT_EQ(new_york.offset_at(utc(2045, 7, 4, 12)), hours(-4));
  EXPECT_EQ(new_york.offset_at(utc(2045, 1, 4, 12)), hours(-5));
  EXPECT_EQ(new_york.offset_at(utc(2045, 3, 12, 6, 59)), hours(-5));
  EXPECT_EQ(new_york.offset_at(utc(2045, 3, 12, 7, 0)), hours(-4));

  // Sydney, southern hemisphere: summer time from the first Sunday of October to the first
  // Sunday of April.
  const TimeZone sydney = TimeZone::locate("Australia/Sydney");
  EXPECT_EQ(sydney.offset_at(utc(2050, 1, 15, 0)), hours(11));
  EXPECT_EQ(sydney.offset_at(utc(2050, 7, 15, 0)), hours(10));
  EXPECT_EQ(sydney.offset_at(utc(2050, 12, 31, 23)), hours(11));

  const TimeZone vietnam = TimeZone::locate("Asia/Ho_Chi_Minh");
  EXPECT_EQ(vietnam.offset_at(utc(2090, 7, 1, 0)), hours(7));
}

TEST(TimeZone, LinksNameTheirZone) {
  const TimeZone saigon = TimeZone::locate("Asia/Saigon");
  EXPECT_EQ(saigon.name(), "Asia/Saigon");
  EXPECT_EQ(saigon.offset_at(utc(2025, 1, 6, 0)), hours(7));
}

TEST(TimeZone, FixedOffset) {
  const TimeZone zone = TimeZone::fixed("test", hours(-3));
  EXPECT_EQ(zone.offset_at(utc(2025, 1, 1, 0)), hours(-3));
  EXPECT_EQ(zone.to_utc(local(2025, 1, 1, 9)), utc(2025, 1, 1, 12));
}

TEST(TimeZone, UnknownOrUnsafeNamesAreRefusedNamingTheZone) {
  for (const std::string name : {"Asia/Atlantis", "../../etc/passwd", "", "/etc/localtime"}) {
    try {
      TimeZone::locate(name);
      FAIL() << name << " was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("time zone '" + name + "'"), std::string::npos)
          << e.what();
    }
  }
}

}  // namespace
}  // namespace hisx::sdk
