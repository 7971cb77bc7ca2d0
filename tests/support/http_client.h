#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <chrono>
#include <map>
#include <string>

namespace hisx::test {

/// One HTTP response as a test sees it.
struct HttpResult {
  int status = 0;                              ///< HTTP status code.
  std::map<std::string, std::string> headers;  ///< Lower-case names; repeats joined by ", ".
  std::string body;                            ///< The body, as received.

  /// The body parsed as a JSON object. Throws std::runtime_error quoting the status and the
  /// body when it is not one, so that a failing test shows what the server said.
  Poco::JSON::Object::Ptr json() const;
  /// The body parsed as a JSON array; throws like json() when it is not one.
  Poco::JSON::Array::Ptr json_array() const;
  /// The value of header `name` (any case); empty when absent.
  std::string header(const std::string& name) const;
};

/// A small blocking HTTP/1.1 client for tests; one connection per request.
/// Connection failures and timeouts throw std::runtime_error naming the method and URL.
class HttpClient {
 public:
  /// Talks to `host`:`port`; a request that takes longer than `timeout` fails.
  HttpClient(std::string host, int port,
             std::chrono::milliseconds timeout = std::chrono::seconds(60));

  /// GET `path` (with query), with `Authorization: Bearer <bearer>` unless `bearer` is empty.
  HttpResult get(const std::string& path, const std::string& bearer = {}) const;
  /// POST `body` to `path`; Content-Type is application/json unless `headers` says otherwise.
  HttpResult post(const std::string& path, const std::string& body, const std::string& bearer = {},
                  const std::map<std::string, std::string>& headers = {}) const;
  /// Any `method` with `body` (sent with Content-Length when non-empty or the method is POST,
  /// PUT or PATCH) and exactly the given `headers`.
  HttpResult request(const std::string& method, const std::string& path, const std::string& body,
                     const std::map<std::string, std::string>& headers = {}) const;

  /// The host this client talks to.
  const std::string& host() const { return host_; }
  /// The port this client talks to.
  int port() const { return port_; }

 private:
  std::string host_;
  int port_;
  std::chrono::milliseconds timeout_;
};

}  // namespace hisx::test
