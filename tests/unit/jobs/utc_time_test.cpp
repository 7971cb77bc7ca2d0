#include "jobs/utc_time.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using std::chrono::milliseconds;

TEST(UtcTime, FormatsToTheSecondAndToTheMillisecond) {
  const auto t =
      parse_utc_text("2024-05-01T03:00:30Z") + milliseconds(250) + std::chrono::microseconds(999);
  EXPECT_EQ(utc_seconds_text(t), "2024-05-01T03:00:30Z");
  EXPECT_EQ(utc_millis_text(t), "2024-05-01T03:00:30.250Z");
  EXPECT_EQ(utc_millis_text(parse_utc_text("2024-05-01T03:00:30Z")), "2024-05-01T03:00:30.000Z");
}

TEST(UtcTime, ParsesBothForms) {
  EXPECT_EQ(parse_utc_text("2024-05-01T03:00:30.250Z") - parse_utc_text("2024-05-01T03:00:30Z"),
            milliseconds(250));
  EXPECT_EQ(utc_seconds_text(parse_utc_text("1999-12-31T23:59:59Z")), "1999-12-31T23:59:59Z");
}

TEST(UtcTime, MillisecondTextsSortInTimeOrder) {
  // Leases are compared as text in SQL.
  const auto a = utc_millis_text(parse_utc_text("2024-05-01T03:00:09.999Z"));
  const auto b = utc_millis_text(parse_utc_text("2024-05-01T03:00:10Z"));
  EXPECT_LT(a, b);
}

TEST(UtcTime, RefusesOtherTexts) {
  for (const char* text :
       {"2024-05-01 03:00:30", "2024-05-01T03:00:30", "2024-05-01T03:00:30+07:00", "yesterday", "",
        "2024-05-01T03:00:30Zjunk"}) {
    EXPECT_THROW(parse_utc_text(text), std::invalid_argument) << text;
  }
}

}  // namespace
}  // namespace hisx::host
