#include "http/http_server.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <stdexcept>

namespace hisx::host {
namespace {

class DispatchingHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit DispatchingHandler(RequestDispatcher& dispatcher) : dispatcher_(dispatcher) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    dispatcher_.handle(request, response);
  }

 private:
  RequestDispatcher& dispatcher_;
};

// Poco asks for a handler object per request; they all share one dispatcher.
class DispatchingFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit DispatchingFactory(std::unique_ptr<RequestDispatcher> dispatcher)
      : dispatcher_(std::move(dispatcher)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new DispatchingHandler(*dispatcher_);
  }

 private:
  std::unique_ptr<RequestDispatcher> dispatcher_;
};

}  // namespace

HttpServer::HttpServer(HttpServerOptions options, RouteTable& routes, Authenticator& authenticator)
    : options_(std::move(options)), routes_(routes), authenticator_(authenticator) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::set_observer(RequestObserver observer) { observer_ = std::move(observer); }

void HttpServer::set_static_files(StaticFiles files) { static_files_ = std::move(files); }

void HttpServer::set_audit_hook(AuditHook hook) { audit_ = std::move(hook); }

void HttpServer::start() {
  if (server_) throw std::logic_error("The HTTP server is already started");
  const int threads = std::max(1, options_.threads);
  const std::string address = options_.host + ":" + std::to_string(options_.port);

  Poco::Net::ServerSocket socket;
  try {
    // SO_REUSEADDR for quick restarts, but not SO_REUSEPORT (Poco's two-argument bind sets
    // both): a second hisxd on the same port must fail, not share the traffic.
    socket.bind(Poco::Net::SocketAddress(options_.host, static_cast<Poco::UInt16>(options_.port)),
                true, false);
    socket.listen(128);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("Cannot listen on " + address + ": " + e.displayText());
  }

  auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
  params->setMaxThreads(threads);
  params->setMaxQueued(std::max(64, threads * 4));
  params->setKeepAlive(true);
  // Poco holds a thread per connection while it waits for the next request on it; a short
  // wait keeps idle clients from occupying the pool.
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));

  pool_ = std::make_unique<Poco::ThreadPool>(std::min(2, threads), threads);
  auto dispatcher =
      std::make_unique<RequestDispatcher>(routes_, authenticator_, options_.max_body_bytes,
                                          options_.access_log, observer_, options_.trusted_proxies);
  dispatcher->set_static_files(static_files_);
  dispatcher->set_audit_hook(audit_);
  dispatcher->set_services(services_);
  auto factory = Poco::makeShared<DispatchingFactory>(std::move(dispatcher));
  server_ = std::make_unique<Poco::Net::HTTPServer>(factory, *pool_, socket, params);
  server_->start();
  port_ = socket.address().port();
}

void HttpServer::stop() {
  if (!server_) return;
  server_->stopAll(false);
  pool_->joinAll();
  server_.reset();
  pool_.reset();
  port_ = 0;
}

}  // namespace hisx::host
