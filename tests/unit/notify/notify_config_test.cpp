#include "notify/notify_config.h"

#include <gmock/gmock.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>

#include "config/config.h"
#include "config/config_reader.h"
#include "notify/body_template.h"
#include "support/temp_dir.h"

namespace hisx::host {
namespace {

using ::testing::HasSubstr;

NotifyConfig read(const std::string& yaml, const std::filesystem::path& base = ".") {
  ConfigReader reader(YAML::Load(yaml), "hisx.yaml", base, {});
  return read_notify_config(reader);
}

// Expects a ConfigError at `key` whose message contains `text`.
void expect_refused(const std::string& yaml, const std::string& key, const std::string& text) {
  try {
    read(yaml);
    ADD_FAILURE() << "accepted:\n" << yaml;
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key(), key) << e.what();
    EXPECT_THAT(e.what(), HasSubstr(text)) << yaml;
    EXPECT_THAT(e.what(), HasSubstr("hisx.yaml: " + key + ": "));
  }
}

class NotifyConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("HISX_TEST_SMS_SECRET", "sms-signing-secret", 1);
    ::setenv("HISX_TEST_SMTP_PASSWORD", "mail-password", 1);
    ::unsetenv("HISX_TEST_UNSET_SECRET");
  }
};

TEST_F(NotifyConfigTest, AbsentSectionMeansNoChannelsAndDefaults) {
  auto c = read("http: {port: 8080}");
  EXPECT_TRUE(c.channels.empty());
  EXPECT_EQ(c.max_attempts, 8);
  EXPECT_EQ(c.retry_base, std::chrono::seconds(30));
  EXPECT_EQ(c.retry_max, std::chrono::hours(1));
  EXPECT_EQ(c.poll_interval, std::chrono::milliseconds(1000));
  EXPECT_EQ(c.lease, std::chrono::seconds(300));
}

TEST_F(NotifyConfigTest, ReadsEveryDriver) {
  auto c = read(R"(
notify:
  channels:
    sms:   {driver: webhook, url: "http://127.0.0.1:9000/sms", secret_env: HISX_TEST_SMS_SECRET,
            template: '{"phone": "{{to}}", "message": "{{text}}"}', timeout_ms: 5000}
    email: {driver: smtp, host: 127.0.0.1, port: 2525, from: "hisx@benhvien.vn",
            username: hisx, password_env: HISX_TEST_SMTP_PASSWORD, starttls: false}
    push:  {driver: log}
  max_attempts: 5
  retry_base_seconds: 0.25
  retry_max_seconds: 10
  poll_interval_ms: 50
  lease_seconds: 60
)");
  ASSERT_EQ(c.channels.size(), 3u);
  const auto& sms = c.channels.at("sms");
  EXPECT_EQ(sms.driver, DriverKind::kWebhook);
  EXPECT_EQ(sms.webhook.url, "http://127.0.0.1:9000/sms");
  EXPECT_EQ(sms.webhook.secret, "sms-signing-secret");
  EXPECT_EQ(sms.webhook.body, R"({"phone": "{{to}}", "message": "{{text}}"})");
  EXPECT_EQ(sms.webhook.timeout, std::chrono::milliseconds(5000));
  const auto& email = c.channels.at("email");
  EXPECT_EQ(email.driver, DriverKind::kSmtp);
  EXPECT_EQ(email.smtp.host, "127.0.0.1");
  EXPECT_EQ(email.smtp.port, 2525);
  EXPECT_EQ(email.smtp.from, "hisx@benhvien.vn");
  EXPECT_EQ(email.smtp.username, "hisx");
  EXPECT_EQ(email.smtp.password, "mail-password");
  EXPECT_FALSE(email.smtp.starttls);
  EXPECT_EQ(c.channels.at("push").driver, DriverKind::kLog);
  EXPECT_EQ(c.max_attempts, 5);
  EXPECT_EQ(c.retry_base, std::chrono::milliseconds(250));
  EXPECT_EQ(c.retry_max, std::chrono::seconds(10));
  EXPECT_EQ(c.poll_interval, std::chrono::milliseconds(50));
  EXPECT_EQ(c.lease, std::chrono::seconds(60));
}

TEST_F(NotifyConfigTest, WebhookWithoutTemplateUsesTheDefaultAndSecretFromAFile) {
  hisx::test::TempDir dir;
  std::ofstream(dir.path() / "sms.secret") << "from-a-file\n";
  auto c = read(R"(
notify:
  channels:
    sms: {driver: webhook, url: "https://gateway.example.vn/send", secret_file: sms.secret}
)",
                dir.path());
  EXPECT_EQ(c.channels.at("sms").webhook.secret, "from-a-file");
  EXPECT_EQ(c.channels.at("sms").webhook.body, BodyTemplate::kDefault);
}

TEST_F(NotifyConfigTest, RefusesUnknownDriver) {
  expect_refused("notify: {channels: {sms: {driver: fax}}}", "notify.channels.sms.driver",
                 "unknown driver 'fax'; expected webhook, smtp or log");
  expect_refused("notify: {channels: {sms: {url: x}}}", "notify.channels.sms.driver",
                 "missing; one of webhook, smtp, log");
}

