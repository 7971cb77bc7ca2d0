// Who may call what: API keys created and revoked through the real CLI, checked by the real
// server on every request.
#include <gmock/gmock.h>

#include <sstream>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

// The id `hisx apikey list` shows for the key called `name`.
std::string key_id(const HostProcess& host, const std::string& name) {
  ProcessResult r = host.run_cli({"apikey", "list"});
  EXPECT_EQ(r.exit_code, 0) << all_output(r);
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string id, key_name;
    std::getline(fields, id, '\t');
    std::getline(fields, key_name, '\t');
    if (key_name == name) return id;
  }
  ADD_FAILURE() << "no key named " << name << " in `hisx apikey list`:\n" << r.out;
  return {};
}

TEST(Access, NoCredentialIsUnauthorized) {
  HostProcess host(host_options());
  host.start();
  for (const std::string path : {"/api/v1/host/plugins", "/api/v1/his/departments"}) {
    HttpResult r = host.client().get(path);
    auto doc = expect_problem(r, 401, "unauthorized");
    EXPECT_EQ(r.header("www-authenticate"), "Bearer") << path;
    EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("Authorization: Bearer")) << path;
  }
  // A scheme other than Bearer is no credential either.
  HttpResult basic = host.client().request("GET", "/api/v1/host/plugins", "",
                                           {{"Authorization", "Basic YWRtaW46YWRtaW4="}});
  expect_problem(basic, 401, "unauthorized");
}

TEST(Access, UnknownOrMalformedKeysAreUnauthorized) {
  HostProcess host(host_options());
  host.start();
  const std::string real = create_key(host, "admin");
  ASSERT_EQ(host.client().get("/api/v1/host/plugins", real).status, 200);

  // Same shape as a real key, right prefix, wrong secret.
  std::string forged = real;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  const std::vector<std::string> wrong = {
      "not-a-key", "hisx_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", forged};
  for (const auto& key : wrong) {
    HttpResult r = host.client().get("/api/v1/host/plugins", key);
    auto doc = expect_problem(r, 401, "unauthorized");
    EXPECT_EQ(r.header("www-authenticate"), "Bearer");
    EXPECT_EQ(doc->getValue<std::string>("detail"), "The credential is not valid.") << key;
  }
}

TEST(Access, RoleWithoutAccessIsForbidden) {
  HostProcess host(host_options());
  host.start();
  const std::string cashier = create_key(host, "cashier", "cashier-desk");
  const std::string app = create_key(host, "app", "patient-app");

  // A cashier browses the HIS but does not administer the host.
  EXPECT_EQ(host.client().get("/api/v1/his/departments", cashier).status, 200);
  auto doc = expect_problem(host.client().get("/api/v1/host/plugins", cashier), 403, "forbidden");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("cashier"));

  // The patient app's backend never browses HIS patients.
  HttpResult r = host.client().get("/api/v1/his/patients?q=nguyen", app);
  doc = expect_problem(r, 403, "forbidden");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("'app'"));
  expect_problem(host.client().get("/api/v1/his/patients/1", app), 403, "forbidden");
}

TEST(Access, RevokedKeyStopsWorkingAtOnce) {
  HostProcess host(host_options());
  host.start();
  const std::string key = create_key(host, "receptionist", "front-desk");
  const std::string other = create_key(host, "receptionist", "second-desk");
  ASSERT_EQ(host.client().get("/api/v1/his/departments", key).status, 200);

  const std::string id = key_id(host, "front-desk");
  ASSERT_FALSE(id.empty());
  ProcessResult revoked = host.run_cli({"apikey", "revoke", id});
  ASSERT_EQ(revoked.exit_code, 0) << all_output(revoked);
  EXPECT_THAT(revoked.out, HasSubstr("revoked " + id));

  expect_problem(host.client().get("/api/v1/his/departments", key), 401, "unauthorized");
  // Only that key: the other one still works.
  EXPECT_EQ(host.client().get("/api/v1/his/departments", other).status, 200);

  ProcessResult listed = host.run_cli({"apikey", "list"});
  EXPECT_THAT(listed.out, HasSubstr("front-desk\treceptionist"));
  EXPECT_THAT(listed.out, HasSubstr("revoked "));
  // The list never shows a secret.
  EXPECT_THAT(listed.out, ::testing::Not(HasSubstr(key.substr(14))));

  ProcessResult again = host.run_cli({"apikey", "revoke", id});
  EXPECT_NE(again.exit_code, 0) << all_output(again);
  EXPECT_THAT(again.err, HasSubstr("no active API key with id " + id));
}

TEST(Access, CreatingAKeyWithAnUnknownRoleIsAUsageError) {
  HostProcess host(host_options());
  ProcessResult r = host.run_cli({"apikey", "create", "--name", "x", "--role", "janitor"});
  EXPECT_EQ(r.exit_code, 64) << all_output(r);
  EXPECT_THAT(r.err, HasSubstr("unknown role 'janitor'"));
  EXPECT_THAT(r.err,
              HasSubstr("admin, receptionist, cashier, call_center, doctor, manager, app, his"));
  EXPECT_TRUE(r.out.empty()) << r.out;
}

}  // namespace
}  // namespace hisx::test::integration
