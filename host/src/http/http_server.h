#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "http/authenticator.h"
#include "http/request_dispatcher.h"
#include "http/route_table.h"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}  // namespace Poco

namespace hisx::host {

/// Where and how the server listens (from HostConfig::http and log.access).
struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0 picks a free port; see HttpServer::port().
  /// Larger bodies are answered with 413, on routes that set no Route::max_body_bytes.
  std::size_t max_body_bytes = 1 << 20;
  int threads = 16;        ///< Requests served at once.
  bool access_log = true;  ///< One line per request on logger "hisx.access".
  /// Peers (IP addresses) whose X-Forwarded-For names the client: nginx on the same machine
  /// by default (`http.trusted_proxies`).
  std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
};

/// The host's HTTP server: Poco's HTTPServer in front of one RouteTable. Routes are added
/// before start(); the table and the authenticator must outlive the server.
class HttpServer {
 public:
  HttpServer(HttpServerOptions options, RouteTable& routes, Authenticator& authenticator);
  ~HttpServer();  ///< Stops the server if it runs.
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Called after every request (metrics). Set before start().
  void set_observer(RequestObserver observer);

  /// Serves unrouted GET and HEAD requests (the static staff pages). Set before start().
  void set_static_files(StaticFiles files);

  /// Called for every write request before its answer is sent (the audit trail). Set before
  /// start().
  void set_audit_hook(AuditHook hook);

  /// The services the plugins publish, for the dispatcher's app account check
  /// (RequestDispatcher::set_services). Set before start(); must outlive the server.
  void set_services(const sdk::Services* services) { services_ = services; }

  /// Binds and starts serving. Throws std::runtime_error naming the address when it cannot
  /// listen, std::logic_error when already started.
  void start();

  /// Stops accepting, lets requests in progress finish, closes idle connections and waits
  /// for the server threads. Safe to call twice.
  void stop();

  /// The bound port (the real one when options.port was 0); 0 before start().
  int port() const { return port_; }

 private:
  HttpServerOptions options_;
  RouteTable& routes_;
  Authenticator& authenticator_;
  RequestObserver observer_;
  StaticFiles static_files_;
  AuditHook audit_;
  const sdk::Services* services_ = nullptr;
  int port_ = 0;
  // Declared before server_: the pool must outlive the server that runs on it.
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace hisx::host
