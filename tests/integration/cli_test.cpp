// The admin CLI `hisx` on the same configuration and database as the server.
#include <gmock/gmock.h>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

// Every demo patient code starts with BN, so searching "bn" lists them all; the his plugin's
// max_results is raised so that one page holds them.
constexpr const char* kAllPatients = "plugins.settings.his.max_results=1000";

TEST(Cli, ProfileCheckPassesOnTheDemoAndNamesABrokenStatement) {
  HostProcess host(host_options());
  host.start();  // Creates the demo HIS the profile maps.

  ProcessResult ok = host.run_cli({"profile", "check"});
  EXPECT_EQ(ok.exit_code, 0) << all_output(ok);
  EXPECT_THAT(ok.out, AllOf(HasSubstr("demo.yaml"), HasSubstr("every statement")));

  TempDir dir;
  const auto broken = dir.path() / "broken.yaml";
  std::string text =
      read_text(std::filesystem::path(env("HISX_SOURCE_DIR")) / "config/his-profiles/demo.yaml");
  // A typo in a table name of department.list.
  const std::string table = "FROM dm_khoa\n";
  const auto pos = text.find(table);
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, table.size(), "FROM dm_khoaa\n");
  write_file(broken, text);

  ProcessResult bad = host.run_cli({"-D", "his_profile=" + broken.string(), "profile", "check"});
  EXPECT_NE(bad.exit_code, 0) << all_output(bad);
  EXPECT_THAT(bad.err, AllOf(HasSubstr(broken.string()), HasSubstr("department.list:"),
                             HasSubstr("dm_khoaa")));
  EXPECT_THAT(bad.err, Not(HasSubstr("patient.get:")));
}

TEST(Cli, MigrateIsIdempotent) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  ProcessResult first = host.run_cli({"migrate"});
  ASSERT_EQ(first.exit_code, 0) << all_output(first);
  EXPECT_THAT(first.out, HasSubstr("migrations up to date"));
  EXPECT_THAT(first.err, AllOf(HasSubstr("applied plugin 'host' migration 1"),
                               HasSubstr("applied plugin 'good' migration 1")));

  ProcessResult second = host.run_cli({"migrate"});
  ASSERT_EQ(second.exit_code, 0) << all_output(second);
  EXPECT_THAT(second.out, HasSubstr("migrations up to date"));
  EXPECT_THAT(second.err, Not(HasSubstr("applied")));

  // The migrated database serves. hisx's own tables are no HIS: the first start still
  // creates the demo HIS next to them.
  host.start();
  EXPECT_THAT(host.output(), HasSubstr("Creating the demo HIS"));
  const std::string admin = create_key(host, "admin");
  EXPECT_EQ(host.client().get("/api/v1/good/ping", admin).status, 200);
  EXPECT_EQ(host.client().get("/api/v1/his/patients/1", admin).status, 200);
}

TEST(Cli, DemoSeedFillsAFreshDatabaseTheServerThenServes) {
  HostProcess host(host_options({"demo.seed_on_empty=false", kAllPatients}));
  ProcessResult seeded = host.run_cli({"demo", "seed", "--patients", "200", "--days", "2"});
  ASSERT_EQ(seeded.exit_code, 0) << all_output(seeded);
  EXPECT_THAT(seeded.out,
              AllOf(HasSubstr("demo HIS seeded: 200 patients"), HasSubstr("departments"),
                    HasSubstr("visits"), HasSubstr("invoices")));

  host.start();
  EXPECT_THAT(host.output(), Not(HasSubstr("Creating the demo HIS")));
  const std::string key = create_key(host, "doctor");
  EXPECT_EQ(search_patients(host.client(), key, "bn", 1000)->size(), 200u);
  HttpResult last = host.client().get("/api/v1/his/patients/200", key);
  EXPECT_EQ(last.status, 200) << last.body;
  expect_problem(host.client().get("/api/v1/his/patients/201", key), 404, "not-found");

  ProcessResult again = host.run_cli({"demo", "seed", "--patients", "200", "--days", "2"});
  EXPECT_NE(again.exit_code, 0) << all_output(again);
  EXPECT_THAT(again.err, AllOf(HasSubstr("already exists"), HasSubstr("fresh database")));
  EXPECT_EQ(search_patients(host.client(), key, "bn", 1000)->size(), 200u);
}

TEST(Cli, UsageErrorsExit64WithTheUsage) {
  HostProcess host(host_options());
  for (const std::vector<std::string>& args : {std::vector<std::string>{"frobnicate"},
                                               {"apikey", "create", "--name", "x"},
                                               {"demo", "seed", "--patients", "many"},
                                               {"apikey", "revoke", "abc"}}) {
    ProcessResult r = host.run_cli(args);
    EXPECT_EQ(r.exit_code, 64) << all_output(r);
    EXPECT_THAT(r.err, HasSubstr("usage: hisx")) << args.front();
  }
}

}  // namespace
}  // namespace hisx::test::integration
