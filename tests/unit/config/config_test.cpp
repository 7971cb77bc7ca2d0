#include "config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/temp_dir.h"

using hisx::host::ConfigError;
using hisx::host::HostConfig;
using hisx::host::load_config;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

class ConfigTest : public ::testing::Test {
 protected:
  ConfigTest() { std::ofstream(dir_.path() / "profile.yaml") << "profile: t\nstatements: {}\n"; }

  std::filesystem::path write(const std::string& yaml) {
    auto file = dir_.path() / "hisx.yaml";
    std::ofstream(file) << yaml;
    return file;
  }

  std::string error_of(const std::string& yaml, const std::vector<std::string>& overrides = {}) {
    try {
      load_config(write(yaml), overrides);
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "(accepted)";
  }

  static constexpr const char* kMinimal =
      "his_profile: profile.yaml\n"
      "database:\n  his: {backend: sqlite3, connection: 'db=${data_dir}/his.db'}\n";

  hisx::test::TempDir dir_;
};

}  // namespace

TEST_F(ConfigTest, TheShippedDefaultConfigurationLoads) {
  const auto file = std::filesystem::path(std::getenv("HISX_SOURCE_DIR")) / "config/hisx.yaml";
  HostConfig cfg = load_config(file, {});
  EXPECT_EQ(cfg.http.port, 8080);
  EXPECT_EQ(cfg.his.backend, "sqlite3");
  EXPECT_TRUE(cfg.store_is_his);
  EXPECT_TRUE(std::filesystem::exists(cfg.his_profile));
  EXPECT_THAT(cfg.plugins_enabled,
              ElementsAre("his", "appointments", "hl7", "app_link", "fast_lane"));
  EXPECT_EQ(cfg.data_dir.filename(), "var");
}

TEST_F(ConfigTest, ResolvesPathsAgainstTheFileAndExpandsDataDir) {
  HostConfig cfg = load_config(write(kMinimal), {});
  EXPECT_EQ(cfg.data_dir, dir_.path() / "var");
  EXPECT_EQ(cfg.his.connection, "db=" + (dir_.path() / "var").string() + "/his.db");
  EXPECT_EQ(cfg.his_profile, dir_.path() / "profile.yaml");
  EXPECT_EQ(cfg.timezone, "Asia/Ho_Chi_Minh");
}

TEST_F(ConfigTest, OverridesReplaceAnyKey) {
  HostConfig cfg =
      load_config(write(kMinimal), {"http.port=9123", "data_dir=/tmp/hisx-x",
                                    "plugins.paths=[/opt/p]", "plugins.enabled=[a, b]"});
  EXPECT_EQ(cfg.http.port, 9123);
  EXPECT_EQ(cfg.data_dir, "/tmp/hisx-x");
  EXPECT_EQ(cfg.his.connection, "db=/tmp/hisx-x/his.db");
  EXPECT_THAT(cfg.plugins_enabled, ElementsAre("a", "b"));
}

TEST_F(ConfigTest, ABadValueNamesFileKeyAndExpectation) {
  const auto error = error_of(kMinimal, {"http.port=eighty"});
  EXPECT_THAT(
      error,
      HasSubstr("hisx.yaml: http.port: expected a whole number from 0 to 65535, found 'eighty'"));
}

TEST_F(ConfigTest, AnUnknownKeyIsRefusedListingTheKnownOnes) {
  const auto error = error_of(std::string(kMinimal) + "htpp:\n  port: 1\n");
  EXPECT_THAT(error, HasSubstr("htpp: unknown setting"));
  EXPECT_THAT(error, HasSubstr("http"));
}

TEST_F(ConfigTest, APasswordInTheFileIsRefused) {
  const auto error = error_of(
      "his_profile: profile.yaml\ndatabase:\n  his: {backend: postgresql, connection: 'host=x', "
      "password: secret}\n");
  EXPECT_THAT(error,
              HasSubstr("database.his.password: passwords never go in the configuration file"));
  EXPECT_THAT(error, Not(HasSubstr("secret")));
  EXPECT_THAT(error_of("his_profile: profile.yaml\ndatabase:\n  his: {backend: postgresql, "
                       "connection: 'host=x password=secret'}\n"),
              HasSubstr("remove the password from the connection string"));
}

TEST_F(ConfigTest, PasswordsComeFromTheEnvironmentOrAFile) {
  ::setenv("HISX_TEST_PW", "s3cret", 1);
  const std::string base =
      "his_profile: profile.yaml\ndatabase:\n  his: {backend: postgresql, connection: 'host=x', ";
  EXPECT_EQ(load_config(write(base + "password_env: HISX_TEST_PW}\n"), {}).his.password, "s3cret");
  std::ofstream(dir_.path() / "pw") << "from-file\n";
  EXPECT_EQ(load_config(write(base + "password_file: pw}\n"), {}).his.password, "from-file");
  EXPECT_THAT(
      error_of(base + "password_env: HISX_NOT_SET_ANYWHERE}\n"),
      HasSubstr(
          "database.his.password_env: the environment variable HISX_NOT_SET_ANYWHERE is not set"));
}

TEST_F(ConfigTest, RefusesAnUnknownBackendAndAMissingProfile) {
  EXPECT_THAT(
      error_of(kMinimal, {"database.his.backend=oracle"}),
      HasSubstr(
          "database.his.backend: unknown backend 'oracle'; expected one of sqlite3, postgresql"));
  EXPECT_THAT(error_of(kMinimal, {"his_profile=/nowhere/profile.yaml"}),
              HasSubstr("his_profile: the file /nowhere/profile.yaml does not exist"));
}

