#include "events/event_time.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hisx::host {
namespace {

using namespace std::chrono;

TEST(EventTime, FormatsUtcWithMicroseconds) {
  const system_clock::time_point t =
      system_clock::time_point(seconds(1714525200)) + microseconds(123456) + nanoseconds(789);
  EXPECT_EQ(format_event_time(t), "2024-05-01T01:00:00.123456Z");
  EXPECT_EQ(format_event_time(system_clock::time_point(seconds(1714525200))),
            "2024-05-01T01:00:00.000000Z");
}

TEST(EventTime, ReadsBackWhatItWrote) {
  const system_clock::time_point t =
      system_clock::time_point(seconds(1700000000)) + microseconds(42);
  EXPECT_EQ(parse_event_time(format_event_time(t)), t);
  EXPECT_EQ(parse_event_time("2024-05-01T01:00:00Z"),
            system_clock::time_point(seconds(1714525200)));
  EXPECT_EQ(parse_event_time("2024-05-01T01:00:00.5Z"),
            system_clock::time_point(seconds(1714525200)) + milliseconds(500));
}

TEST(EventTime, TextOrderIsTimeOrder) {
  const system_clock::time_point t = system_clock::time_point(seconds(1714525199));
  const std::string a = format_event_time(t + microseconds(999999));
  const std::string b = format_event_time(t + seconds(1));
  const std::string c = format_event_time(t + seconds(1) + microseconds(1));
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(a.size(), c.size());
}

TEST(EventTime, RefusesOtherText) {
  EXPECT_THROW(parse_event_time("2024-05-01 01:00:00"), std::invalid_argument);
  EXPECT_THROW(parse_event_time("2024-05-01T01:00:00+07:00"), std::invalid_argument);
  EXPECT_THROW(parse_event_time("yesterday"), std::invalid_argument);
  EXPECT_THROW(parse_event_time(""), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::host
