#pragma once

#include <functional>
#include <string>

namespace hisx::host {

/// One write request (POST, PUT, PATCH, DELETE) as the HTTP layer saw it, for the audit
/// trail. It holds no body, no query string and no header: nothing that can carry a password,
/// a token or card data.
struct AuditRecord {
  std::string actor_id = "-";  ///< Principal id ("user:3", "apikey:7"); "-" when unknown.
  std::string actor_name;      ///< Principal name; empty when unknown.
  std::string role;            ///< Principal role; empty when unknown.
  /// Where the request came from: the socket peer, or behind a trusted proxy the address it
  /// forwarded (http.trusted_proxies; client_address_of()).
  std::string client_address;
  std::string method;      ///< "POST", "PUT", "PATCH" or "DELETE".
  std::string route;       ///< The matched route pattern, or "unmatched".
  std::string target;      ///< The path as sent (percent-encoded), without query or fragment.
  int status = 0;          ///< The status answered.
  std::string request_id;  ///< The request id (X-Request-Id).
};

/// Receives an AuditRecord for every write request, on the request's thread, after the
/// answer is complete and before it is sent (so that a client that saw the answer finds the
/// row). Must be thread-safe; whatever it throws is logged and otherwise ignored.
using AuditHook = std::function<void(const AuditRecord&)>;

/// True for the methods that change something: POST, PUT, PATCH, DELETE.
bool is_write_method(const std::string& method);

}  // namespace hisx::host
