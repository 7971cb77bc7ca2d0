#include "support/webhook_sink.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cctype>

namespace hisx::test {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(WebhookSink& sink) : sink_(sink) {}
  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    WebhookRequest r;
    r.method = req.getMethod();
    r.target = req.getURI();
    for (const auto& [name, value] : req) r.headers[lower(name)] = value;
    Poco::StreamCopier::copyToString(req.stream(), r.body);
    const WebhookAnswer answer = sink_.record(std::move(r));
    res.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
    res.setContentType("text/plain; charset=utf-8");
    res.setContentLength(static_cast<std::streamsize>(answer.body.size()));
    res.send() << answer.body;
  }

 private:
  WebhookSink& sink_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(WebhookSink& sink) : sink_(sink) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(sink_);
  }

 private:
  WebhookSink& sink_;
};

class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(SHA_256) {}
};

}  // namespace

std::string WebhookRequest::header(const std::string& name) const {
  auto it = headers.find(lower(name));
  return it == headers.end() ? std::string() : it->second;
}

WebhookSink::WebhookSink() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  port_ = socket.address().port();
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(4);
  params->setKeepAlive(false);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params);
  server_->start();
}

WebhookSink::~WebhookSink() { server_->stopAll(true); }

std::string WebhookSink::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void WebhookSink::answer_next(std::vector<WebhookAnswer> answers) {
  std::lock_guard lock(mutex_);
  answers_.assign(answers.begin(), answers.end());
}

std::vector<WebhookRequest> WebhookSink::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::vector<WebhookRequest> WebhookSink::wait_for(std::size_t count, std::chrono::seconds timeout) {
  std::unique_lock lock(mutex_);
  arrived_.wait_for(lock, timeout, [&] { return requests_.size() >= count; });
  return requests_;
}

WebhookAnswer WebhookSink::record(WebhookRequest request) {
  WebhookAnswer answer;
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(request));
    if (!answers_.empty()) {
      answer = answers_.front();
      answers_.pop_front();
    }
  }
  arrived_.notify_all();
  return answer;
}

std::string expected_webhook_signature(const std::string& secret, const std::string& timestamp,
                                       const std::string& body) {
  Poco::HMACEngine<Sha256Engine> hmac(secret);
  const std::string text = timestamp + "." + body;
  hmac.update(text);
  return "sha256=" + Poco::DigestEngine::digestToHex(hmac.digest());
}

}  // namespace hisx::test