TEST_F(NotifyConfigTest, RefusesWebhookMistakes) {
  expect_refused("notify: {channels: {sms: {driver: webhook, secret_env: HISX_TEST_SMS_SECRET}}}",
                 "notify.channels.sms.url", "missing");
  expect_refused(
      "notify: {channels: {sms: {driver: webhook, url: 'ftp://x/y', secret_env: "
      "HISX_TEST_SMS_SECRET}}}",
      "notify.channels.sms.url", "expected an http:// or https:// URL");
  expect_refused(
      "notify: {channels: {sms: {driver: webhook, url: 'http://u:p@x/y', secret_env: "
      "HISX_TEST_SMS_SECRET}}}",
      "notify.channels.sms.url", "user name or password in the URL");
  expect_refused("notify: {channels: {sms: {driver: webhook, url: 'http://x/y'}}}",
                 "notify.channels.sms.secret_env", "missing");
  expect_refused(
      "notify: {channels: {sms: {driver: webhook, url: 'http://x/y', secret_env: "
      "HISX_TEST_UNSET_SECRET}}}",
      "notify.channels.sms.secret_env", "HISX_TEST_UNSET_SECRET is not set");
  expect_refused(
      "notify: {channels: {sms: {driver: webhook, url: 'http://x/y', secret: plain-text}}}",
      "notify.channels.sms.secret", "secrets never go in the configuration file");
  expect_refused(
      "notify: {channels: {sms: {driver: webhook, url: 'http://x/y', secret_env: "
      "HISX_TEST_SMS_SECRET, tmplate: '{}'}}}",
      "notify.channels.sms.tmplate", "unknown setting");
  expect_refused(
      "notify: {channels: {sms: {driver: webhook, url: 'http://x/y', secret_env: "
      "HISX_TEST_SMS_SECRET, timeout_ms: 10}}}",
      "notify.channels.sms.timeout_ms", "from 100 to 600000");
}

TEST_F(NotifyConfigTest, RefusesTemplatesThatAreNotJsonOnceFilledIn) {
  const std::string head =
      "notify: {channels: {sms: {driver: webhook, url: 'http://x/y', secret_env: "
      "HISX_TEST_SMS_SECRET, template: '";
  // A placeholder outside a string: the sample text is not a JSON value.
  expect_refused(head + R"({"m": {{text}}})" + "'}}}", "notify.channels.sms.template",
                 "not valid JSON once the placeholders are filled in");
  expect_refused(head + R"({"m": "{{text}}")" + "'}}}", "notify.channels.sms.template",
                 "not valid JSON");
  expect_refused(head + R"({"m": "{{phone}}"})" + "'}}}", "notify.channels.sms.template",
                 "unknown placeholder {{phone}}");
}

TEST_F(NotifyConfigTest, RefusesSmtpMistakes) {
  expect_refused("notify: {channels: {mail: {driver: smtp, from: a@b.vn}}}",
                 "notify.channels.mail.host", "missing");
  expect_refused("notify: {channels: {mail: {driver: smtp, host: h}}}", "notify.channels.mail.from",
                 "missing");
  expect_refused("notify: {channels: {mail: {driver: smtp, host: h, from: nobody}}}",
                 "notify.channels.mail.from", "expected an e-mail address");
  expect_refused("notify: {channels: {mail: {driver: smtp, host: h, from: a@b.vn, username: u}}}",
                 "notify.channels.mail.password_env", "a username needs a password");
  expect_refused(
      "notify: {channels: {mail: {driver: smtp, host: h, from: a@b.vn, password_env: "
      "HISX_TEST_SMTP_PASSWORD}}}",
      "notify.channels.mail.username", "missing");
  expect_refused(
      "notify: {channels: {mail: {driver: smtp, host: h, from: a@b.vn, username: u, password: p}}}",
      "notify.channels.mail.password", "secrets never go in the configuration file");
  expect_refused("notify: {channels: {mail: {driver: smtp, host: h, from: a@b.vn, port: 0}}}",
                 "notify.channels.mail.port", "from 1 to 65535");
  expect_refused(
      "notify: {channels: {mail: {driver: smtp, host: h, from: a@b.vn, starttls: maybe}}}",
      "notify.channels.mail.starttls", "expected true or false");
  expect_refused("notify: {channels: {push: {driver: log, url: x}}}", "notify.channels.push.url",
                 "unknown setting");
}

TEST_F(NotifyConfigTest, RefusesBadSectionValues) {
  expect_refused("notify: {channels: {'SMS!': {driver: log}}}", "notify.channels.SMS!",
                 "a channel name is 1 to 64 of a-z, 0-9 and _");
  expect_refused("notify: {channels: [sms]}", "notify.channels", "expected a map");
  expect_refused("notify: {retry_base_seconds: soon}", "notify.retry_base_seconds",
                 "expected a number of seconds");
  expect_refused("notify: {retry_base_seconds: -1}", "notify.retry_base_seconds",
                 "expected a number of seconds");
  expect_refused("notify: {retry_base_seconds: 60, retry_max_seconds: 30}",
                 "notify.retry_max_seconds", "must not be less than notify.retry_base_seconds");
  expect_refused("notify: {max_attempts: 0}", "notify.max_attempts", "from 1 to 100");
  expect_refused("notify: {retries: 3}", "notify.retries", "unknown setting");
  expect_refused(
      "notify: {lease_seconds: 5, channels: {sms: {driver: webhook, url: 'http://x/y', "
      "secret_env: HISX_TEST_SMS_SECRET, timeout_ms: 5000}}}",
      "notify.lease_seconds", "at least twice the longest timeout_ms");
}

}  // namespace
}  // namespace hisx::host
