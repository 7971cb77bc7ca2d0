#include "hisx/settings.h"

#include <gtest/gtest.h>

namespace hisx::sdk {
namespace {

TEST(Settings, AKeyMissingFromHandBuiltSettingsTakesItsDeclaredDefault) {
  const std::vector<SettingSpec> specs = {
      {"hotline", SettingType::kString, false, "1900 1234", "Support hotline"},
      {"mode", SettingType::kString, false, "", "Mode"}};
  const Settings given({{"hotline", "1800 5678"}}, {});
  EXPECT_EQ(str_or_declared(given, specs, "hotline"), "1800 5678");
  const Settings empty;
  EXPECT_EQ(str_or_declared(empty, specs, "hotline"), "1900 1234");
  EXPECT_EQ(str_or_declared(empty, specs, "mode"), "");
  EXPECT_EQ(str_or_declared(empty, specs, "undeclared"), "");
}

}  // namespace
}  // namespace hisx::sdk
