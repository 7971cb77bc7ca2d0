// hisxd refuses to start on a configuration, plugin, profile or database it cannot trust,
// and says what is wrong and how to fix it.
#include <gmock/gmock.h>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kExitConfig = 78;
constexpr int kExitSoftware = 70;

// Starts hisxd with `extra` overrides (small demo, backend under test) and expects a refusal.
ProcessResult refused(const std::vector<std::string>& extra) {
  return HostProcess::start_and_expect_failure(host_options(extra));
}

// The demo profile with the `insurance_no` alias removed from patient.get (both SQL variants).
std::string profile_without_insurance_no() {
  std::string text =
      read_text(std::filesystem::path(env("HISX_SOURCE_DIR")) / "config/his-profiles/demo.yaml");
  const auto begin = text.find("\n  patient.get:");
  const auto end = text.find("\n  patient.search:");
  if (begin == std::string::npos || end == std::string::npos) {
    throw std::runtime_error("demo.yaml no longer has patient.get before patient.search");
  }
  std::string block = text.substr(begin, end - begin);
  const std::string alias = " AS insurance_no";
  int removed = 0;
  for (auto pos = block.find(alias); pos != std::string::npos; pos = block.find(alias, pos)) {
    block.erase(pos, alias.size());
    ++removed;
  }
  if (removed == 0) throw std::runtime_error("patient.get in demo.yaml has no insurance_no alias");
  return text.substr(0, begin) + block + text.substr(end);
}

TEST(Refusals, BadConfigValue) {
  ProcessResult r = refused({"http.port=abc"});
  EXPECT_EQ(r.exit_code, kExitConfig) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("hisxd: configuration refused:"), HasSubstr("hisx.yaml"),
                           HasSubstr("http.port"), HasSubstr("whole number"), HasSubstr("abc")));
}

TEST(Refusals, UnknownConfigKey) {
  ProcessResult r = refused({"htpp.port=1"});
  EXPECT_EQ(r.exit_code, kExitConfig) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("hisxd: configuration refused:"), HasSubstr("htpp"),
                           HasSubstr("unknown setting"), HasSubstr("http")));
}

TEST(Refusals, MissingProfileFile) {
  TempDir dir;
  const auto missing = dir.path() / "no-such-profile.yaml";
  ProcessResult r = refused({"his_profile=" + missing.string()});
  EXPECT_EQ(r.exit_code, kExitConfig) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("his_profile"), HasSubstr(missing.string()),
                           HasSubstr("does not exist")));
}

TEST(Refusals, ASecretWrittenIntoTheConfigurationNamesTheKeyAndWhereItGoes) {
  ProcessResult r = refused({plugin_paths_with_fixtures(), "plugins.enabled=[good]",
                             "plugins.settings.good.token=s3cr3t"});
  EXPECT_EQ(r.exit_code, kExitConfig) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("plugins.settings.good.token"),
                           HasSubstr("secrets never go in the configuration file"),
                           HasSubstr("{env: NAME}")));
  EXPECT_THAT(all_output(r), Not(HasSubstr("s3cr3t")));
}

TEST(Refusals, PluginBuiltForAnotherSdk) {
  ProcessResult r = refused({plugin_paths_with_fixtures(), "plugins.enabled=[bad_abi]"});
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("hisxd: start-up refused:"), HasSubstr("'bad_abi'"),
                           HasSubstr("SDK 999"), HasSubstr("SDK 2.2"), HasSubstr("rebuild")));
}

TEST(Refusals, PluginWithAMissingDependency) {
  ProcessResult r = refused({plugin_paths_with_fixtures(), "plugins.enabled=[needs_missing]"});
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("'needs_missing'"), HasSubstr("'absent_plugin'"),
                           HasSubstr("plugins.enabled")));
}

TEST(Refusals, PluginWhoseStartThrows) {
  ProcessResult r =
      refused({plugin_paths_with_fixtures(), "plugins.enabled=[his, throws_on_start]"});
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err,
              AllOf(HasSubstr("'throws_on_start'"), HasSubstr("the fixture refuses to start"),
                    HasSubstr("plugins.settings.throws_on_start")));
  EXPECT_THAT(r.out + r.err, ::testing::Not(HasSubstr("listening on")));
}

