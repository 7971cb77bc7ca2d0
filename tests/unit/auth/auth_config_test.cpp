#include "auth/auth_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "config/config.h"
#include "config/config_reader.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

host::AuthConfig read(const std::string& yaml) {
  host::ConfigReader reader(YAML::Load(yaml), "hisx.yaml", "/etc/hisx", {});
  return host::read_auth_config(reader);
}

std::string refusal(const std::string& yaml) {
  try {
    read(yaml);
  } catch (const host::ConfigError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(AuthConfig, DefaultsWhenTheSectionIsAbsent) {
  const auto c = read("http: {port: 1}");
  EXPECT_EQ(c.sessions.idle, 30min);
  EXPECT_EQ(c.sessions.absolute, 12h);
  EXPECT_EQ(c.logins.per_account, 5);
  EXPECT_EQ(c.logins.per_address, 20);
  EXPECT_EQ(c.logins.window, 15min);
}

TEST(AuthConfig, ReadsEveryKey) {
  const auto c = read(
      "auth: {session_idle_minutes: 10, session_absolute_hours: 8, "
      "login_max_failures_per_account: 3, login_max_failures_per_address: 50, "
      "login_window_minutes: 5}");
  EXPECT_EQ(c.sessions.idle, 10min);
  EXPECT_EQ(c.sessions.absolute, 8h);
  EXPECT_EQ(c.logins.per_account, 3);
  EXPECT_EQ(c.logins.per_address, 50);
  EXPECT_EQ(c.logins.window, 5min);
  EXPECT_EQ(read("auth: {session_idle_seconds: 90}").sessions.idle, 90s);
}

TEST(AuthConfig, RefusalsNameTheKey) {
  EXPECT_THAT(refusal("auth: {session_idle_minutes: 5, session_idle_seconds: 60}"),
              HasSubstr("not both"));
  EXPECT_THAT(refusal("auth: {session_idle_minutes: 0}"), HasSubstr("auth.session_idle_minutes"));
  EXPECT_THAT(refusal("auth: {session_idle_minutes: 600, session_absolute_hours: 1}"),
              HasSubstr("longer than auth.session_absolute_hours"));
  EXPECT_THAT(refusal("auth: {login_max_failures_per_account: many}"),
              HasSubstr("auth.login_max_failures_per_account"));
  EXPECT_THAT(refusal("auth: {session_timeout: 5}"), HasSubstr("auth.session_timeout"));
}

TEST(AuthConfig, ShortIdleTimeoutsRefreshOftenEnough) {
  host::SessionPolicy policy;
  EXPECT_EQ(policy.touch_interval(), 1min);  // 30 minutes idle: at most one write a minute.
  policy.idle = 2s;
  EXPECT_EQ(policy.touch_interval(), 500ms);
}

TEST(AuthConfig, ASigningKeyComesFromTheEnvironmentOrAFileAndIsLongEnough) {
  EXPECT_FALSE(read("auth: {}").signing_key);
  ::setenv("HISX_TEST_SIGNING_KEY",
           "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", 1);
  const auto hex = read("auth: {signing_key_env: HISX_TEST_SIGNING_KEY}").signing_key;
  ASSERT_TRUE(hex);
  EXPECT_EQ(hex->size(), 32u);  // 64 hexadecimal digits are 32 bytes
  EXPECT_EQ(static_cast<unsigned char>((*hex)[31]), 0xffu);
  ::setenv("HISX_TEST_SHORT_KEY", "too-short", 1);
  EXPECT_THAT(refusal("auth: {signing_key_env: HISX_TEST_SHORT_KEY}"),
              HasSubstr("auth.signing_key_env: the signing key is too short (9 bytes)"));
  EXPECT_THAT(refusal("auth: {signing_key_env: HISX_TEST_NO_SUCH_VARIABLE}"),
              HasSubstr("the environment variable HISX_TEST_NO_SUCH_VARIABLE is not set"));
  EXPECT_THAT(refusal("auth: {signing_key_file: /nonexistent/key}"),
              HasSubstr("auth.signing_key_file: cannot read /nonexistent/key"));
}

}  // namespace
}  // namespace hisx::test
