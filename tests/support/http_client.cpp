#include "support/http_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>

namespace hisx::test {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string quoted_body(const HttpResult& r) {
  constexpr std::size_t kMax = 4000;
  std::string body = r.body.size() > kMax ? r.body.substr(0, kMax) + "...(truncated)" : r.body;
  return "HTTP " + std::to_string(r.status) + " (" + r.header("content-type") +
         "), body: " + (body.empty() ? "<empty>" : body);
}

Poco::Dynamic::Var parse(const HttpResult& r, const char* expected) {
  try {
    Poco::JSON::Parser parser;
    return parser.parse(r.body);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(std::string("response is not JSON (expected ") + expected +
                             "): " + e.displayText() + "; " + quoted_body(r));
  }
}

}  // namespace

Poco::JSON::Object::Ptr HttpResult::json() const {
  auto value = parse(*this, "an object");
  if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw std::runtime_error("response JSON is not an object; " + quoted_body(*this));
  }
  return value.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr HttpResult::json_array() const {
  auto value = parse(*this, "an array");
  if (value.type() != typeid(Poco::JSON::Array::Ptr)) {
    throw std::runtime_error("response JSON is not an array; " + quoted_body(*this));
  }
  return value.extract<Poco::JSON::Array::Ptr>();
}

std::string HttpResult::header(const std::string& name) const {
  auto it = headers.find(lower(name));
  return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(std::string host, int port, std::chrono::milliseconds timeout)
    : host_(std::move(host)), port_(port), timeout_(timeout) {}

HttpResult HttpClient::get(const std::string& path, const std::string& bearer) const {
  std::map<std::string, std::string> headers;
  if (!bearer.empty()) headers["Authorization"] = "Bearer " + bearer;
  return request(Poco::Net::HTTPRequest::HTTP_GET, path, {}, headers);
}

HttpResult HttpClient::post(const std::string& path, const std::string& body,
                            const std::string& bearer,
                            const std::map<std::string, std::string>& headers) const {
  std::map<std::string, std::string> all;
  all["Content-Type"] = "application/json";
  if (!bearer.empty()) all["Authorization"] = "Bearer " + bearer;
  for (const auto& [name, value] : headers) {
    // Replace a default given in another case (std::map compares case-sensitively).
    for (auto it = all.begin(); it != all.end();) {
      it = lower(it->first) == lower(name) ? all.erase(it) : std::next(it);
    }
    all[name] = value;
  }
  return request(Poco::Net::HTTPRequest::HTTP_POST, path, body, all);
}

HttpResult HttpClient::request(const std::string& method, const std::string& path,
                               const std::string& body,
                               const std::map<std::string, std::string>& headers) const {
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    req.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  HttpResult result;
  try {
    Poco::Net::HTTPClientSession session(host_, static_cast<Poco::UInt16>(port_));
    session.setTimeout(
        Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(timeout_.count()) * 1000));
    std::ostream& out = session.sendRequest(req);
    out << body;
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    Poco::StreamCopier::copyToString(in, result.body);
    // Poco's streams swallow a read error (a timeout mid-body) into badbit.
    if (in.bad()) throw Poco::IOException("reading the response body failed");
    result.status = static_cast<int>(resp.getStatus());
    for (const auto& [name, value] : resp) {
      auto [it, inserted] = result.headers.emplace(lower(name), value);
      if (!inserted) it->second += ", " + value;
    }
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(method + " http://" + host_ + ":" + std::to_string(port_) + path +
                             " failed: " + e.displayText());
  } catch (const std::exception& e) {
    throw std::runtime_error(method + " http://" + host_ + ":" + std::to_string(port_) + path +
                             " failed: " + e.what());
  }
  return result;
}

}  // namespace hisx::test
