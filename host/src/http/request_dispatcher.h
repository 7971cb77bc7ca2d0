#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "hisx/services.h"
#include "http/audit_record.h"
#include "http/authenticator.h"
#include "http/host_response.h"
#include "http/route_table.h"

namespace hisx::host {

/// Called after every request (for metrics): the method ("OTHER" for methods hisx never
/// routes, to keep label sets small), the route pattern or "unmatched", the status sent and
/// the time taken in seconds.
using RequestObserver = std::function<void(const std::string& method, const std::string& pattern,
                                           int status, double seconds)>;

/// Answers a GET or HEAD request that matched no route (the static staff pages, see
/// web/static_site.h): true when it filled `response`, false to let the 404 stand.
/// `raw_path` is the path as sent, still percent-encoded.
using StaticFiles = std::function<bool(const Poco::Net::HTTPServerRequest& request,
                                       const std::string& raw_path, HostResponse& response)>;

/// One request's way through the host: request id, route match (404/405), authentication
/// (401/403; a device credential only on routes naming one of its scopes), the app account of
/// an app request while app_link is enabled (400, see app_account_check.h), body limit (413: the
/// route's max_body_bytes, else the host's), the handler, and the answer. Every failure becomes a
/// problem document; nothing escapes to Poco, whose server would drop the connection on a
/// std::exception. Shared by all server threads; holds no per-request state.
class RequestDispatcher {
 public:
  /// `routes` and `authenticator` must outlive the dispatcher. `max_body_bytes`: the limit of
  /// routes that set none. `trusted_proxies`: peers whose X-Forwarded-For names the client
  /// (http.trusted_proxies).
  RequestDispatcher(const RouteTable& routes, Authenticator& authenticator,
                    std::size_t max_body_bytes, bool access_log, RequestObserver observer,
                    std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"});

  /// Answers `request`. Never throws.
  void handle(Poco::Net::HTTPServerRequest& request,
              Poco::Net::HTTPServerResponse& response) noexcept;

  /// Where unrouted GET and HEAD requests go before they are answered 404. Set before serving.
  void set_static_files(StaticFiles files) { static_files_ = std::move(files); }

  /// Receives every write request before its answer is sent (see AuditHook). Set before
  /// serving.
  void set_audit_hook(AuditHook hook) { audit_ = std::move(hook); }

  /// The services the plugins publish, for the app account check (check_app_account()); it
  /// must outlive the dispatcher. Without them (null, the default) no request is checked.
  /// Set before serving.
  void set_services(const sdk::Services* services) { services_ = services; }

 private:
  const RouteTable& routes_;
  Authenticator& authenticator_;
  std::size_t max_body_bytes_;
  bool access_log_;
  RequestObserver observer_;
  std::vector<std::string> trusted_proxies_;
  StaticFiles static_files_;
  AuditHook audit_;
  const sdk::Services* services_ = nullptr;
};

}  // namespace hisx::host
