#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/NameValueCollection.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "http/authenticator.h"
#include "http/http_server.h"
#include "http/route_table.h"

namespace hisx::test {

/// Test double of the interface the auth module implements: a fixed token → principal map.
class TokenAuthenticator : public host::Authenticator {
 public:
  void add(const std::string& token, sdk::Principal principal);
  std::optional<sdk::Principal> authenticate(const std::string& bearer_token) override;

 private:
  std::mutex mutex_;
  std::map<std::string, sdk::Principal> principals_;
};

/// A Poco channel that keeps every message, for asserting what the server logged.
class CapturingChannel : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override;
  std::vector<std::string> lines() const;
  /// Waits up to `timeout` for a line containing `needle` (lines written after the answer
  /// was sent arrive a moment later); returns it or "".
  std::string wait_for(const std::string& needle,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

/// One answer as the client saw it.
struct Reply {
  int status = 0;
  std::string reason;
  Poco::Net::NameValueCollection headers;
  std::string body;

  std::string header(const std::string& name) const;
  /// The body as a JSON object; fails the test (throws) when it is not one.
  Poco::JSON::Object::Ptr json() const;
};

/// One outgoing request, built fluently: Call("POST", "/x").with_body("{}").with_token(t).
struct Call {
  Call(std::string method, std::string path) : method(std::move(method)), path(std::move(path)) {}
  Call& with_body(std::string b) {
    body = std::move(b);
    return *this;
  }
  Call& with_header(const std::string& name, std::string value) {
    headers[name] = std::move(value);
    return *this;
  }
  /// Sent as `Authorization: Bearer <token>`.
  Call& with_token(std::string t) {
    token = std::move(t);
    return *this;
  }
  /// Sends the body with chunked transfer encoding.
  Call& with_chunked(bool on = true) {
    chunked = on;
    return *this;
  }

  std::string method;
  std::string path;
  std::string body;
  std::map<std::string, std::string> headers;
  std::string token;
  bool chunked = false;
};

/// A real HttpServer on 127.0.0.1, a free port, with its own route table and the logs of
/// "hisx.http" and "hisx.access" captured.
class ServerTest : public ::testing::Test {
 public:
  /// Sends `call` on `session` (to reuse a keep-alive connection).
  static Reply send(Poco::Net::HTTPClientSession& session, const Call& call);

 protected:
  ServerTest();
  ~ServerTest() override;

  /// Starts the server with `options` (host and port are forced to 127.0.0.1:0).
  void start(host::HttpServerOptions options = {});

  /// Adds a route owned by `owner`.
  void route(const std::string& method, const std::string& pattern, sdk::Handler handler,
             std::vector<std::string> roles = {"admin"}, bool is_public = false,
             const std::string& owner = "testplugin");

  /// Sends `call` on a fresh connection.
  Reply send(const Call& call);
  /// A session to the server, 10 s timeout.
  std::unique_ptr<Poco::Net::HTTPClientSession> session();

  host::RouteTable routes_;
  TokenAuthenticator auth_;
  std::unique_ptr<host::HttpServer> server_;
  Poco::AutoPtr<CapturingChannel> error_log_;
  Poco::AutoPtr<CapturingChannel> access_log_;
};

/// The token of a principal with role "admin" (id "key:admin") that ServerTest registers.
inline constexpr const char* kAdminToken = "admin-token";
/// The token of a principal with role "cashier" (id "key:cashier").
inline constexpr const char* kCashierToken = "cashier-token";

}  // namespace hisx::test