TEST(Refusals, PluginNotFound) {
  ProcessResult r = refused({"plugins.enabled=[his, nowhere]"});
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("'nowhere'"), HasSubstr("nowhere.so"),
                           HasSubstr(env("HISX_PLUGIN_DIR")), HasSubstr("plugins.paths"),
                           HasSubstr("plugins.enabled")));
}

TEST(Refusals, LibraryThatIsNoPlugin) {
  ProcessResult r = refused({plugin_paths_with_fixtures(), "plugins.enabled=[not_a_plugin]"});
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("'not_a_plugin'"), HasSubstr("is not a hisx plugin"),
                           HasSubstr("HISX_PLUGIN()")));
}

TEST(Refusals, BadPluginSetting) {
  ProcessResult r = refused({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]",
                             "plugins.settings.good.times=many"});
  EXPECT_EQ(r.exit_code, kExitConfig) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("hisxd: configuration refused:"),
                           HasSubstr("plugins.settings.good.times"), HasSubstr("whole number"),
                           HasSubstr("many")));

  r = refused({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]",
               "plugins.settings.good.greting=hi"});
  EXPECT_EQ(r.exit_code, kExitConfig) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("plugins.settings.good.greting"), HasSubstr("greeting")));
}

TEST(Refusals, HisProfileMissingAColumn) {
  TempDir dir;
  const auto profile = dir.path() / "broken.yaml";
  write_file(profile, profile_without_insurance_no());
  ProcessResult r = refused({"his_profile=" + profile.string()});
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("hisxd: start-up refused:"), HasSubstr(profile.string()),
                           HasSubstr("patient.get: missing column insurance_no"),
                           HasSubstr("hisx profile check")));
  // Only the broken statement is named.
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("patient.search:")));
}

TEST(Refusals, NoDemoAndNoHisTables) {
  // seed_on_empty=false on an empty database: nothing for the profile to map.
  ProcessResult r =
      HostProcess::start_and_expect_failure(host_options({"demo.seed_on_empty=false"}));
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("patient.get"), HasSubstr("benh_nhan")));
}

TEST(Refusals, AppliedMigrationThatChanged) {
  TempDir data;
  const TestBackend backend = backend_from_env();
  std::vector<std::string> overrides = small_demo();
  overrides.insert(overrides.end(), {plugin_paths_with_fixtures(), "plugins.enabled=[his, good]",
                                     "data_dir=" + data.path().string()});
  {
    HostProcess host(host_options(backend, overrides));
    host.start();
    EXPECT_EQ(host.stop(), 0) << host.output();
  }
  {
    auto store = open_store(backend, data.path());
    *store << "UPDATE hisx_schema_migrations SET checksum = 'tampered' "
              "WHERE plugin = 'good' AND version = 1";
    int rows = 0;
    *store << "SELECT COUNT(*) FROM hisx_schema_migrations WHERE checksum = 'tampered'",
        soci::into(rows);
    ASSERT_EQ(rows, 1) << "the good plugin's migration 1 was not recorded";
  }
  ProcessResult r = HostProcess::start_and_expect_failure(host_options(backend, overrides));
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err, AllOf(HasSubstr("plugin 'good' migration 1"), HasSubstr("changed"),
                           HasSubstr("tampered"), HasSubstr("new migration")));
}

TEST(Refusals, PendingMigrationsWithoutMigrateOnStart) {
  TempDir data;
  HostOptions options =
      host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]",
                    "database.migrate_on_start=false", "data_dir=" + data.path().string()});
  ProcessResult r = HostProcess::start_and_expect_failure(options);
  EXPECT_EQ(r.exit_code, kExitSoftware) << all_output(r);
  EXPECT_THAT(r.err,
              AllOf(HasSubstr("migrations are pending"), HasSubstr("host"), HasSubstr("good"),
                    HasSubstr("database.migrate_on_start"), HasSubstr("hisx migrate")));

  HostProcess host(options);
  ProcessResult migrated = host.run_cli({"migrate"});
  ASSERT_EQ(migrated.exit_code, 0) << all_output(migrated);
  host.start();
  const std::string admin = create_key(host, "admin");
  EXPECT_EQ(host.client().get("/api/v1/good/ping", admin).status, 200);
  EXPECT_EQ(host.client().get("/api/v1/his/departments", admin).status, 200);
}

}  // namespace
}  // namespace hisx::test::integration
