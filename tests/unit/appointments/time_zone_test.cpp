// Time zones read from the system's zone files: Vietnam has no daylight saving time; Berlin
// shows that gaps and repeated hours are handled.
#include "time_zone.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hisx::appointments {
namespace {

using namespace std::chrono;

Instant utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return Instant{sys_days{year{y} / m / d}.time_since_epoch() + hours{h} + minutes{min}};
}

LocalTime local(int y, unsigned m, unsigned d, int h, int min = 0) {
  return LocalTime{local_days{year{y} / m / d}.time_since_epoch() + hours{h} + minutes{min}};
}

TEST(TimeZone, HoChiMinhIsSevenHoursAhead) {
  const TimeZone zone = TimeZone::load("Asia/Ho_Chi_Minh");
  EXPECT_EQ(zone.name(), "Asia/Ho_Chi_Minh");
  EXPECT_EQ(zone.offset_at(utc(2025, 1, 6, 0)), hours(7));
  EXPECT_EQ(zone.offset_at(utc(2030, 7, 1, 12)), hours(7));
  EXPECT_EQ(zone.to_utc(local(2025, 1, 6, 7, 30)), utc(2025, 1, 6, 0, 30));
  EXPECT_EQ(zone.to_local(utc(2025, 1, 5, 17)), local(2025, 1, 6, 0));
}

TEST(TimeZone, HistoricOffsetsComeFromTheZoneFile) {
  // Saigon kept UTC+8 until 13 June 1975.
  const TimeZone zone = TimeZone::load("Asia/Ho_Chi_Minh");
  EXPECT_EQ(zone.offset_at(utc(1970, 1, 1, 0)), hours(8));
}

TEST(TimeZone, BerlinSummerAndWinter) {
  const TimeZone zone = TimeZone::load("Europe/Berlin");
  EXPECT_EQ(zone.offset_at(utc(2025, 1, 15, 12)), hours(1));
  EXPECT_EQ(zone.offset_at(utc(2025, 7, 15, 12)), hours(2));
  EXPECT_EQ(zone.to_utc(local(2025, 7, 15, 8)), utc(2025, 7, 15, 6));
}

TEST(TimeZone, AWallTimeInTheSpringGapMovesForward) {
  // 30 March 2025: 02:00 local jumped to 03:00. 02:30 does not exist; it reads as 03:30.
  const TimeZone zone = TimeZone::load("Europe/Berlin");
  const Instant t = zone.to_utc(local(2025, 3, 30, 2, 30));
  EXPECT_EQ(t, utc(2025, 3, 30, 1, 30));
  EXPECT_EQ(zone.to_local(t), local(2025, 3, 30, 3, 30));
}

TEST(TimeZone, AWallTimeInTheRepeatedAutumnHourIsTheEarlierOne) {
  // 26 October 2025: 03:00 local went back to 02:00; 02:30 happens twice.
  const TimeZone zone = TimeZone::load("Europe/Berlin");
  EXPECT_EQ(zone.to_utc(local(2025, 10, 26, 2, 30)), utc(2025, 10, 26, 0, 30));
}

TEST(TimeZone, FixedOffset) {
  const TimeZone zone = TimeZone::fixed("test", hours(-3));
  EXPECT_EQ(zone.offset_at(utc(2025, 1, 1, 0)), hours(-3));
  EXPECT_EQ(zone.to_utc(local(2025, 1, 1, 9)), utc(2025, 1, 1, 12));
}

TEST(TimeZone, UnknownOrUnsafeNamesAreRefusedNamingTheZone) {
  for (const std::string name : {"Asia/Atlantis", "../../etc/passwd", "", "/etc/localtime"}) {
    try {
      TimeZone::load(name);
      FAIL() << name << " was accepted";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("time zone '" + name + "'"), std::string::npos)
          << e.what();
    }
  }
}

}  // namespace
}  // namespace hisx::appointments
