#include "queue/ticket_group_rules.h"

#include <gtest/gtest.h>

namespace hisx::fast_lane {
namespace {

sdk::LocalDate day(const char* text) { return *sdk::parse_date(text); }

TEST(TicketGroups, PriorityGroupsComeBeforeAppBookingsAndRegularTickets) {
  EXPECT_EQ(group_priority("child"), 2);
  EXPECT_EQ(group_priority("veteran"), 2);
  EXPECT_EQ(group_priority("app"), 1);
  EXPECT_EQ(group_priority(""), 0);
  EXPECT_EQ(group_priority("vip"), 0);
  EXPECT_EQ(find_ticket_group("vip"), nullptr);
  EXPECT_EQ(find_ticket_group("elderly")->title_vi, "Người cao tuổi");
}

TEST(TicketGroups, AgeCountsWholeYearsAndTheBirthdayItself) {
  EXPECT_EQ(age_in_years(day("2020-12-01"), day("2026-11-30")), 5);
  EXPECT_EQ(age_in_years(day("2020-12-01"), day("2026-12-01")), 6);
  EXPECT_EQ(age_in_years(day("2020-02-29"), day("2021-02-28")), 0);
  EXPECT_EQ(age_in_years(day("2020-02-29"), day("2021-03-01")), 1);
}

TEST(TicketGroups, AgeGroupsFollowTheBirthDate) {
  const auto today = day("2026-12-01");
  EXPECT_TRUE(fits_age_group("child", day("2020-12-02"), today, 6, 80));
  EXPECT_FALSE(fits_age_group("child", day("2020-12-01"), today, 6, 80));
  EXPECT_TRUE(fits_age_group("elderly", day("1946-12-01"), today, 6, 80));
  EXPECT_FALSE(fits_age_group("elderly", day("1946-12-02"), today, 6, 80));
  EXPECT_TRUE(fits_age_group("veteran", day("1990-01-01"), today, 6, 80));
  EXPECT_FALSE(fits_age_group("child", day("2027-01-01"), today, 6, 80));
}

TEST(TicketGroups, LabelsHaveTheLanePrefixAndThreeDigits) {
  EXPECT_EQ(ticket_label("U", 1), "U001");
  EXPECT_EQ(ticket_label("T", 42), "T042");
  EXPECT_EQ(ticket_label("AB", 1234), "AB1234");
  EXPECT_EQ(to_string(Lane::kFast), "fast");
  EXPECT_EQ(parse_lane("regular"), Lane::kRegular);
  EXPECT_EQ(parse_lane("Fast"), std::nullopt);
}

}  // namespace
}  // namespace hisx::fast_lane
