#include "web/web_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/config_reader.h"

namespace hisx::host {
namespace {

ConfigReader reader(const std::string& yaml, std::set<std::string> overridden = {}) {
  return ConfigReader(YAML::Load(yaml), "/etc/hisx/hisx.yaml", "/etc/hisx", std::move(overridden));
}

TEST(WebConfig, WithoutAKeyTheShellIsTheDefaultFolder) {
  const auto config = read_web_config(reader("http: {port: 1}"), "/opt/hisx/web");
  EXPECT_EQ(config.root, "/opt/hisx/web");
  EXPECT_FALSE(config.root_given);
}

TEST(WebConfig, ARelativeRootIsRelativeToTheConfigurationFile) {
  const auto config = read_web_config(reader("web: {root: ../share/web}"), "/unused");
  EXPECT_EQ(config.root, "/etc/share/web");
  EXPECT_TRUE(config.root_given);
}

TEST(WebConfig, RefusesUnknownKeysNamingThem) {
  try {
    read_web_config(reader("web: {rot: /srv/web}"), "/unused");
    FAIL() << "accepted web.rot";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key(), "web.rot");
    EXPECT_THAT(e.what(), ::testing::HasSubstr("root"));
  }
}

TEST(WebConfig, TheDefaultIsBesideTheRunningProgramsFolder) {
  const auto root = default_web_root();
  ASSERT_FALSE(root.empty());
  EXPECT_EQ(root.filename(), "web");
  EXPECT_TRUE(root.is_absolute());
}

}  // namespace
}  // namespace hisx::host
