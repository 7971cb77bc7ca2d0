// The plugin's settings (fast_lane_settings.h): defaults, and refusals naming the key.
#include <gmock/gmock.h>

#include <map>
#include <stdexcept>
#include <string>

#include "fast_lane_settings.h"

namespace hisx::fast_lane {
namespace {

using ::testing::HasSubstr;

FastLaneSettings read(std::map<std::string, std::string> scalars,
                      std::map<std::string, std::vector<std::string>> lists = {},
                      std::map<std::string, std::string> secrets = {}) {
  return read_settings(sdk::Settings(std::move(scalars), std::move(lists), std::move(secrets)));
}

std::string refusal(std::map<std::string, std::string> scalars,
                    std::map<std::string, std::vector<std::string>> lists = {}) {
  try {
    read(std::move(scalars), std::move(lists));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(FastLaneSettings, DefaultsAreUsable) {
  const FastLaneSettings s = read({});
  EXPECT_FALSE(s.hospital_name.empty());
  EXPECT_EQ(s.fast_prefix, "U");
  EXPECT_EQ(s.regular_prefix, "T");
  EXPECT_EQ(s.checkin_channels, std::vector<std::string>{"app"});
  EXPECT_EQ(s.priority_groups.size(), 5u);
  EXPECT_EQ(s.max_wait, std::chrono::minutes(30));
  EXPECT_EQ(s.skip_return_calls, 3);
  EXPECT_EQ(s.receipt_book, "A");
  EXPECT_FALSE(s.vietqr());
  EXPECT_TRUE(s.online_provider.empty());
  EXPECT_EQ(s.reconcile_after, std::chrono::minutes(60));
}

TEST(FastLaneSettings, RefusalsNameTheKey) {
  EXPECT_THAT(refusal({{"fast_prefix", "u"}}), HasSubstr("fast_prefix"));
  EXPECT_THAT(refusal({{"fast_prefix", "T"}}), HasSubstr("different letters"));
  EXPECT_THAT(refusal({{"max_wait_minutes", "2"}}), HasSubstr("max_wait_minutes"));
  EXPECT_THAT(refusal({{"receipt_book", "a-1"}}), HasSubstr("receipt_book"));
  EXPECT_THAT(refusal({}, {{"priority_groups", {"vip"}}}), HasSubstr("'vip'"));
  EXPECT_THAT(refusal({}, {{"priority_groups", {"app"}}}), HasSubstr("priority_groups"));
  EXPECT_THAT(refusal({{"bank_account", "0011001932418"}}), HasSubstr("bank_bin"));
  EXPECT_THAT(refusal({{"bank_bin", "97043"}, {"bank_account", "0011001932418"}}),
              HasSubstr("bank_bin"));
  EXPECT_THAT(refusal({{"bank_bin", "970436"},
                       {"bank_account", "0011001932418"},
                       {"bank_account_name", "BỆNH VIỆN"}}),
              HasSubstr("bank_account_name"));
  EXPECT_THAT(refusal({{"online_provider", "payos"}}), HasSubstr("webhook_secret"));
  EXPECT_THAT(refusal({{"online_provider", "Pay OS"}}), HasSubstr("online_provider"));
}

TEST(FastLaneSettings, AGatewayWithItsSecretsAndABankAccount) {
  const FastLaneSettings s =
      read({{"online_provider", "payos"},
            {"bank_bin", "970436"},
            {"bank_account", "0011001932418"},
            {"bank_account_name", "BENH VIEN DEMO"}},
           {}, {{"webhook_secret", "new"}, {"webhook_previous_secret", "old"}});
  EXPECT_TRUE(s.vietqr());
  EXPECT_EQ(s.webhook_secrets, (std::vector<std::string>{"new", "old"}));
}

}  // namespace
}  // namespace hisx::fast_lane
