#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SocketAddress.h>

#include <sstream>
#include <string>

namespace hisx::host {

/// The response side of an in-process exchange: what the dispatcher sends is kept in memory.
class InProcessResponse final : public Poco::Net::HTTPServerResponse {
 public:
  void sendContinue() override {}
  std::ostream& send() override;
  void sendFile(const std::string& path, const std::string& media_type) override;
  void sendBuffer(const void* buffer, std::size_t length) override;
  void redirect(const std::string& uri, HTTPStatus status) override;
  void requireAuthentication(const std::string& realm) override;
  bool sent() const override { return sent_; }

  /// The body sent so far.
  std::string body() const { return body_.str(); }

 private:
  std::ostringstream body_;
  bool sent_ = false;
};

/// The request side: a request as Poco's server would have parsed it from a socket, with
/// its body in memory and `client` as the peer address.
class InProcessRequest final : public Poco::Net::HTTPServerRequest {
 public:
  InProcessRequest(const std::string& method, const std::string& target, std::string body,
                   const std::string& client, InProcessResponse& response);

  std::istream& stream() override { return body_; }
  const Poco::Net::SocketAddress& clientAddress() const override { return client_; }
  const Poco::Net::SocketAddress& serverAddress() const override { return server_; }
  const Poco::Net::HTTPServerParams& serverParams() const override { return *params_; }
  Poco::Net::HTTPServerResponse& response() const override { return response_; }
  bool secure() const override { return false; }

 private:
  std::istringstream body_;
  Poco::Net::SocketAddress client_;
  Poco::Net::SocketAddress server_;
  Poco::Net::HTTPServerParams::Ptr params_;
  InProcessResponse& response_;
};

}  // namespace hisx::host
