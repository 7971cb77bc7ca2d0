// The server over real sockets: what reaches a handler, body limits, request ids, logs,
// concurrency and shutdown.
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/String.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "http/request_id.h"
#include "test_server.h"

namespace hisx::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// Answers with what the handler saw.
void echo(sdk::Request& req, sdk::Response& res) {
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
  out->set("method", req.method());
  out->set("path", req.path());
  out->set("id", req.param("id"));
  out->set("q", req.query("q").value_or("<none>"));
  out->set("page", req.query("page").value_or("<none>"));
  out->set("x_custom", req.header("x-custom").value_or("<none>"));
  out->set("principal", req.principal() ? req.principal()->id : "<none>");
  out->set("request_id", req.request_id());
  out->set("client", req.client_address());
  res.json(out);
}

TEST_F(ServerTest, ParamsQueryAndHeadersReachTheHandler) {
  route("GET", "/api/v1/test/items/{id}", echo);
  start();
  const Reply r = send(Call("GET", "/api/v1/test/items/BN%2F0012?q=Nguy%E1%BB%85n%20Lan&page=2")
                           .with_header("X-Custom", "yes")
                           .with_token(kAdminToken));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
  const auto body = r.json();
  EXPECT_EQ(body->getValue<std::string>("method"), "GET");
  EXPECT_EQ(body->getValue<std::string>("path"), "/api/v1/test/items/BN/0012");
  EXPECT_EQ(body->getValue<std::string>("id"), "BN/0012");
  EXPECT_EQ(body->getValue<std::string>("q"), "Nguyễn Lan");
  EXPECT_EQ(body->getValue<std::string>("page"), "2");
  EXPECT_EQ(body->getValue<std::string>("x_custom"), "yes");
  EXPECT_EQ(body->getValue<std::string>("principal"), "key:admin");
  EXPECT_EQ(body->getValue<std::string>("request_id"), r.header("X-Request-Id"));
  EXPECT_EQ(body->getValue<std::string>("client"), "127.0.0.1");
}

TEST_F(ServerTest, TheClientBehindATrustedProxyIsTheForwardedAddress) {
  // The test client connects from 127.0.0.1, which http.trusted_proxies trusts by default.
  route("GET", "/api/v1/test/items/{id}", echo);
  start();
  auto client = [&](const std::string& forwarded) {
    return send(Call("GET", "/api/v1/test/items/1")
                    .with_header("X-Forwarded-For", forwarded)
                    .with_token(kAdminToken))
        .json()
        ->getValue<std::string>("client");
  };
  EXPECT_EQ(client("203.0.113.9"), "203.0.113.9");
  // A client's own X-Forwarded-For entries come first; the proxy appends the real peer.
  EXPECT_EQ(client("198.51.100.1, 203.0.113.9"), "203.0.113.9");
}

TEST_F(ServerTest, WithoutTrustedProxiesXForwardedForIsIgnored) {
  route("GET", "/api/v1/test/items/{id}", echo);
  host::HttpServerOptions options;
  options.trusted_proxies = {};
  start(options);
  const Reply r = send(Call("GET", "/api/v1/test/items/1")
                           .with_header("X-Forwarded-For", "203.0.113.9")
                           .with_token(kAdminToken));
  EXPECT_EQ(r.json()->getValue<std::string>("client"), "127.0.0.1");
}

TEST_F(ServerTest, JsonBodyIsParsedAndAnswered) {
  route("POST", "/api/v1/test/patients", [](sdk::Request& req, sdk::Response& res) {
    const auto in = req.json();
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("greeting", "Xin chào " + in->getValue<std::string>("name"));
    out->set("age_next_year", in->getValue<int>("age") + 1);
    res.status(201);
    res.header("Location", "/api/v1/test/patients/7");
    res.json(out);
  });
  start();
  const Reply r = send(Call("POST", "/api/v1/test/patients")
                           .with_body(R"({"name": "Trần Văn Bình", "age": 41})")
                           .with_token(kAdminToken));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.header("Location"), "/api/v1/test/patients/7");
  EXPECT_EQ(r.json()->getValue<std::string>("greeting"), "Xin chào Trần Văn Bình");
  EXPECT_EQ(r.json()->getValue<int>("age_next_year"), 42);
}

