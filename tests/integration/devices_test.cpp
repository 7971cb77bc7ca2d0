// Device credentials over real HTTP, as an administrator and a waiting-room board meet them:
// created with a scope, the token shown once; admitted to the routes that name its scope and
// refused everywhere else; revoked, refused at once, also by a second host on the same
// database; and the same through `hisx device`.
#include <gmock/gmock.h>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<std::string> good_overrides() {
  return {plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"};
}

TEST(Devices, ABoardReachesItsScopedRouteOnlyUntilRevoked) {
  HostProcess host(host_options(good_overrides()));
  host.start();
  const std::string admin = create_key(host, "admin");

  HttpResult created = host.client().post(
      "/api/v1/host/devices", R"({"name": "Bảng chờ tầng 1", "scopes": ["good.board"]})", admin);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("cache-control"), "no-store");
  const auto device = created.json();
  const std::string token = device->getValue<std::string>("token");
  const long long id = device->getValue<long long>("id");
  EXPECT_THAT(token, StartsWith("hisxdev_"));

  HttpResult board = host.client().get("/api/v1/good/board", token);
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_EQ(board.json()->getValue<std::string>("device"), "Bảng chờ tầng 1");

  // Everything else: the kiosk's route of the same plugin, routes of its role list, the host's.
  auto doc =
      expect_problem(host.client().post("/api/v1/good/tickets", "{}", token), 403, "forbidden");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("good.board"));
  for (const std::string path : {"/api/v1/good/ping", "/api/v1/his/departments", "/api/v1/auth/me",
                                 "/api/v1/host/devices"}) {
    EXPECT_EQ(host.client().get(path, token).status, 403) << path;
  }

  // The administrator sees it, never its token, with when it was last seen.
  HttpResult listed = host.client().get("/api/v1/host/devices", admin);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_THAT(listed.body, Not(HasSubstr(token)));
  auto first = listed.json_array()->getObject(0);
  EXPECT_EQ(first->getValue<long long>("id"), id);
  EXPECT_EQ(first->getArray("scopes")->getElement<std::string>(0), "good.board");
  EXPECT_TRUE(first->isNull("revoked_at"));
  EXPECT_FALSE(first->isNull("last_seen_at"));

  // Revoked: refused at once.
  HttpResult revoked = host.client().request("DELETE", "/api/v1/host/devices/" + std::to_string(id),
                                             "", {{"Authorization", "Bearer " + admin}});
  EXPECT_EQ(revoked.status, 204) << revoked.body;
  expect_problem(host.client().get("/api/v1/good/board", token), 401, "unauthorized");
  expect_problem(host.client().request("DELETE", "/api/v1/host/devices/" + std::to_string(id), "",
                                       {{"Authorization", "Bearer " + admin}}),
                 404, "not-found");
  EXPECT_FALSE(host.client()
                   .get("/api/v1/host/devices", admin)
                   .json_array()
                   ->getObject(0)
                   ->isNull("revoked_at"));
}

TEST(Devices, OnlyAdministratorsCreateThemAndOnlyWithKnownScopes) {
  HostProcess host(host_options(good_overrides()));
  host.start();
  const std::string admin = create_key(host, "admin");
  const std::string manager = create_key(host, "manager", "a manager");

  HttpResult scopes = host.client().get("/api/v1/host/device-scopes", admin);
  ASSERT_EQ(scopes.status, 200) << scopes.body;
  EXPECT_THAT(scopes.body, HasSubstr("\"good.board\""));
  EXPECT_THAT(scopes.body, HasSubstr("\"good.kiosk\""));

  expect_problem(host.client().post("/api/v1/host/devices",
                                    R"({"name": "x", "scopes": ["good.board"]})", manager),
                 403, "forbidden");
  auto doc = expect_problem(host.client().post("/api/v1/host/devices",
                                               R"({"name": "x", "scopes": ["good.bord"]})", admin),
                            422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "scopes");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("good.board"));
  doc = expect_problem(
      host.client().post("/api/v1/host/devices", R"({"name": "x", "scopes": []})", admin), 422,
      "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "scopes");
  doc = expect_problem(host.client().post("/api/v1/host/devices",
                                          R"({"name": " ", "scopes": ["good.board"]})", admin),
                       422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "name");

  // A kiosk with both scopes reaches both routes.
  const std::string both = create_device(host, admin, "Kiosk", {"good.kiosk", "good.board"});
  EXPECT_EQ(host.client().post("/api/v1/good/tickets", "{}", both).status, 201);
  EXPECT_EQ(host.client().get("/api/v1/good/board", both).status, 200);
  // A made-up device token is not a credential.
  expect_problem(
      host.client().get("/api/v1/good/board", "hisxdev_00000000_" + std::string(43, 'A')), 401,
      "unauthorized");
}

