#include "notify/retry_schedule.h"

#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(RetryDelay, DoublesFromTheBaseUpToTheCap) {
  const std::vector<long> expected = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const int attempt = static_cast<int>(i) + 1;
    EXPECT_EQ(retry_delay(attempt, seconds(30), seconds(3600)), seconds(expected[i]))
        << "after attempt " << attempt;
  }
}

TEST(RetryDelay, HugeAttemptNumbersStayAtTheCap) {
  EXPECT_EQ(retry_delay(1000, seconds(30), seconds(3600)), seconds(3600));
  EXPECT_EQ(retry_delay(1 << 30, milliseconds(1), seconds(60)), seconds(60));
}

TEST(RetryDelay, MillisecondBasesForTests) {
  EXPECT_EQ(retry_delay(1, milliseconds(200), seconds(10)), milliseconds(200));
  EXPECT_EQ(retry_delay(3, milliseconds(200), seconds(10)), milliseconds(800));
  EXPECT_EQ(retry_delay(0, milliseconds(200), seconds(10)), milliseconds(200));
}

}  // namespace
}  // namespace hisx::host