TEST_F(ConfigTest, AStoreOnMysqlOrOdbcIsRefusedWithTheFix) {
  // A MariaDB HIS with no store of its own: hisx's tables would go into the HIS database.
  const std::string mysql_his =
      "his_profile: profile.yaml\ndatabase:\n  his: {backend: mysql, connection: 'db=his "
      "host=127.0.0.1'}\n";
  const std::string refused = error_of(mysql_his);
  EXPECT_THAT(refused, HasSubstr("database.store: missing, and the HIS database is mysql"));
  EXPECT_THAT(refused, HasSubstr("Point `store` at SQLite or PostgreSQL"));
  EXPECT_THAT(
      error_of(kMinimal, {"database.store.backend=odbc", "database.store.connection=DSN=x"}),
      HasSubstr("database.store.backend: is odbc: hisx keeps its own tables in SQLite or "
                "PostgreSQL only"));
  // The fix it names is accepted.
  HostConfig cfg = load_config(write(mysql_his), {"database.store.backend=sqlite3",
                                                  "database.store.connection=db=${data_dir}/x.db"});
  EXPECT_EQ(cfg.his.backend, "mysql");
  EXPECT_EQ(cfg.store.backend, "sqlite3");
  EXPECT_FALSE(cfg.store_is_his);
}

TEST_F(ConfigTest, ALeaseFromAPoolWaitsTenSecondsUnlessLeaseTimeoutMsSaysOtherwise) {
  HostConfig cfg = load_config(write(kMinimal), {});
  EXPECT_EQ(cfg.his.lease_timeout_ms, 10000);
  EXPECT_EQ(cfg.store.lease_timeout_ms, 10000) << "the store is the HIS database";
  cfg = load_config(write(kMinimal), {"database.his.lease_timeout_ms=2500"});
  EXPECT_EQ(cfg.his.lease_timeout_ms, 2500);
  EXPECT_THAT(error_of(kMinimal, {"database.his.lease_timeout_ms=0"}),
              HasSubstr("database.his.lease_timeout_ms: expected a whole number from 10 to "
                        "600000, found '0'"));
}

TEST_F(ConfigTest, RefusesBrokenYamlWithItsPosition) {
  EXPECT_THAT(error_of("http: [\n"), HasSubstr("not valid YAML at line"));
  EXPECT_THAT(error_of(kMinimal, {"nonsense"}), HasSubstr("-D key=value"));
}

TEST_F(ConfigTest, OneListOfTrustedProxiesForEveryone) {
  EXPECT_THAT(load_config(write(kMinimal), {}).http.trusted_proxies,
              ElementsAre("127.0.0.1", "::1"));
  EXPECT_THAT(
      load_config(write(std::string(kMinimal) + "http: {trusted_proxies: [10.0.0.2]}\n"), {})
          .http.trusted_proxies,
      ElementsAre("10.0.0.2"));
  EXPECT_THAT(error_of(std::string(kMinimal) + "http: {trusted_proxies: [10.0.0.2, nginx]}\n"),
              HasSubstr("http.trusted_proxies[1]: expected an IP address such as 127.0.0.1, "
                        "found 'nginx'"));
  // The two lists of 1.x are refused with where they went.
  for (const char* old : {"auth", "audit"}) {
    EXPECT_THAT(error_of(std::string(kMinimal) + old + ": {trusted_proxies: [127.0.0.1]}\n"),
                HasSubstr(std::string(old) + ".trusted_proxies: moved to http.trusted_proxies"));
  }
}

TEST_F(ConfigTest, RefusesAnUnknownTimeZone) {
  EXPECT_THAT(error_of(kMinimal, {"timezone=Mars/Olympus"}),
              HasSubstr("timezone: unknown time zone"));
}

TEST_F(ConfigTest, TheClockStartsWhereClockStartSaysOrIsTheSystemClock) {
  using namespace std::chrono;
  EXPECT_FALSE(load_config(write(kMinimal), {}).clock_start);
  const auto vietnam = load_config(write(kMinimal), {"clock.start=2026-01-06T09:00:00+07:00"});
  ASSERT_TRUE(vietnam.clock_start);
  EXPECT_EQ(*vietnam.clock_start, sys_days{2026y / 1 / 6} + hours(2));
  const auto utc = load_config(write(kMinimal), {"clock.start=2026-01-06T02:00Z"});
  EXPECT_EQ(utc.clock_start, vietnam.clock_start);
  const auto west = load_config(write(kMinimal), {"clock.start=2026-01-05T21:00:00-05:00"});
  EXPECT_EQ(west.clock_start, vietnam.clock_start);
  for (const char* bad : {"2026-01-06T09:00:00", "2026-01-06", "tomorrow", "2026-02-30T09:00Z",
                          "2026-01-06T24:00Z", "2026-01-06T09:00+15:00"}) {
    EXPECT_THAT(
        error_of(kMinimal, {std::string("clock.start=") + bad}),
        AllOf(HasSubstr("clock.start"), HasSubstr("2026-01-06T09:00:00+07:00"), HasSubstr(bad)))
        << bad;
  }
  EXPECT_THAT(error_of(kMinimal, {"clock.speed=2"}), HasSubstr("clock.speed"));
}

TEST_F(ConfigTest, KeepsTheSettingsOfADisabledPluginForWhenItIsEnabledAgain) {
  EXPECT_EQ(error_of(std::string(kMinimal) + "plugins:\n  settings:\n    reports: {a: 1}\n"),
            "(accepted)");
}
