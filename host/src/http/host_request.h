#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hisx/http.h"

namespace hisx::host {

/// The sdk::Request a handler sees: plain values copied out of the Poco request, so that it
/// does not depend on the socket and can be built directly in tests.
class HostRequest : public sdk::Request {
 public:
  using QueryParameters = std::vector<std::pair<std::string, std::string>>;

  HostRequest(std::string method, std::string path, QueryParameters query,
              Poco::Net::NameValueCollection headers, std::string request_id,
              std::string client_address);

  const std::string& method() const override { return method_; }
  const std::string& path() const override { return path_; }
  /// Throws std::out_of_range when the route pattern has no such parameter (a bug in the
  /// handler, answered with a 500).
  const std::string& param(const std::string& name) const override;
  std::optional<std::string> query(const std::string& name) const override;
  std::optional<std::string> header(const std::string& name) const override;
  const std::string& body() const override { return body_; }
  /// Throws Problem 400 "bad-request" when the body is not a JSON object.
  Poco::JSON::Object::Ptr json() const override;
  const sdk::Principal* principal() const override;
  const std::string& request_id() const override { return request_id_; }
  std::string client_address() const override { return client_address_; }
  std::vector<std::string> query_all(const std::string& name) const override;

  void set_params(std::map<std::string, std::string> params) { params_ = std::move(params); }
  void set_body(std::string body) { body_ = std::move(body); }
  void set_principal(sdk::Principal principal) { principal_ = std::move(principal); }

 private:
  std::string method_;
  std::string path_;
  QueryParameters query_;
  Poco::Net::NameValueCollection headers_;
  std::string request_id_;
  std::string client_address_;
  std::map<std::string, std::string> params_;
  std::string body_;
  std::optional<sdk::Principal> principal_;
};

}  // namespace hisx::host
