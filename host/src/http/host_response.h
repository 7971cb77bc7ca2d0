#pragma once

#include <string>
#include <utility>
#include <vector>

#include "hisx/http.h"

namespace hisx::host {

/// The sdk::Response a handler fills. It only buffers: the dispatcher writes it to the socket
/// after the handler returns, so a handler that throws halfway leaves nothing half-sent.
class HostResponse : public sdk::Response {
 public:
  /// Throws std::invalid_argument for a code outside 100–599.
  void status(int code) override;
  /// Replaces any header of the same name (case-insensitive). Throws std::invalid_argument for
  /// a name or value with CR/LF, and for headers the host sets itself (Content-Length,
  /// Transfer-Encoding, Connection, X-Request-Id). "Content-Type" sets the content type.
  void header(const std::string& name, const std::string& value) override;
  void json(const Poco::Dynamic::Var& value) override;
  void body(std::string content, std::string content_type) override;

  int status_code() const { return status_; }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  const std::string& content() const { return content_; }
  /// Empty when no body was set.
  const std::string& content_type() const { return content_type_; }

  /// Forgets everything set so far (a failed handler's half-built answer).
  void reset();

 private:
  int status_ = 200;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::string content_;
  std::string content_type_;
};

/// The content type of JSON answers.
inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

}  // namespace hisx::host
