#include "http/host_response.h"

#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

#include <algorithm>
#include <array>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace hisx::host {
namespace {

// Framing and correlation headers belong to the host; a handler setting them would break the
// connection or the log trail.
constexpr std::array<std::string_view, 4> kReserved = {"Content-Length", "Transfer-Encoding",
                                                       "Connection", "X-Request-Id"};

bool same_name(const std::string& a, std::string_view b) {
  return Poco::icompare(a, std::string(b)) == 0;
}

}  // namespace

void HostResponse::status(int code) {
  if (code < 100 || code > 599) {
    throw std::invalid_argument("HTTP status " + std::to_string(code) + " is out of range");
  }
  status_ = code;
}

void HostResponse::header(const std::string& name, const std::string& value) {
  if (name.empty() || name.find_first_of("\r\n: ") != std::string::npos ||
      value.find_first_of("\r\n") != std::string::npos) {
    throw std::invalid_argument("Malformed response header '" + name + "'");
  }
  for (std::string_view reserved : kReserved) {
    if (same_name(name, reserved)) {
      throw std::invalid_argument("Response header '" + name + "' is set by the host");
    }
  }
  if (same_name(name, "Content-Type")) {
    content_type_ = value;
    return;
  }
  auto it = std::find_if(headers_.begin(), headers_.end(),
                         [&](const auto& h) { return same_name(h.first, name); });
  if (it != headers_.end()) {
    it->second = value;
  } else {
    headers_.emplace_back(name, value);
  }
}

void HostResponse::json(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  content_ = out.str();
  content_type_ = kJsonContentType;
}

void HostResponse::body(std::string content, std::string content_type) {
  content_ = std::move(content);
  content_type_ = std::move(content_type);
}

void HostResponse::reset() {
  status_ = 200;
  headers_.clear();
  content_.clear();
  content_type_.clear();
}

}  // namespace hisx::host
