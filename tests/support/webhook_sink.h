#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPServer;
}

namespace hisx::test {

/// One request as the webhook sink received it.
struct WebhookRequest {
  std::string method;                          ///< "POST", …
  std::string target;                          ///< Path and query as sent.
  std::map<std::string, std::string> headers;  ///< Lower-case names.
  std::string body;                            ///< The body, as received.

  /// The value of header `name` (any case); empty when absent.
  std::string header(const std::string& name) const;
};

/// What the sink answers to one request.
struct WebhookAnswer {
  int status = 200;
  std::string body;
};

/// A real HTTP server on 127.0.0.1 (a free port) standing in for an SMS gateway or push
/// service: it records every request and answers 200, or the answers queued with
/// answer_next() first. Stops when destroyed.
class WebhookSink {
 public:
  WebhookSink();
  ~WebhookSink();
  WebhookSink(const WebhookSink&) = delete;
  WebhookSink& operator=(const WebhookSink&) = delete;

  int port() const { return port_; }
  /// "http://127.0.0.1:<port><path>".
  std::string url(const std::string& path = "/hook") const;

  /// The next requests get these answers, in order; later ones 200 again.
  void answer_next(std::vector<WebhookAnswer> answers);
  /// Every request so far.
  std::vector<WebhookRequest> requests() const;
  /// Waits until at least `count` requests arrived or `timeout` passed; returns them all.
  std::vector<WebhookRequest> wait_for(std::size_t count,
                                       std::chrono::seconds timeout = std::chrono::seconds(30));

  /// Records one request and returns its answer (the server's handler calls this).
  WebhookAnswer record(WebhookRequest request);

 private:
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<WebhookRequest> requests_;
  std::deque<WebhookAnswer> answers_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  int port_ = 0;
};

/// "sha256=" + lower-case hex HMAC-SHA256(secret, timestamp + "." + body): what a receiver
/// computes to check `X-Hisx-Signature` (written here with Poco::HMACEngine, apart from the
/// host's code).
std::string expected_webhook_signature(const std::string& secret, const std::string& timestamp,
                                       const std::string& body);

}  // namespace hisx::test