class BodyLimitTest : public ServerTest {
 protected:
  void SetUp() override {
    route("POST", "/upload", [this](sdk::Request& req, sdk::Response& res) {
      ++handled_;
      res.body(std::to_string(req.body().size()), "text/plain");
    });
    host::HttpServerOptions options;
    options.max_body_bytes = 1024;
    start(options);
  }
  std::atomic<int> handled_{0};
};

TEST_F(BodyLimitTest, BodyAtTheLimitIsAccepted) {
  for (bool chunked : {false, true}) {
    const Reply r = send(Call("POST", "/upload")
                             .with_body(std::string(1024, 'x'))
                             .with_token(kAdminToken)
                             .with_chunked(chunked));
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.body, "1024");
  }
}

TEST_F(BodyLimitTest, TooLargeContentLengthIs413WithoutReadingTheBody) {
  // Announce 10 MB and send none of it: the answer comes from the header alone.
  const auto started = std::chrono::steady_clock::now();
  const Reply r = send(
      Call("POST", "/upload").with_header("Content-Length", "10000000").with_token(kAdminToken));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(r.json()->getValue<std::string>("type"), "urn:hisx:problem:payload-too-large");
  EXPECT_EQ(r.json()->getValue<int>("status"), 413);
  EXPECT_EQ(Poco::toLower(r.header("Connection")), "close")
      << "the unread body makes the connection unusable";

  // And with the body actually sent.
  const Reply sent =
      send(Call("POST", "/upload").with_body(std::string(1025, 'x')).with_token(kAdminToken));
  EXPECT_EQ(sent.status, 413);
  EXPECT_EQ(handled_, 0);
}

// An upload route sets its own limit; the others keep the server's.
TEST_F(ServerTest, ARouteWithItsOwnBodyLimit) {
  std::atomic<int> handled{0};
  sdk::Route upload;
  upload.method = "POST";
  upload.pattern = "/big";
  upload.roles = {"admin"};
  upload.max_body_bytes = 4096;
  upload.handler = [&handled](sdk::Request& req, sdk::Response& res) {
    ++handled;
    res.body(std::to_string(req.body().size()), "text/plain");
  };
  routes_.add("testplugin", upload);
  route("POST", "/small", [&handled](sdk::Request&, sdk::Response& res) {
    ++handled;
    res.status(204);
  });
  host::HttpServerOptions options;
  options.max_body_bytes = 1024;
  start(options);

  EXPECT_EQ(
      send(Call("POST", "/big").with_body(std::string(4096, 'x')).with_token(kAdminToken)).body,
      "4096");
  for (bool chunked : {false, true}) {
    const Reply over = send(Call("POST", "/big")
                                .with_body(std::string(4097, 'x'))
                                .with_token(kAdminToken)
                                .with_chunked(chunked));
    EXPECT_EQ(over.status, 413);
    EXPECT_THAT(over.json()->getValue<std::string>("detail"), ::testing::HasSubstr("4096"));
  }
  EXPECT_EQ(
      send(Call("POST", "/small").with_body(std::string(2000, 'x')).with_token(kAdminToken)).status,
      413);
  EXPECT_EQ(handled, 1);

  // A body a few MB over the limit is read and dropped: the connection stays usable.
  auto keep = session();
  keep->setKeepAlive(true);
  const Reply refused = ServerTest::send(
      *keep, Call("POST", "/small").with_body(std::string(3 << 20, 'x')).with_token(kAdminToken));
  EXPECT_EQ(refused.status, 413);
  EXPECT_NE(Poco::toLower(refused.header("Connection")), "close");
  EXPECT_EQ(
      ServerTest::send(*keep, Call("POST", "/big").with_body("ok").with_token(kAdminToken)).body,
      "2");
}

TEST_F(BodyLimitTest, OversizedChunkedBodyIs413) {
  const Reply r = send(Call("POST", "/upload")
                           .with_body(std::string(5000, 'x'))
                           .with_token(kAdminToken)
                           .with_chunked(true));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.json()->getValue<std::string>("type"), "urn:hisx:problem:payload-too-large");
  EXPECT_EQ(handled_, 0);
  // The server still serves.
  EXPECT_EQ(send(Call("POST", "/upload").with_body("ok").with_token(kAdminToken)).body, "2");
}

