#include "http/host_request.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <stdexcept>

#include "hisx/problem.h"

namespace hisx::host {

HostRequest::HostRequest(std::string method, std::string path, QueryParameters query,
                         Poco::Net::NameValueCollection headers, std::string request_id,
                         std::string client_address)
    : method_(std::move(method)),
      path_(std::move(path)),
      query_(std::move(query)),
      headers_(std::move(headers)),
      request_id_(std::move(request_id)),
      client_address_(std::move(client_address)) {}

const std::string& HostRequest::param(const std::string& name) const {
  auto it = params_.find(name);
  if (it == params_.end()) {
    throw std::out_of_range("The route has no parameter '{" + name + "}'");
  }
  return it->second;
}

std::optional<std::string> HostRequest::query(const std::string& name) const {
  for (const auto& [key, value] : query_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::vector<std::string> HostRequest::query_all(const std::string& name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : query_) {
    if (key == name) values.push_back(value);
  }
  return values;
}

std::optional<std::string> HostRequest::header(const std::string& name) const {
  if (!headers_.has(name)) return std::nullopt;
  return headers_.get(name);
}

Poco::JSON::Object::Ptr HostRequest::json() const {
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parsed = parser.parse(body_);
  } catch (const Poco::Exception& e) {
    throw sdk::Problem(400, "bad-request", "The request body is not valid JSON: " + e.message());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw sdk::Problem(400, "bad-request", "The request body must be a JSON object.");
  }
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

const sdk::Principal* HostRequest::principal() const { return principal_ ? &*principal_ : nullptr; }

}  // namespace hisx::host
