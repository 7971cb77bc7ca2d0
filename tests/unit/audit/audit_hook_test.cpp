// The HTTP layer's audit hook, on a real server over real sockets: which requests produce a
// record and what it holds (and never holds).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>

#include "hisx/problem.h"
#include "http/audit_record.h"
#include "http/host_request.h"
#include "test_server.h"

namespace hisx::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AuditHookTest : public ServerTest {
 protected:
  AuditHookTest() {
    route("POST", "/api/v1/notes/{id}", [](sdk::Request&, sdk::Response& res) {
      res.status(201);
      res.json(Poco::JSON::Object::Ptr(new Poco::JSON::Object));
    });
    route("GET", "/api/v1/notes/{id}", [](sdk::Request&, sdk::Response& res) { res.json(1); });
    route("DELETE", "/api/v1/notes/{id}",
          [](sdk::Request&, sdk::Response&) { throw sdk::Problem::not_found("no such note"); });
    // A public route that establishes who the caller is, as a login route does.
    route(
        "POST", "/api/v1/login",
        [](sdk::Request& req, sdk::Response& res) {
          if (req.json()->getValue<std::string>("password") != "right") {
            throw sdk::Problem(401, "unauthorized", "Wrong user name or password.");
          }
          dynamic_cast<host::HostRequest&>(req).set_principal({"user:3", "Lan", "cashier"});
          res.json(Poco::JSON::Object::Ptr(new Poco::JSON::Object));
        },
        {}, true);
  }

  void start_with_hook(host::AuditHook hook = {}) {
    if (!hook) {
      hook = [this](const host::AuditRecord& r) {
        std::lock_guard lock(mutex_);
        records_.push_back(r);
      };
    }
    server_ =
        std::make_unique<host::HttpServer>(host::HttpServerOptions{"127.0.0.1", 0}, routes_, auth_);
    server_->set_audit_hook(std::move(hook));
    server_->start();
  }

  std::vector<host::AuditRecord> records() {
    std::lock_guard lock(mutex_);
    return records_;
  }

  std::mutex mutex_;
  std::vector<host::AuditRecord> records_;
};

TEST_F(AuditHookTest, AWriteIsRecordedBeforeTheClientSeesTheAnswer) {
  start_with_hook();
  Reply r = send(Call("POST", "/api/v1/notes/7?token=s3cret&x=1")
                     .with_token(kAdminToken)
                     .with_header("X-Request-Id", "audit-1")
                     .with_body("{\"card\": \"4111111111111111\"}"));
  ASSERT_EQ(r.status, 201) << r.body;
  // No waiting: the record is written before the answer is sent.
  const auto recs = records();
  ASSERT_EQ(recs.size(), 1u);
  const host::AuditRecord& a = recs[0];
  EXPECT_EQ(a.actor_id, "key:admin");
  EXPECT_EQ(a.actor_name, "Admin key");
  EXPECT_EQ(a.role, "admin");
  EXPECT_EQ(a.client_address, "127.0.0.1");
  EXPECT_EQ(a.method, "POST");
  EXPECT_EQ(a.route, "/api/v1/notes/{id}");
  EXPECT_EQ(a.target, "/api/v1/notes/7");  // Never the query string.
  EXPECT_EQ(a.status, 201);
  EXPECT_EQ(a.request_id, "audit-1");
}

TEST_F(AuditHookTest, ReadsAreNotRecorded) {
  start_with_hook();
  ASSERT_EQ(send(Call("GET", "/api/v1/notes/7").with_token(kAdminToken)).status, 200);
  EXPECT_TRUE(records().empty());
}