TEST_F(ServerTest, RequestIdIsEchoedWhenValidAndGeneratedOtherwise) {
  route(
      "GET", "/id",
      [](sdk::Request& req, sdk::Response& res) { res.body(req.request_id(), "text/plain"); }, {},
      true);
  start();

  Reply r = send(Call("GET", "/id").with_header("X-Request-Id", "nginx-abc_1.2"));
  EXPECT_EQ(r.header("X-Request-Id"), "nginx-abc_1.2");
  EXPECT_EQ(r.body, "nginx-abc_1.2");

  for (const std::string& bad :
       {std::string(65, 'a'), std::string("has space"), std::string("semi;colon")}) {
    r = send(Call("GET", "/id").with_header("X-Request-Id", bad));
    EXPECT_NE(r.header("X-Request-Id"), bad);
    EXPECT_TRUE(host::is_valid_request_id(r.header("X-Request-Id")));
    EXPECT_EQ(r.body, r.header("X-Request-Id"));
  }

  const Reply a = send(Call("GET", "/id"));
  const Reply b = send(Call("GET", "/id"));
  EXPECT_TRUE(host::is_valid_request_id(a.header("X-Request-Id")));
  EXPECT_NE(a.header("X-Request-Id"), b.header("X-Request-Id"));
  // Problem answers carry it too.
  const Reply missing = send(Call("GET", "/nope").with_header("X-Request-Id", "trace-9"));
  EXPECT_EQ(missing.header("X-Request-Id"), "trace-9");
  EXPECT_EQ(missing.json()->getValue<std::string>("request_id"), "trace-9");
}

TEST_F(ServerTest, HandlerThatSetsNoBodyStillAnswers) {
  route("DELETE", "/things/{id}", [](sdk::Request&, sdk::Response& res) { res.status(204); });
  route("POST", "/things/{id}/touch", [](sdk::Request&, sdk::Response&) {});
  start();
  auto s = session();
  Reply r = send(*s, Call("DELETE", "/things/1").with_token(kAdminToken));
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.header("X-Request-Id").empty(), false);
  // Same connection: framing after a 204 is right.
  r = send(*s, Call("POST", "/things/1/touch").with_token(kAdminToken));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Length"), "0");
  EXPECT_TRUE(r.body.empty());
}

TEST_F(ServerTest, AccessLogHasOneLinePerRequest) {
  route("GET", "/api/v1/test/ping",
        [](sdk::Request&, sdk::Response& res) { res.body("pong", "text/plain"); });
  start();
  send(Call("GET", "/api/v1/test/ping?secret=1")
           .with_header("X-Request-Id", "log-1")
           .with_token(kCashierToken));
  send(Call("GET", "/api/v1/test/ping")
           .with_header("X-Request-Id", "log-2")
           .with_token(kAdminToken));

  const std::string forbidden = access_log_->wait_for("log-1");
  EXPECT_THAT(forbidden, StartsWith("GET /api/v1/test/ping 403 "));
  EXPECT_THAT(forbidden, HasSubstr("ms log-1 key:cashier"));
  EXPECT_THAT(forbidden, ::testing::Not(HasSubstr("secret"))) << "query strings stay out of logs";
  const std::string ok = access_log_->wait_for("log-2");
  EXPECT_THAT(ok, StartsWith("GET /api/v1/test/ping 200 4 "));
  EXPECT_THAT(ok, HasSubstr("log-2 key:admin"));
  send(Call("GET", "/nowhere").with_header("X-Request-Id", "log-3"));
  EXPECT_THAT(access_log_->wait_for("log-3"), HasSubstr(" 404 "));
  EXPECT_THAT(access_log_->wait_for("log-3"), ::testing::EndsWith("log-3 -"));
}

TEST_F(ServerTest, AccessLogCanBeTurnedOff) {
  route(
      "GET", "/p", [](sdk::Request&, sdk::Response&) {}, {}, true);
  host::HttpServerOptions options;
  options.access_log = false;
  start(options);
  EXPECT_EQ(send(Call("GET", "/p")).status, 200);
  EXPECT_EQ(access_log_->wait_for("/p", std::chrono::milliseconds(300)), "");
}

