#include "testing/in_process_exchange.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace hisx::host {

std::ostream& InProcessResponse::send() {
  sent_ = true;
  return body_;
}

void InProcessResponse::sendFile(const std::string& path, const std::string& media_type) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  setContentType(media_type);
  sent_ = true;
  body_ << in.rdbuf();
}

void InProcessResponse::sendBuffer(const void* buffer, std::size_t length) {
  sent_ = true;
  body_.write(static_cast<const char*>(buffer), static_cast<std::streamsize>(length));
}

void InProcessResponse::redirect(const std::string& uri, HTTPStatus status) {
  setStatusAndReason(status);
  set("Location", uri);
  sent_ = true;
}

void InProcessResponse::requireAuthentication(const std::string& realm) {
  setStatusAndReason(HTTP_UNAUTHORIZED);
  set("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
  sent_ = true;
}

namespace {

// "203.0.113.9" or "::1" as a socket address (the port does not matter to the host).
Poco::Net::SocketAddress peer(const std::string& address) {
  return Poco::Net::SocketAddress(Poco::Net::IPAddress(address), 40000);
}

}  // namespace

InProcessRequest::InProcessRequest(const std::string& method, const std::string& target,
                                   std::string body, const std::string& client,
                                   InProcessResponse& response)
    : body_(body),
      client_(peer(client)),
      server_(peer("127.0.0.1")),
      params_(new Poco::Net::HTTPServerParams),
      response_(response) {
  setMethod(method);
  setURI(target);
  setVersion(HTTP_1_1);
  set("Host", "localhost");
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
}

}  // namespace hisx::host
