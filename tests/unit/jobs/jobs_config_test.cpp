#include "jobs/jobs_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/config_reader.h"

namespace hisx::host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

ConfigReader reader_of(const std::string& yaml) {
  return ConfigReader(YAML::Load(yaml), "hisx.yaml", ".", {});
}

std::string refusal(const std::string& yaml) {
  try {
    read_jobs_config(reader_of(yaml));
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(JobsConfig, DefaultsWithoutASection) {
  const auto cfg = read_jobs_config(reader_of("timezone: Asia/Ho_Chi_Minh"));
  EXPECT_TRUE(cfg.enabled);
  EXPECT_EQ(cfg.poll_interval, std::chrono::milliseconds(1000));
  EXPECT_EQ(cfg.stop_timeout, std::chrono::milliseconds(30000));
  EXPECT_EQ(cfg.keep_days, 30);
}

TEST(JobsConfig, ReadsTheSection) {
  const auto cfg = read_jobs_config(reader_of(
      "jobs:\n  enabled: false\n  poll_interval_ms: 250\n  stop_timeout_ms: 0\n  keep_days: 7\n"));
  EXPECT_FALSE(cfg.enabled);
  EXPECT_EQ(cfg.poll_interval, std::chrono::milliseconds(250));
  EXPECT_EQ(cfg.stop_timeout, std::chrono::milliseconds(0));
  EXPECT_EQ(cfg.keep_days, 7);
}

TEST(JobsConfig, RefusesBadValuesNamingTheKey) {
  EXPECT_THAT(refusal("jobs:\n  poll_interval_ms: 0\n"),
              AllOf(HasSubstr("hisx.yaml"), HasSubstr("jobs.poll_interval_ms")));
  EXPECT_THAT(refusal("jobs:\n  keep_days: never\n"), HasSubstr("jobs.keep_days"));
  EXPECT_THAT(refusal("jobs:\n  enabled: maybe\n"), HasSubstr("jobs.enabled"));
  EXPECT_THAT(refusal("jobs:\n  poll_interval: 5\n"),
              AllOf(HasSubstr("jobs.poll_interval"), HasSubstr("poll_interval_ms")));
}

}  // namespace
}  // namespace hisx::host
