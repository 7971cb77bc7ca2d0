#include "auth/time_text.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "auth_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;

TEST(TimeText, WritesFixedWidthUtcWithMilliseconds) {
  EXPECT_EQ(host::format_time_ms(test_start()), "2024-03-01T08:00:00.000Z");
  EXPECT_EQ(host::format_time_ms(test_start() + 61'234ms), "2024-03-01T08:01:01.234Z");
  EXPECT_EQ(host::format_time_ms(test_start() - 8h - 1ms), "2024-02-29T23:59:59.999Z");
}

TEST(TimeText, ReadsBackWhatItWritesAndWholeSeconds) {
  const auto t = test_start() + 123'456ms;
  EXPECT_EQ(host::parse_time(host::format_time_ms(t)), t);
  EXPECT_EQ(host::parse_time("2024-03-01T08:00:05Z"), test_start() + 5s);
}

TEST(TimeText, TextOrderIsTimeOrder) {
  EXPECT_LT(host::format_time_ms(test_start() + 999ms), host::format_time_ms(test_start() + 1s));
  EXPECT_LT(host::format_time_ms(test_start() + 9s), host::format_time_ms(test_start() + 10s));
}

TEST(TimeText, RefusesAnythingElse) {
  for (const char* bad : {"", "2024-03-01", "2024-03-01 08:00:00Z", "2024-13-01T08:00:00Z",
                          "2024-02-30T08:00:00Z", "2024-03-01T25:00:00Z", "2024-03-01T08:00:00",
                          "2024-03-01T08:00:00.12Z", "2024-03-01T08:0a:00Z"}) {
    EXPECT_THROW(host::parse_time(bad), std::invalid_argument) << bad;
  }
}

}  // namespace
}  // namespace hisx::test
