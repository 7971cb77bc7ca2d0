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

TEST(Settings, AWholeNumberSettingIsCheckedAgainstItsRange) {
  const std::vector<SettingSpec> specs = {
      {"code_ttl_hours", SettingType::kInteger, false, "72", "Hours"}};
  EXPECT_EQ(integer_between(Settings(), specs, "code_ttl_hours", 1, 8760), 72);
  EXPECT_EQ(
      integer_between(Settings({{"code_ttl_hours", "8760"}}, {}), specs, "code_ttl_hours", 1, 8760),
      8760);
  for (const std::string bad : {"0", "8761", "72h", "", "-3"}) {
    try {
      integer_between(Settings({{"code_ttl_hours", bad}}, {}), specs, "code_ttl_hours", 1, 8760);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()),
                "setting code_ttl_hours: '" + bad + "' is not a whole number from 1 to 8760");
    }
  }
}

}  // namespace
}  // namespace hisx::sdk