TEST_F(AuditHookTest, RefusedWritesAreRecordedWithWhateverIsKnownOfTheCaller) {
  start_with_hook();
  EXPECT_EQ(send(Call("POST", "/api/v1/notes/7")).status, 401);
  EXPECT_EQ(send(Call("POST", "/api/v1/notes/7").with_token("wrong-token")).status, 401);
  EXPECT_EQ(send(Call("POST", "/api/v1/notes/7").with_token(kCashierToken)).status, 403);
  EXPECT_EQ(send(Call("DELETE", "/api/v1/notes/8").with_token(kAdminToken)).status, 404);
  EXPECT_EQ(send(Call("PUT", "/api/v1/notes/8").with_token(kAdminToken)).status, 405);
  EXPECT_EQ(send(Call("PATCH", "/nowhere").with_token(kAdminToken)).status, 404);

  const auto recs = records();
  ASSERT_EQ(recs.size(), 6u);
  EXPECT_EQ(recs[0].actor_id, "-");
  EXPECT_EQ(recs[0].status, 401);
  EXPECT_EQ(recs[0].route, "/api/v1/notes/{id}");
  EXPECT_EQ(recs[1].actor_id, "-");  // An unknown key names nobody.
  EXPECT_EQ(recs[2].actor_id, "key:cashier");
  EXPECT_EQ(recs[2].role, "cashier");
  EXPECT_EQ(recs[2].status, 403);
  EXPECT_EQ(recs[3].method, "DELETE");
  EXPECT_EQ(recs[3].status, 404);
  EXPECT_EQ(recs[3].target, "/api/v1/notes/8");
  EXPECT_EQ(recs[4].method, "PUT");
  EXPECT_EQ(recs[4].route, "unmatched");
  EXPECT_EQ(recs[4].status, 405);
  EXPECT_EQ(recs[5].route, "unmatched");
  EXPECT_EQ(recs[5].target, "/nowhere");
  for (const auto& rec : recs) {
    for (const std::string* field : {&rec.actor_id, &rec.actor_name, &rec.target, &rec.route}) {
      EXPECT_THAT(*field, Not(HasSubstr("token")));
    }
  }
}

TEST_F(AuditHookTest, ALoginNamesTheUserOnSuccessAndNobodyOnFailure) {
  start_with_hook();
  EXPECT_EQ(send(Call("POST", "/api/v1/login").with_body(R"({"password": "wrong"})")).status, 401);
  EXPECT_EQ(send(Call("POST", "/api/v1/login").with_body(R"({"password": "right"})")).status, 200);
  const auto recs = records();
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].actor_id, "-");
  EXPECT_EQ(recs[0].status, 401);
  EXPECT_EQ(recs[1].actor_id, "user:3");
  EXPECT_EQ(recs[1].actor_name, "Lan");
  EXPECT_EQ(recs[1].role, "cashier");
  EXPECT_EQ(recs[1].status, 200);
}

TEST_F(AuditHookTest, TheClientBehindATrustedProxyIsRecorded) {
  start_with_hook();
  send(Call("POST", "/api/v1/notes/1")
           .with_token(kAdminToken)
           .with_header("X-Forwarded-For", "198.51.100.1, 203.0.113.9 "));
  const auto recs = records();
  ASSERT_EQ(recs.size(), 1u);
  // The test server's peer is 127.0.0.1, a trusted proxy by default: the last forwarded
  // address that is not itself a trusted proxy is the client.
  EXPECT_EQ(recs[0].client_address, "203.0.113.9");
}

TEST_F(AuditHookTest, AFailingHookIsLoggedAndTheAnswerStillGoesOut) {
  start_with_hook([](const host::AuditRecord&) { throw std::runtime_error("audit table gone"); });
  Reply r = send(Call("POST", "/api/v1/notes/7").with_token(kAdminToken));
  EXPECT_EQ(r.status, 201);
  const std::string line = error_log_->wait_for("Could not record the audit row");
  EXPECT_THAT(line, HasSubstr("POST /api/v1/notes/{id}"));
  EXPECT_THAT(line, HasSubstr("audit table gone"));
}

TEST_F(AuditHookTest, TheAccessLogNeverShowsTheQueryString) {
  start_with_hook();
  send(Call("POST", "/api/v1/notes/7?api_key=s3cret").with_token(kAdminToken));
  const std::string line = access_log_->wait_for("POST /api/v1/notes/7");
  EXPECT_THAT(line, Not(HasSubstr("s3cret")));
  EXPECT_THAT(line, HasSubstr("key:admin"));
}

}  // namespace
}  // namespace hisx::test