// Two hosts on one database: a device revoked on one is refused by the other at once.
TEST(Devices, ARevocationHoldsOnEveryHost) {
  TempDir shared;
  const TestBackend backend = backend_from_env();
  auto options = [&] {
    std::vector<std::string> overrides = small_demo();
    overrides.insert(overrides.end(),
                     {plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"});
    if (backend.name == "sqlite3") {
      overrides.push_back("database.his.connection=db=" + (shared.path() / "hisx.db").string());
    }
    return host_options(backend, overrides);
  };
  HostProcess a(options());
  a.start();
  HostProcess b(options());
  b.start();
  const std::string admin = create_key(a, "admin");
  const std::string token = create_device(a, admin, "Bảng chờ", {"good.board"});
  EXPECT_EQ(a.client().get("/api/v1/good/board", token).status, 200);
  EXPECT_EQ(b.client().get("/api/v1/good/board", token).status, 200);

  const auto id = a.client()
                      .get("/api/v1/host/devices", admin)
                      .json_array()
                      ->getObject(0)
                      ->getValue<long long>("id");
  ASSERT_EQ(b.client()
                .request("DELETE", "/api/v1/host/devices/" + std::to_string(id), "",
                         {{"Authorization", "Bearer " + admin}})
                .status,
            204);
  expect_problem(a.client().get("/api/v1/good/board", token), 401, "unauthorized");
  expect_problem(b.client().get("/api/v1/good/board", token), 401, "unauthorized");
}

TEST(Devices, TheCliCreatesListsAndRevokesThem) {
  HostProcess host(host_options(good_overrides()));
  host.start();
  ProcessResult created =
      host.run_cli({"device", "create", "--name", "Kiosk sảnh", "--scopes", "good.kiosk"});
  ASSERT_EQ(created.exit_code, 0) << all_output(created);
  const std::string token = last_line(created.out);
  EXPECT_THAT(token, StartsWith("hisxdev_"));
  EXPECT_THAT(created.err, HasSubstr("shown once"));
  EXPECT_EQ(host.client().post("/api/v1/good/tickets", "{}", token).status, 201);

  ProcessResult listed = host.run_cli({"device", "list"});
  ASSERT_EQ(listed.exit_code, 0) << all_output(listed);
  EXPECT_THAT(listed.out, HasSubstr("Kiosk sảnh\tgood.kiosk"));
  EXPECT_THAT(listed.out, HasSubstr("active"));
  EXPECT_THAT(listed.out, Not(HasSubstr(token)));

  ProcessResult unknown =
      host.run_cli({"device", "create", "--name", "x", "--scopes", "good.nothing"});
  EXPECT_EQ(unknown.exit_code, 64) << all_output(unknown);
  EXPECT_THAT(unknown.err, HasSubstr("good.kiosk"));

  const std::string id = listed.out.substr(0, listed.out.find('\t'));
  ProcessResult revoked = host.run_cli({"device", "revoke", id});
  ASSERT_EQ(revoked.exit_code, 0) << all_output(revoked);
  expect_problem(host.client().post("/api/v1/good/tickets", "{}", token), 401, "unauthorized");
  EXPECT_EQ(host.run_cli({"device", "revoke", id}).exit_code, 1);
}

}  // namespace
}  // namespace hisx::test::integration
