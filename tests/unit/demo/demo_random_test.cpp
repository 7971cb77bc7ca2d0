#include "demo/demo_random.h"

#include <gtest/gtest.h>

#include <map>

namespace {

using hisx::host::demo::DemoRandom;

// The seeder's determinism rests on these values never changing with the standard library:
// they come from std::mt19937's raw output (fixed by the standard) and our own arithmetic.
TEST(DemoRandom, GivesPinnedValuesForASeed) {
  DemoRandom r(42);
  std::vector<int> values;
  for (int i = 0; i < 8; ++i) values.push_back(r.uniform(0, 999));
  EXPECT_EQ(values, (std::vector<int>{542, 67, 876, 414, 26, 335, 620, 924}));
}

TEST(DemoRandom, UniformStaysInRangeAndCoversIt) {
  DemoRandom r(7);
  std::map<int, int> seen;
  for (int i = 0; i < 6000; ++i) ++seen[r.uniform(-2, 3)];
  ASSERT_EQ(seen.size(), 6u);
  EXPECT_EQ(seen.begin()->first, -2);
  EXPECT_EQ(seen.rbegin()->first, 3);
  for (const auto& [value, count] : seen) EXPECT_NEAR(count, 1000, 150) << value;
}

TEST(DemoRandom, WeightedFollowsWeightsAndNeverPicksZero) {
  DemoRandom r(11);
  std::vector<int> counts(3);
  for (int i = 0; i < 10000; ++i) ++counts[r.weighted({1, 0, 3})];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0], 2500, 250);
  EXPECT_NEAR(counts[2], 7500, 250);
  EXPECT_THROW(r.weighted({0, 0}), std::logic_error);
}

}  // namespace
