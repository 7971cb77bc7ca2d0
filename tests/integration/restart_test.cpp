// What a host wrote survives a restart on the same data dir (SQLite) or database
// (PostgreSQL), and the demo HIS is created only once.
#include <gmock/gmock.h>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Every demo patient code starts with BN; max_results lets one search list them all.
constexpr const char* kAllPatients = "plugins.settings.his.max_results=1000";

TEST(Restart, KeysAndTheDemoSurviveAStop) {
  HostProcess host(host_options({kAllPatients}));
  host.start();
  EXPECT_THAT(host.output(), HasSubstr("Creating the demo HIS"));
  const std::string key = create_key(host, "manager");
  ASSERT_EQ(host.client().get("/api/v1/host/plugins", key).status, 200);
  const auto before = search_patients(host.client(), key, "bn", 1000)->size();
  EXPECT_EQ(before, 300u);
  auto patient = host.client().get("/api/v1/his/patients/42", key).json();

  EXPECT_EQ(host.stop(), 0) << host.output();
  host.start();

  EXPECT_THAT(host.output(), Not(HasSubstr("Creating the demo HIS")));
  EXPECT_EQ(host.client().get("/api/v1/host/plugins", key).status, 200);
  EXPECT_EQ(search_patients(host.client(), key, "bn", 1000)->size(), before);
  auto again = host.client().get("/api/v1/his/patients/42", key).json();
  EXPECT_EQ(again->getValue<std::string>("code"), patient->getValue<std::string>("code"));
  EXPECT_EQ(again->getValue<std::string>("full_name"), patient->getValue<std::string>("full_name"));
}

TEST(Restart, RevocationSurvivesACrash) {
  HostProcess host(host_options());
  host.start();
  const std::string kept = create_key(host, "doctor", "kept");
  const std::string dropped = create_key(host, "doctor", "dropped");
  ProcessResult listed = host.run_cli({"apikey", "list"});
  ASSERT_EQ(listed.exit_code, 0) << all_output(listed);
  // Newest first: the first line is the key called "dropped".
  const std::string id = listed.out.substr(0, listed.out.find('\t'));
  ASSERT_THAT(listed.out.substr(0, listed.out.find('\n')), HasSubstr("\tdropped\t"));
  ASSERT_EQ(host.run_cli({"apikey", "revoke", id}).exit_code, 0);

  host.kill();  // No orderly shutdown: what was committed must still be there.
  host.start();

  EXPECT_EQ(host.client().get("/api/v1/his/departments", kept).status, 200);
  expect_problem(host.client().get("/api/v1/his/departments", dropped), 401, "unauthorized");
}

}  // namespace
}  // namespace hisx::test::integration
