// Every route names its roles; the default is deny; 401 and 403 are problem documents.
#include <Poco/Logger.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "test_server.h"

namespace hisx::test {
namespace {

class AuthTest : public ServerTest {
 protected:
  void SetUp() override {
    auto count = [this](sdk::Request& req, sdk::Response& res) {
      ++handled_;
      res.body(req.principal() ? req.principal()->id + "/" + req.principal()->role : "anonymous",
               "text/plain");
    };
    route("GET", "/api/v1/test/admin-only", count, {"admin"});
    route("GET", "/api/v1/test/staff", count, {"admin", "cashier"});
    route("GET", "/api/v1/test/nobody", count, {});
    route("GET", "/healthz", count, {}, true);
    start();
  }

  static void expect_problem(const Reply& r, int status, const std::string& type) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
    EXPECT_EQ(r.json()->getValue<std::string>("type"), "urn:hisx:problem:" + type);
    EXPECT_EQ(r.json()->getValue<int>("status"), status);
    EXPECT_FALSE(r.json()->getValue<std::string>("detail").empty());
  }

  std::atomic<int> handled_{0};
};

TEST_F(AuthTest, MissingOrMalformedCredentialIs401) {
  for (const std::string& value :
       {std::string(), std::string("Basic YWRtaW46YWRtaW4="), std::string("Bearer"),
        std::string("Bearer "), std::string("admin-token"), std::string("Bearer a b")}) {
    Call call("GET", "/api/v1/test/admin-only");
    if (!value.empty()) call.with_header("Authorization", value);
    const Reply r = send(call);
    expect_problem(r, 401, "unauthorized");
    EXPECT_EQ(r.header("WWW-Authenticate"), "Bearer") << value;
  }
  EXPECT_EQ(handled_, 0);
}

TEST_F(AuthTest, UnknownTokenIs401) {
  const Reply r = send(Call("GET", "/api/v1/test/admin-only").with_token("not-a-key"));
  expect_problem(r, 401, "unauthorized");
  EXPECT_EQ(r.header("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(handled_, 0);
}

TEST_F(AuthTest, WrongRoleIs403) {
  const Reply r = send(Call("GET", "/api/v1/test/admin-only").with_token(kCashierToken));
  expect_problem(r, 403, "forbidden");
  EXPECT_THAT(r.json()->getValue<std::string>("detail"), ::testing::HasSubstr("cashier"));
  EXPECT_EQ(handled_, 0);
}

TEST_F(AuthTest, AdmittedRoleReachesTheHandlerWithItsPrincipal) {
  Reply r = send(Call("GET", "/api/v1/test/staff").with_token(kCashierToken));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "key:cashier/cashier");
  r = send(
      Call("GET", "/api/v1/test/admin-only").with_header("Authorization", "bearer admin-token"));
  EXPECT_EQ(r.status, 200) << "the scheme is case-insensitive";
  EXPECT_EQ(r.body, "key:admin/admin");
}

TEST_F(AuthTest, RouteWithNoRolesAdmitsNobody) {
  expect_problem(send(Call("GET", "/api/v1/test/nobody").with_token(kAdminToken)), 403,
                 "forbidden");
  expect_problem(send(Call("GET", "/api/v1/test/nobody")), 401, "unauthorized");
  EXPECT_EQ(handled_, 0);
}

TEST_F(AuthTest, PublicRouteNeedsNoCredential) {
  Reply r = send(Call("GET", "/healthz"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "anonymous");
  r = send(Call("GET", "/healthz").with_token("garbage"));
  EXPECT_EQ(r.status, 200) << "a public route ignores credentials";
}

// An authenticator that fails (database down) is a 500, not a crash or a 401.
class BrokenAuthenticator : public host::Authenticator {
 public:
  std::optional<sdk::Principal> authenticate(const std::string&) override {
    throw std::runtime_error("api key table unreachable");
  }
};

// A device credential reaches the routes naming one of its scopes, and nothing else, whatever
// the roles a route lists.
class DeviceAuthTest : public ServerTest {
 protected:
  void SetUp() override {
    sdk::Route board;
    board.method = "GET";
    board.pattern = "/board";
    board.roles = {"admin"};
    board.device_scopes = {"testplugin.board"};
    board.handler = [](sdk::Request& req, sdk::Response& res) {
      const auto& scopes = req.principal()->scopes;
      res.body(req.principal()->id + " " + (scopes.empty() ? "-" : scopes.front()), "text/plain");
    };
    routes_.add("testplugin", board);
    route("GET", "/staff", [](sdk::Request&, sdk::Response& res) { res.status(204); },
          {"admin", "cashier"});
    auth_.add("board-token", {"device:4", "Bảng chờ", "device", {"testplugin.board"}});
    auth_.add("kiosk-token", {"device:5", "Kiosk", "device", {"testplugin.kiosk"}});
    start();
  }
};

TEST_F(DeviceAuthTest, ADeviceReachesOnlyRoutesNamingItsScope) {
  EXPECT_EQ(send(Call("GET", "/board").with_token("board-token")).body,
            "device:4 testplugin.board");
  EXPECT_EQ(send(Call("GET", "/board").with_token(kAdminToken)).body, "key:admin -");
  const Reply kiosk = send(Call("GET", "/board").with_token("kiosk-token"));
  EXPECT_EQ(kiosk.status, 403);
  EXPECT_THAT(kiosk.json()->getValue<std::string>("detail"),
              ::testing::HasSubstr("testplugin.kiosk"));
  EXPECT_EQ(send(Call("GET", "/staff").with_token("board-token")).status, 403);
  EXPECT_EQ(send(Call("GET", "/board").with_token(kCashierToken)).status, 403);
}

TEST(AuthFailure, AuthenticatorExceptionIs500AndLogged) {
  host::RouteTable routes;
  sdk::Route r;
  r.method = "GET";
  r.pattern = "/x";
  r.roles = {"admin"};
  r.handler = [](sdk::Request&, sdk::Response&) {};
  routes.add("testplugin", r);
  BrokenAuthenticator auth;
  Poco::AutoPtr<CapturingChannel> log(new CapturingChannel);
  Poco::Logger::get("hisx.http").setChannel(log);
  host::HttpServerOptions options;
  options.port = 0;
  host::HttpServer server(options, routes, auth);
  server.start();
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
  const Reply reply = ServerTest::send(session, Call("GET", "/x").with_token("t"));
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.json()->getValue<std::string>("type"), "urn:hisx:problem:internal");
  EXPECT_THAT(log->wait_for("api key table unreachable"), ::testing::HasSubstr("/x"));
  server.stop();
  Poco::Logger::get("hisx.http").setChannel(nullptr);
}

}  // namespace
}  // namespace hisx::test
