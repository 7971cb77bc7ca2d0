// Templates + closures + a date range + a time zone → the slots to store.
#include "catalogue/slot_generator.h"

#include <gtest/gtest.h>

namespace hisx::appointments {
namespace {

using namespace std::chrono;

LocalDate date(const char* text) { return *parse_date(text); }

// Monday 6 January 2025 is the first day of the week used below.
ScheduleTemplate morning(long long id, const std::string& clinic, int weekday) {
  ScheduleTemplate t;
  t.id = id;
  t.clinic_id = clinic;
  t.weekday = weekday;
  t.start_minute = 7 * 60 + 30;
  t.end_minute = 8 * 60 + 40;  // 70 minutes: four 15-minute slots and 10 minutes left over
  t.slot_minutes = 15;
  t.capacity = 5;
  t.quotas = {{"app", 30}, {"phone", 100}};
  return t;
}

class SlotGenerator : public ::testing::Test {
 protected:
  TimeZone vietnam_ = TimeZone::locate("Asia/Ho_Chi_Minh");
};

TEST_F(SlotGenerator, CutsASessionIntoWholeSlotsStoredInUtc) {
  auto slots =
      generate_slots({morning(1, "10", 1)}, {}, date("2025-01-06"), date("2025-01-06"), vietnam_);
  ASSERT_EQ(slots.size(), 4u) << "the 10 minutes left after 08:30 make no slot";
  EXPECT_EQ(format_utc(slots[0].start), "2025-01-06T00:30:00Z");  // 07:30 +07:00
  EXPECT_EQ(format_utc(slots[0].end), "2025-01-06T00:45:00Z");
  EXPECT_EQ(format_utc(slots[3].start), "2025-01-06T01:15:00Z");  // 08:15
  EXPECT_EQ(format_utc(slots[3].end), "2025-01-06T01:30:00Z");
  EXPECT_EQ(vietnam_.format(slots[0].start), "2025-01-06T07:30:00+07:00");
  for (const auto& s : slots) {
    EXPECT_EQ(s.clinic_id, "10");
    EXPECT_EQ(s.template_id, 1);
    EXPECT_EQ(s.capacity, 5);
    EXPECT_EQ(format_date(s.local_date), "2025-01-06");
    EXPECT_FALSE(s.doctor_id);
    EXPECT_EQ(s.channel_limits.at("app"), 1) << "30 % of 5, rounded down";
    EXPECT_EQ(s.channel_limits.at("phone"), 5);
    EXPECT_EQ(s.channel_limits.count("web"), 0u) << "no quota: no limit";
  }
}

TEST_F(SlotGenerator, OnlyOnTheTemplatesWeekday) {
  // Wednesday template over two weeks: two Wednesdays.
  auto slots =
      generate_slots({morning(1, "10", 3)}, {}, date("2025-01-06"), date("2025-01-19"), vietnam_);
  ASSERT_EQ(slots.size(), 8u);
  EXPECT_EQ(format_date(slots[0].local_date), "2025-01-08");
  EXPECT_EQ(format_date(slots[4].local_date), "2025-01-15");
  EXPECT_TRUE(
      generate_slots({morning(1, "10", 7)}, {}, date("2025-01-06"), date("2025-01-11"), vietnam_)
          .empty())
      << "no Sunday from Monday to Saturday";
}

TEST_F(SlotGenerator, TheLocalDayDecidesNotTheUtcDay) {
  // A session starting 06:00 local is 23:00 UTC the day before; it still belongs to Monday.
  ScheduleTemplate early = morning(1, "10", 1);
  early.start_minute = 6 * 60;
  early.end_minute = 6 * 60 + 15;
  auto slots = generate_slots({early}, {}, date("2025-01-06"), date("2025-01-06"), vietnam_);
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(format_utc(slots[0].start), "2025-01-05T23:00:00Z");
  EXPECT_EQ(format_date(slots[0].local_date), "2025-01-06");
}

TEST_F(SlotGenerator, ClinicClosuresSkipThatClinicOnly) {
  Closure tet;
  tet.clinic_id = "10";
  tet.from = date("2025-01-07");
  tet.to = date("2025-01-08");
  std::vector<ScheduleTemplate> templates;
  for (int wd = 1; wd <= 5; ++wd) {
    templates.push_back(morning(wd, "10", wd));
    templates.push_back(morning(10 + wd, "20", wd));
  }
  auto slots = generate_slots(templates, {tet}, date("2025-01-06"), date("2025-01-10"), vietnam_);
  int clinic10 = 0, clinic20 = 0;
  for (const auto& s : slots) {
    const std::string day = format_date(s.local_date);
    if (s.clinic_id == "10") {
      ++clinic10;
      EXPECT_TRUE(day != "2025-01-07" && day != "2025-01-08") << day;
    } else {
      ++clinic20;
    }
  }
  EXPECT_EQ(clinic10, 3 * 4);
  EXPECT_EQ(clinic20, 5 * 4);
}

TEST_F(SlotGenerator, HospitalWideClosureSkipsEveryClinic) {
  Closure holiday;  // no clinic: the whole hospital
  holiday.from = date("2025-01-06");
  holiday.to = date("2025-01-06");
  auto slots = generate_slots({morning(1, "10", 1), morning(2, "20", 1), morning(3, "20", 2)},
                              {holiday}, date("2025-01-06"), date("2025-01-07"), vietnam_);
  ASSERT_EQ(slots.size(), 4u);
  for (const auto& s : slots) EXPECT_EQ(format_date(s.local_date), "2025-01-07");
  EXPECT_TRUE(is_closed({holiday}, "99", date("2025-01-06")));
  EXPECT_FALSE(is_closed({holiday}, "99", date("2025-01-05")));
}

TEST_F(SlotGenerator, OrderedByStartThenClinic) {
  ScheduleTemplate later = morning(2, "05", 1);
  later.start_minute = 7 * 60 + 45;
  auto slots = generate_slots({morning(1, "10", 1), later}, {}, date("2025-01-06"),
                              date("2025-01-06"), vietnam_);
  ASSERT_GE(slots.size(), 3u);
  EXPECT_EQ(slots[0].clinic_id, "10");  // 07:30
  EXPECT_EQ(slots[1].clinic_id, "05");  // 07:45, clinic "05" before "10" (ids compare as text)
  EXPECT_EQ(slots[2].clinic_id, "10");  // 07:45
  for (std::size_t i = 1; i < slots.size(); ++i) EXPECT_LE(slots[i - 1].start, slots[i].start);
}

TEST_F(SlotGenerator, DoctorTemplatesCarryTheDoctor) {
  ScheduleTemplate t = morning(1, "10", 1);
  t.doctor_id = "7";
  auto slots = generate_slots({t}, {}, date("2025-01-06"), date("2025-01-06"), vietnam_);
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots[0].doctor_id, "7");
}

TEST_F(SlotGenerator, DaylightSavingShiftsUtcButNotTheWallClock) {
  // In Berlin, 08:00 local is 07:00 UTC in winter and 06:00 UTC in summer.
  const TimeZone berlin = TimeZone::locate("Europe/Berlin");
  ScheduleTemplate sunday = morning(1, "10", 7);
  sunday.start_minute = 8 * 60;
  sunday.end_minute = 8 * 60 + 15;
  auto slots = generate_slots({sunday}, {}, date("2025-03-29"), date("2025-04-06"), berlin);
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(format_utc(slots[0].start), "2025-03-30T06:00:00Z");  // the switch-over Sunday
  EXPECT_EQ(berlin.format(slots[0].start), "2025-03-30T08:00:00+02:00");
  EXPECT_EQ(format_utc(slots[1].start), "2025-04-06T06:00:00Z");
  auto winter = generate_slots({sunday}, {}, date("2025-03-23"), date("2025-03-23"), berlin);
  ASSERT_EQ(winter.size(), 1u);
  EXPECT_EQ(format_utc(winter[0].start), "2025-03-23T07:00:00Z");
}

TEST_F(SlotGenerator, EmptyRangeOrNoTemplates) {
  EXPECT_TRUE(generate_slots({}, {}, date("2025-01-06"), date("2025-01-12"), vietnam_).empty());
  EXPECT_TRUE(
      generate_slots({morning(1, "10", 1)}, {}, date("2025-01-07"), date("2025-01-06"), vietnam_)
          .empty());
}

}  // namespace
}  // namespace hisx::appointments
