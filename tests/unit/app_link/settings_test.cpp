// The plugin's settings (app_link_settings.h): defaults, and refusals naming the key.
#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>

#include "app_link_settings.h"

namespace hisx::app_link {
namespace {

AppLinkSettings read(std::map<std::string, std::string> scalars) {
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

TEST(AppLinkSettings, DefaultsAreUsable) {
  const AppLinkSettings s = read({});
  EXPECT_FALSE(s.hospital_name.empty());
  EXPECT_EQ(s.hotline, "1900 1234");
  EXPECT_EQ(s.code_ttl, std::chrono::hours(72));
  EXPECT_EQ(s.link_for("7Q4K92XM"), "https://app.example.vn/link?c=7Q4K92XM");
  EXPECT_FALSE(s.consent_text.empty());
}

TEST(AppLinkSettings, TheDeepLinkMustBeHttpsWithTheCodeAndNoQuotes) {
  EXPECT_NE(refusal({{"deep_link", "http://app.example.vn/link?c={code}"}}).find("deep_link"),
            std::string::npos);
  EXPECT_NE(refusal({{"deep_link", "https://app.example.vn/link"}}).find("deep_link"),
            std::string::npos);
  EXPECT_NE(refusal({{"deep_link", "https://app.example.vn/l?c={code}\"x"}}).find("deep_link"),
            std::string::npos);
  EXPECT_EQ(refusal({{"deep_link", "https://vn.example/a/{code}"}}), "accepted");
}

TEST(AppLinkSettings, RefusesValuesOutOfRangeNamingTheKey) {
  EXPECT_NE(refusal({{"code_ttl_hours", "0"}}).find("code_ttl_hours"), std::string::npos);
  EXPECT_NE(refusal({{"code_ttl_hours", "9000"}}).find("code_ttl_hours"), std::string::npos);
  EXPECT_NE(refusal({{"hotline", ""}}).find("hotline"), std::string::npos);
  EXPECT_NE(refusal({{"hospital_name", std::string(201, 'x')}}).find("hospital_name"),
            std::string::npos);
  EXPECT_NE(refusal({{"default_target_percent", "101"}}).find("default_target_percent"),
            std::string::npos);
  EXPECT_NE(refusal({{"default_target_percent", "80%"}}).find("default_target_percent"),
            std::string::npos);
  EXPECT_NE(refusal({{"max_patients_per_account", "0"}}).find("max_patients_per_account"),
            std::string::npos);
}

}  // namespace
}  // namespace hisx::app_link