TEST_F(ServerTest, ObserverSeesEveryRequestWithItsPattern) {
  struct Seen {
    std::string method, pattern;
    int status;
    double seconds;
  };
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<Seen> seen;
  route(
      "GET", "/items/{id}",
      [](sdk::Request&, sdk::Response&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      },
      {}, true);
  host::HttpServerOptions options;
  options.port = 0;
  server_ = std::make_unique<host::HttpServer>(options, routes_, auth_);
  server_->set_observer([&](const std::string& m, const std::string& p, int s, double secs) {
    std::lock_guard lock(mutex);
    seen.push_back({m, p, s, secs});
    changed.notify_all();
  });
  server_->start();
  // The observer runs after the answer is sent: wait for each call before the next request,
  // so that the order is known.
  auto observed = [&](std::size_t n) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(5), [&] { return seen.size() >= n; });
  };
  send(Call("GET", "/items/5"));
  ASSERT_TRUE(observed(1));
  send(Call("GET", "/missing"));
  ASSERT_TRUE(observed(2));
  send(Call("BREW", "/items/5"));
  ASSERT_TRUE(observed(3));

  std::lock_guard lock(mutex);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].method, "GET");
  EXPECT_EQ(seen[0].pattern, "/items/{id}");
  EXPECT_EQ(seen[0].status, 200);
  EXPECT_GE(seen[0].seconds, 0.02);
  EXPECT_EQ(seen[1].pattern, "unmatched");
  EXPECT_EQ(seen[1].status, 404);
  EXPECT_EQ(seen[2].method, "OTHER") << "unknown methods do not become metric labels";
  EXPECT_EQ(seen[2].pattern, "unmatched");
  EXPECT_EQ(seen[2].status, 405);
}

TEST_F(ServerTest, ConcurrentRequestsAreAllAnswered) {
  route("GET", "/work/{n}", [](sdk::Request& req, sdk::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (std::stoi(req.param("n")) % 7 == 0) throw std::runtime_error("every seventh fails");
    res.body(req.param("n"), "text/plain");
  });
  host::HttpServerOptions options;
  options.threads = 4;
  start(options);
  constexpr int kThreads = 6;
  constexpr int kEach = 20;
  std::atomic<int> ok{0}, failed_as_expected{0}, wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto s = session();
      for (int i = 0; i < kEach; ++i) {
        const int n = t * 1000 + i;
        try {
          const Reply r =
              send(*s, Call("GET", "/work/" + std::to_string(n)).with_token(kAdminToken));
          if (n % 7 == 0 && r.status == 500) {
            ++failed_as_expected;
          } else if (n % 7 != 0 && r.status == 200 && r.body == std::to_string(n)) {
            ++ok;
          } else {
            ++wrong;
          }
        } catch (const std::exception&) {
          ++wrong;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(ok + failed_as_expected, kThreads * kEach);
  EXPECT_GT(failed_as_expected, 0);
}

TEST_F(ServerTest, StopReturnsWithAnIdleKeepAliveConnectionOpen) {
  route(
      "GET", "/p", [](sdk::Request&, sdk::Response&) {}, {}, true);
  start();
  auto s = session();
  ASSERT_EQ(send(*s, Call("GET", "/p")).status, 200);
  const int port = server_->port();
  const auto started = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_EQ(server_->port(), 0);
  Poco::Net::HTTPClientSession after("127.0.0.1", static_cast<Poco::UInt16>(port));
  after.setTimeout(Poco::Timespan(2, 0));
  EXPECT_ANY_THROW(send(after, Call("GET", "/p")));
  server_->stop();  // twice is fine
}

TEST_F(ServerTest, StartOnABusyPortNamesTheAddress) {
  Poco::Net::ServerSocket busy(Poco::Net::SocketAddress("127.0.0.1", 0));
  host::HttpServerOptions options;
  options.port = busy.address().port();
  host::HttpServer server(options, routes_, auth_);
  try {
    server.start();
    FAIL() << "started on a busy port";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("127.0.0.1:" + std::to_string(options.port)));
  }
}

}  // namespace
}  // namespace hisx::test
