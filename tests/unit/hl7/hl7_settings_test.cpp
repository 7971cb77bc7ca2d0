#include "hl7_settings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::hl7 {
namespace {

using ::testing::HasSubstr;

Hl7Settings read(std::map<std::string, std::string> scalars) {
  return read_settings(sdk::Settings(std::move(scalars), {}));
}

std::string refusal(std::map<std::string, std::string> scalars) {
  try {
    read(std::move(scalars));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(Hl7Settings, DefaultsHaveNoEndpoint) {
  const auto s = read({});
  EXPECT_FALSE(s.has_endpoint());
  EXPECT_EQ(s.endpoint(), "");
  EXPECT_EQ(s.port, 2575);
  EXPECT_EQ(s.header.sending_application, "HISX");
  EXPECT_EQ(s.header.processing_id, "P");
  EXPECT_EQ(s.max_attempts, 50);
}

TEST(Hl7Settings, AnEndpointAndItsTimeouts) {
  const auto s = read({{"host", "his.benhvien.vn"},
                       {"port", "6661"},
                       {"ack_timeout_ms", "2500"},
                       {"sending_facility", "BV_CHO_RAY"}});
  EXPECT_TRUE(s.has_endpoint());
  EXPECT_EQ(s.endpoint(), "his.benhvien.vn:6661");
  EXPECT_EQ(s.ack_timeout.count(), 2500);
  EXPECT_EQ(s.header.sending_facility, "BV_CHO_RAY");
  EXPECT_TRUE(read({{"host", "::1"}}).has_endpoint()) << "IPv6";
}

TEST(Hl7Settings, RefusesWhatCannotWorkNamingTheKey) {
  EXPECT_THAT(refusal({{"port", "0"}}), HasSubstr("setting port: '0'"));
  EXPECT_THAT(refusal({{"port", "70000"}}), HasSubstr("1 to 65535"));
  EXPECT_THAT(refusal({{"host", "his.local:2575"}}), HasSubstr("setting host"));
  EXPECT_THAT(refusal({{"host", "mllp://his.local"}}), HasSubstr("setting host"));
  EXPECT_THAT(refusal({{"ack_timeout_ms", "10"}}), HasSubstr("setting ack_timeout_ms"));
  EXPECT_THAT(refusal({{"connect_timeout_ms", "x"}}), HasSubstr("setting connect_timeout_ms"));
  EXPECT_THAT(refusal({{"retry_base_seconds", "60"}, {"retry_max_seconds", "30"}}),
              HasSubstr("setting retry_max_seconds: '30'"));
  EXPECT_THAT(refusal({{"max_attempts", "0"}}), HasSubstr("setting max_attempts"));
  EXPECT_THAT(refusal({{"sending_application", "HIS|X"}}),
              HasSubstr("setting sending_application"));
  EXPECT_THAT(refusal({{"receiving_facility", ""}}), HasSubstr("1 to 50 characters"));
  EXPECT_THAT(refusal({{"processing_id", "X"}}), HasSubstr("setting processing_id"));
  EXPECT_THAT(refusal({{"send_schedule", " "}}), HasSubstr("setting send_schedule"));
}

TEST(Hl7Settings, BackoffDoublesUpToTheMaximum) {
  const auto s = read({{"retry_base_seconds", "30"}, {"retry_max_seconds", "100"}});
  EXPECT_EQ(retry_delay(s, 1).count(), 30);
  EXPECT_EQ(retry_delay(s, 2).count(), 60);
  EXPECT_EQ(retry_delay(s, 3).count(), 100);
  EXPECT_EQ(retry_delay(s, 40).count(), 100);
}

}  // namespace
}  // namespace hisx::hl7
