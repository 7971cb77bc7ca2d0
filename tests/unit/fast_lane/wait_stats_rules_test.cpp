#include "queue/wait_stats_rules.h"

#include <gtest/gtest.h>

namespace hisx::fast_lane {
namespace {

TEST(WaitStats, NearestRankMedianAndNinetiethPercentile) {
  const auto s = summarize({300, 60, 120, 240});
  EXPECT_EQ(s.count, 4);
  EXPECT_EQ(s.median, 120) << "the 2nd of 4";
  EXPECT_EQ(s.p90, 300) << "the 4th of 4";
  EXPECT_EQ(s.longest, 300);
  std::vector<long long> ten;
  for (long long i = 1; i <= 10; ++i) ten.push_back(i * 60);
  EXPECT_EQ(summarize(ten).median, 300);
  EXPECT_EQ(summarize(ten).p90, 540);
  EXPECT_EQ(summarize({42}).median, 42);
  EXPECT_EQ(summarize({42}).p90, 42);
}

TEST(WaitStats, NothingToSummarize) {
  const auto s = summarize({});
  EXPECT_EQ(s.count, 0);
  EXPECT_EQ(s.median, std::nullopt);
  EXPECT_EQ(s.p90, std::nullopt);
  EXPECT_EQ(s.longest, std::nullopt);
}

}  // namespace
}  // namespace hisx::fast_lane
