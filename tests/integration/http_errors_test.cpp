// The host's HTTP layer over a real socket: unknown paths, wrong methods, oversized bodies,
// a plugin handler that throws, request ids.
#include <gmock/gmock.h>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HttpErrors, UnknownPathIsANotFoundProblem) {
  HostProcess host(host_options());
  host.start();
  // "/" is the staff web shell; paths that match neither a route nor a file are problems.
  for (const std::string path :
       {"/api/v1/nowhere", "/api/v1/his/patients/1/visits", "/no-such-page.html"}) {
    auto doc = expect_problem(host.client().get(path), 404, "not-found");
    EXPECT_EQ(doc->getValue<std::string>("title"), "Not Found") << path;
  }
}

TEST(HttpErrors, WrongMethodIsRefusedWithAllow) {
  HostProcess host(host_options());
  host.start();
  HttpResult r = host.client().post("/healthz", "{}");
  auto doc = expect_problem(r, 405, "method-not-allowed");
  EXPECT_EQ(r.header("allow"), "GET");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("POST"));

  // Even before authentication: the method is wrong whoever asks.
  r = host.client().request("DELETE", "/api/v1/his/departments", "");
  expect_problem(r, 405, "method-not-allowed");
  EXPECT_EQ(r.header("allow"), "GET");
}

TEST(HttpErrors, BodyOverTheLimitIsRefused) {
  HostProcess host(host_options({"http.max_body_bytes=2048"}));
  host.start();
  const std::string big(10 * 1024, 'x');
  HttpResult r = host.client().request("GET", "/healthz", big, {{"Content-Type", "text/plain"}});
  auto doc = expect_problem(r, 413, "payload-too-large");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("2048"));

  // A body within the limit is fine, and the server still answers afterwards.
  r = host.client().request("GET", "/healthz", std::string(1000, 'x'),
                            {{"Content-Type", "text/plain"}});
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST(HttpErrors, PluginHandlerThatThrowsGivesA500AndTheServerGoesOn) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  host.start();
  const std::string admin = create_key(host, "admin");

  HttpResult r = host.client().get("/api/v1/good/boom", admin);
  auto doc = expect_problem(r, 500, "internal");
  const std::string detail = doc->getValue<std::string>("detail");
  EXPECT_THAT(detail, Not(HasSubstr("boom")));
  EXPECT_THAT(r.body, Not(HasSubstr("boom from the good plugin")));
  // The detail points at the log line by request id.
  const std::string request_id = r.header("x-request-id");
  ASSERT_FALSE(request_id.empty());
  EXPECT_THAT(detail, HasSubstr(request_id));
  EXPECT_EQ(doc->getValue<std::string>("request_id"), request_id);

  // The log names the plugin and what it threw.
  const std::string log = host.wait_for_output(request_id);
  EXPECT_THAT(log, HasSubstr("'good'"));
  EXPECT_THAT(log, HasSubstr("boom from the good plugin"));
  EXPECT_THAT(log, HasSubstr(request_id));

  // The server goes on serving, the same plugin included.
  HttpResult ping = host.client().get("/api/v1/good/ping", admin);
  EXPECT_EQ(ping.status, 200) << ping.body;
  EXPECT_EQ(ping.json()->getValue<std::string>("greeting"), "hello");
  EXPECT_EQ(host.client().get("/api/v1/his/departments", admin).status, 200);
  EXPECT_TRUE(host.running());
}

TEST(HttpErrors, ASecondLeaseFromAnExhaustedPoolIsA503ProblemNeverAHang) {
  // One connection for the HIS and the store, and a short wait for it.
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]",
                                 "database.his.pool_size=1", "database.his.lease_timeout_ms=300"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  const HttpClient client("127.0.0.1", host.port(), std::chrono::seconds(20));

  HttpResult r = client.post("/api/v1/good/second-lease", "", admin);
  auto doc = expect_problem(r, 503, "busy");
  const std::string detail = doc->getValue<std::string>("detail");
  EXPECT_THAT(detail, HasSubstr("database.his"));
  EXPECT_THAT(detail, HasSubstr("The database is busy"));
  EXPECT_THAT(detail, HasSubstr("Cơ sở dữ liệu đang bận, vui lòng thử lại"));
  EXPECT_EQ(r.header("retry-after"), "1");
  // The operator reads which pool ran dry and what to look at.
  EXPECT_THAT(host.wait_for_output("no free connection within 300 ms"),
              HasSubstr("database.his.pool_size"));

  // The transaction gave its connection back: the host serves on, with the same pool.
  EXPECT_EQ(client.get("/api/v1/good/ping", admin).status, 200);
  EXPECT_EQ(client.post("/api/v1/good/greetings", "{\"text\": \"chào\"}", admin).status, 201);
  EXPECT_EQ(client.get("/api/v1/his/departments", admin).status, 200);
}

TEST(HttpErrors, RequestIdIsEchoedOrMadeUp) {
  HostProcess host(host_options());
  host.start();
  HttpResult r = host.client().request("GET", "/healthz", "", {{"X-Request-Id", "desk-7.req_42"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("x-request-id"), "desk-7.req_42");

  // Also on a problem, in the header and in the document.
  r = host.client().request("GET", "/api/v1/nowhere", "", {{"X-Request-Id", "trace-abc"}});
  auto doc = expect_problem(r, 404, "not-found");
  EXPECT_EQ(r.header("x-request-id"), "trace-abc");
  EXPECT_EQ(doc->getValue<std::string>("request_id"), "trace-abc");

  // An id that could inject into logs is replaced by a fresh one.
  r = host.client().request("GET", "/healthz", "", {{"X-Request-Id", "bad id with spaces"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.header("x-request-id").empty());
  EXPECT_NE(r.header("x-request-id"), "bad id with spaces");
  EXPECT_NE(host.client().get("/healthz").header("x-request-id"),
            host.client().get("/healthz").header("x-request-id"));
}

}  // namespace
}  // namespace hisx::test::integration
