#include "events/retry_delay.h"

#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using std::chrono::milliseconds;

TEST(RetryDelay, StartsAtTheBaseAndDoubles) {
  EXPECT_EQ(retry_delay(1, milliseconds(1000), milliseconds(60000)), milliseconds(1000));
  EXPECT_EQ(retry_delay(2, milliseconds(1000), milliseconds(60000)), milliseconds(2000));
  EXPECT_EQ(retry_delay(3, milliseconds(1000), milliseconds(60000)), milliseconds(4000));
  EXPECT_EQ(retry_delay(6, milliseconds(1000), milliseconds(60000)), milliseconds(32000));
}

TEST(RetryDelay, NeverExceedsTheCap) {
  EXPECT_EQ(retry_delay(7, milliseconds(1000), milliseconds(60000)), milliseconds(60000));
  EXPECT_EQ(retry_delay(1000, milliseconds(1000), milliseconds(60000)), milliseconds(60000));
  EXPECT_EQ(retry_delay(1, milliseconds(5000), milliseconds(3000)), milliseconds(3000));
}

}  // namespace
}  // namespace hisx::host
