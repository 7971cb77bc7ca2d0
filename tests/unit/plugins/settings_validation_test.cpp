#include "plugins/settings_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"

using hisx::host::ConfigError;
using hisx::host::validate_settings;
using hisx::sdk::SettingSpec;
using hisx::sdk::SettingType;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

const std::vector<SettingSpec> kSpecs = {
    {"hotline", SettingType::kString, true, "", "Support hotline printed on slips"},
    {"quota_percent", SettingType::kInteger, false, "30", "Share of a slot kept for the app"},
    {"confirm", SettingType::kBoolean, false, "true", "App bookings need confirmation"},
    {"channels", SettingType::kStringList, false, "app, web", "Channels accepted"},
};

std::string error_of(const std::string& yaml) {
  try {
    validate_settings("hisx.yaml", "appointments", YAML::Load(yaml), kSpecs);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST(SettingsValidation, FillsDefaultsAndKeepsGivenValues) {
  auto s =
      validate_settings("hisx.yaml", "appointments",
                        YAML::Load("{hotline: '1900 1234', channels: [app, phone, web]}"), kSpecs);
  EXPECT_EQ(s.str("hotline"), "1900 1234");
  EXPECT_EQ(s.integer("quota_percent"), 30);
  EXPECT_TRUE(s.boolean("confirm"));
  EXPECT_THAT(s.list("channels"), ElementsAre("app", "phone", "web"));
  auto d = validate_settings("hisx.yaml", "appointments", YAML::Load("{hotline: x}"), kSpecs);
  EXPECT_THAT(d.list("channels"), ElementsAre("app", "web"));
}

TEST(SettingsValidation, NamesTheKeyOfAMissingRequiredSetting) {
  EXPECT_THAT(error_of("{}"),
              HasSubstr("hisx.yaml: plugins.settings.appointments.hotline: missing"));
}

TEST(SettingsValidation, NamesTheKeyAndTypeOfAWrongValue) {
  const auto error = error_of("{hotline: x, quota_percent: many}");
  EXPECT_THAT(error, HasSubstr("plugins.settings.appointments.quota_percent"));
  EXPECT_THAT(error, HasSubstr("expected a whole number, found 'many'"));
  EXPECT_THAT(error_of("{hotline: x, confirm: maybe}"), HasSubstr("expected true or false"));
}

TEST(SettingsValidation, RefusesAnUnknownKeyListingTheKnownOnes) {
  const auto error = error_of("{hotline: x, hotlien: y}");
  EXPECT_THAT(error, HasSubstr("plugins.settings.appointments.hotlien"));
  EXPECT_THAT(error, HasSubstr("hotline, quota_percent, confirm, channels"));
}

TEST(SettingsValidation, SecretsComeFromTheEnvironmentOrAFileNeverTheFileItself) {
  const std::vector<SettingSpec> specs = {
      {"webhook_secret", SettingType::kSecret, true, "", "Signs payment webhooks"},
      {"api_token", SettingType::kSecret, false, "", "Optional token"}};
  ::setenv("HISX_TEST_WEBHOOK_SECRET", "whsec-123", 1);
  auto s =
      validate_settings("hisx.yaml", "fast_lane",
                        YAML::Load("{webhook_secret: {env: HISX_TEST_WEBHOOK_SECRET}}"), specs);
  EXPECT_EQ(s.secret("webhook_secret"), "whsec-123");
  EXPECT_EQ(s.secret("api_token"), "");
  EXPECT_EQ(s.redacted().at("webhook_secret"),
            "secret, from environment variable HISX_TEST_WEBHOOK_SECRET");
  EXPECT_EQ(s.redacted().at("api_token"), "secret, not set");
  for (const auto& [key, text] : s.redacted()) EXPECT_EQ(text.find("whsec-123"), std::string::npos);

  auto error = [&](const std::string& yaml) {
    try {
      validate_settings("hisx.yaml", "fast_lane", YAML::Load(yaml), specs);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  EXPECT_THAT(error("{webhook_secret: whsec-123}"),
              HasSubstr("plugins.settings.fast_lane.webhook_secret: secrets never go in the "
                        "configuration file"));
  EXPECT_THAT(error("{webhook_secret: {env: HISX_TEST_NOT_SET_ANYWHERE}}"),
              HasSubstr("webhook_secret.env: the environment variable HISX_TEST_NOT_SET_ANYWHERE "
                        "is not set"));
  EXPECT_THAT(error("{webhook_secret: {file: /nonexistent/secret}}"),
              HasSubstr("webhook_secret.file: cannot read /nonexistent/secret"));
  EXPECT_THAT(error("{webhook_secret: {env: A, file: /b}}"),
              HasSubstr("expected exactly one of {env: NAME} or {file: /path}"));
  EXPECT_THAT(error("{}"), HasSubstr("webhook_secret: missing"));
}
