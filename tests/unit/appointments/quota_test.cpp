// Quota arithmetic: a channel's share of a slot is floor(capacity × percent / 100).
#include "booking/quota.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hisx::appointments {
namespace {

TEST(Quota, LimitRoundsDown) {
  EXPECT_EQ(quota_limit(5, 30), 1);   // 1.5
  EXPECT_EQ(quota_limit(10, 30), 3);  // exact
  EXPECT_EQ(quota_limit(4, 50), 2);
  EXPECT_EQ(quota_limit(3, 30), 0);  // 0.9: the channel cannot book such slots
  EXPECT_EQ(quota_limit(7, 99), 6);
  EXPECT_EQ(quota_limit(7, 100), 7);
  EXPECT_EQ(quota_limit(7, 0), 0);
  EXPECT_EQ(quota_limit(500, 33), 165);
}

TEST(Quota, LimitsPerChannel) {
  auto limits = quota_limits(5, {{"app", 30}, {"web", 60}});
  EXPECT_EQ(limits.size(), 2u);
  EXPECT_EQ(limits.at("app"), 1);
  EXPECT_EQ(limits.at("web"), 3);
}

TEST(Quota, RemainingNeverNegative) {
  EXPECT_EQ(remaining(5, 0), 5);
  EXPECT_EQ(remaining(5, 5), 0);
  EXPECT_EQ(remaining(5, 7), 0);
}

TEST(Quota, RemainingForChannelIsTheSmallerBound) {
  EXPECT_EQ(remaining_for_channel(5, 0, std::nullopt, 0), 5) << "no quota";
  EXPECT_EQ(remaining_for_channel(5, 0, 1, 0), 1) << "quota binds";
  EXPECT_EQ(remaining_for_channel(5, 1, 1, 1), 0) << "quota used up";
  EXPECT_EQ(remaining_for_channel(5, 4, 3, 1), 1) << "capacity binds";
  EXPECT_EQ(remaining_for_channel(5, 5, 3, 0), 0) << "slot full";
  EXPECT_EQ(remaining_for_channel(5, 2, 0, 0), 0) << "a 0 quota closes the channel";
}

TEST(Quota, TextRoundTrips) {
  QuotaPercents q = {{"web", 20}, {"app", 30}};
  EXPECT_EQ(format_quotas(q), "app:30,web:20");
  EXPECT_EQ(parse_quotas("app:30,web:20"), q);
  EXPECT_TRUE(parse_quotas("").empty());
  EXPECT_EQ(format_quotas({}), "");
}

TEST(Quota, BadTextIsRefused) {
  for (const char* bad : {"app", "app:", "app:x", "app:101", "app:-1", "tv:10", "app:10,,web:5"}) {
    EXPECT_THROW(parse_quotas(bad), std::invalid_argument) << bad;
  }
}

}  // namespace
}  // namespace hisx::appointments
