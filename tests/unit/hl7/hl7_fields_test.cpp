#include "hl7_fields.h"

#include <gtest/gtest.h>

namespace hisx::hl7 {
namespace {

using namespace std::chrono;

TEST(Hl7Fields, VietnameseNamesSplitIntoFamilyGivenAndMiddle) {
  auto n = split_name("Nguyễn Thị Minh Khai");
  EXPECT_EQ(n.family, "Nguyễn");
  EXPECT_EQ(n.given, "Khai");
  EXPECT_EQ(n.middle, "Thị Minh");
  n = split_name("  Lê   Lợi ");
  EXPECT_EQ(n.family, "Lê");
  EXPECT_EQ(n.given, "Lợi");
  EXPECT_EQ(n.middle, "");
  n = split_name("Madonna");
  EXPECT_EQ(n.family, "Madonna");
  EXPECT_EQ(n.given, "");
  EXPECT_EQ(split_name("").family, "");
}

TEST(Hl7Fields, GendersMapToTable0001) {
  EXPECT_EQ(administrative_sex("male"), "M");
  EXPECT_EQ(administrative_sex("Nam"), "M");
  EXPECT_EQ(administrative_sex("1"), "M");
  EXPECT_EQ(administrative_sex("female"), "F");
  EXPECT_EQ(administrative_sex("NỮ"), "F");
  EXPECT_EQ(administrative_sex("2"), "F");
  EXPECT_EQ(administrative_sex("other"), "O");
  EXPECT_EQ(administrative_sex("unknown"), "U");
  EXPECT_EQ(administrative_sex(""), "U");
}

TEST(Hl7Fields, DatesAndTimes) {
  EXPECT_EQ(hl7_date("1985-03-09"), "19850309");
  EXPECT_EQ(hl7_date("1985-03-09T00:00:00Z"), "19850309");
  EXPECT_EQ(hl7_date("1985"), "1985");
  EXPECT_EQ(hl7_date("09/03/1985"), "");
  EXPECT_EQ(hl7_date(""), "");

  const auto t = sys_days{2026y / 12 / 1} + hours(0) + minutes(30);
  const auto vietnam = sdk::TimeZone::fixed("ICT", hours(7));
  EXPECT_EQ(hl7_timestamp(vietnam, t), "20261201073000+0700");
  const auto west = sdk::TimeZone::fixed("W", -(hours(3) + minutes(30)));
  EXPECT_EQ(hl7_timestamp(west, t), "20261130210000-0330");
  EXPECT_EQ(hl7_day(local_days{2026y / 1 / 5}), "20260105");
}

}  // namespace
}  // namespace hisx::hl7
