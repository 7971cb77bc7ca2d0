#include "test_server.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <stdexcept>
#include <thread>

namespace hisx::test {

void TokenAuthenticator::add(const std::string& token, sdk::Principal principal) {
  std::lock_guard lock(mutex_);
  principals_[token] = std::move(principal);
}

std::optional<sdk::Principal> TokenAuthenticator::authenticate(const std::string& bearer_token) {
  std::lock_guard lock(mutex_);
  auto it = principals_.find(bearer_token);
  if (it == principals_.end()) return std::nullopt;
  return it->second;
}

void CapturingChannel::log(const Poco::Message& message) {
  std::lock_guard lock(mutex_);
  lines_.push_back(message.getText());
}

std::vector<std::string> CapturingChannel::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

std::string CapturingChannel::wait_for(const std::string& needle,
                                       std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    for (const std::string& line : lines()) {
      if (line.find(needle) != std::string::npos) return line;
    }
    if (std::chrono::steady_clock::now() > deadline) return "";
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::string Reply::header(const std::string& name) const { return headers.get(name, ""); }

Poco::JSON::Object::Ptr Reply::json() const {
  try {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
    throw std::runtime_error("Status " + std::to_string(status) +
                             ", body is not a JSON object: " + body);
  }
}

ServerTest::ServerTest() : error_log_(new CapturingChannel), access_log_(new CapturingChannel) {
  Poco::Logger::get("hisx.http").setChannel(error_log_);
  Poco::Logger::get("hisx.http").setLevel(Poco::Message::PRIO_INFORMATION);
  Poco::Logger::get("hisx.access").setChannel(access_log_);
  Poco::Logger::get("hisx.access").setLevel(Poco::Message::PRIO_INFORMATION);
  auth_.add(kAdminToken, {"key:admin", "Admin key", "admin"});
  auth_.add(kCashierToken, {"key:cashier", "Cashier key", "cashier"});
}

ServerTest::~ServerTest() {
  if (server_) server_->stop();
  Poco::Logger::get("hisx.http").setChannel(nullptr);
  Poco::Logger::get("hisx.access").setChannel(nullptr);
}

void ServerTest::start(host::HttpServerOptions options) {
  options.host = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<host::HttpServer>(options, routes_, auth_);
  server_->start();
  ASSERT_GT(server_->port(), 0);
}

void ServerTest::route(const std::string& method, const std::string& pattern, sdk::Handler handler,
                       std::vector<std::string> roles, bool is_public, const std::string& owner) {
  sdk::Route r;
  r.method = method;
  r.pattern = pattern;
  r.handler = std::move(handler);
  r.roles = std::move(roles);
  r.is_public = is_public;
  routes_.add(owner, std::move(r));
}

std::unique_ptr<Poco::Net::HTTPClientSession> ServerTest::session() {
  auto s = std::make_unique<Poco::Net::HTTPClientSession>(
      "127.0.0.1", static_cast<Poco::UInt16>(server_->port()));
  s->setTimeout(Poco::Timespan(10, 0));
  return s;
}

Reply ServerTest::send(const Call& call) { return send(*session(), call); }

Reply ServerTest::send(Poco::Net::HTTPClientSession& session, const Call& call) {
  Poco::Net::HTTPRequest request(call.method, call.path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : call.headers) request.set(name, value);
  if (!call.token.empty()) request.set("Authorization", "Bearer " + call.token);
  if (call.chunked) {
    request.setChunkedTransferEncoding(true);
  } else if (!call.body.empty()) {
    request.setContentLength64(static_cast<Poco::Int64>(call.body.size()));
  }
  std::ostream& out = session.sendRequest(request);
  out << call.body;

  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  reply.status = response.getStatus();
  reply.reason = response.getReason();
  for (const auto& [name, value] : response) reply.headers.add(name, value);
  Poco::StreamCopier::copyToString(in, reply.body);
  return reply;
}

}  // namespace hisx::test
