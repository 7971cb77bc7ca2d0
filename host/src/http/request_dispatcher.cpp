#include "http/request_dispatcher.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <istream>
#include <optional>
#include <sstream>

#include "hisx/problem.h"
#include "hisx/roles.h"
#include "http/app_account_check.h"
#include "http/client_address.h"
#include "http/host_request.h"
#include "http/host_response.h"
#include "http/problem_response.h"
#include "http/request_id.h"

namespace hisx::host {
namespace {

Poco::Logger& error_log() { return Poco::Logger::get("hisx.http"); }
Poco::Logger& access_log() { return Poco::Logger::get("hisx.access"); }

// Everything one request carries between the steps below.
struct Exchange {
  Poco::Net::HTTPServerRequest& in;
  std::string request_id;
  HostResponse answer;
  std::string pattern = "unmatched";
  // The client's address: the peer, or what a trusted proxy forwarded.
  std::string client_address{};
  // The caller once known: authenticated, or named by a public route that establishes who
  // the caller is (a login handler sets it on the HostRequest).
  sdk::Principal principal{"-", "", ""};
  // Body bytes still unread on the socket: the connection cannot carry another request.
  bool body_pending = false;
  // Poco ends a chunked body silently at a malformed or missing chunk, leaving the rest of
  // the bytes to be parsed as the next request; closing after every chunked request keeps
  // such leftovers from ever being served.
  bool chunked = false;
};

std::optional<std::string> header_value(const Poco::Net::HTTPServerRequest& in,
                                        const std::string& name) {
  if (!in.has(name)) return std::nullopt;
  return in.get(name);
}

// The path as sent (still percent-encoded) and the query parameters, decoded.
struct Target {
  std::string raw_path;
  std::string path;
  HostRequest::QueryParameters query;
};

Target parse_target(const std::string& uri_text) {
  Poco::URI uri;
  try {
    uri = Poco::URI(uri_text);
  } catch (const Poco::Exception& e) {
    throw sdk::Problem(400, "bad-request", "The request target is malformed: " + e.message());
  }
  Target target;
  target.path = uri.getPath();
  target.query = uri.getQueryParameters();
  if (!uri_text.empty() && uri_text.front() == '/') {
    target.raw_path = uri_text.substr(0, uri_text.find_first_of("?#"));
  } else {
    target.raw_path = target.path;  // Absolute form: only proxies send it; decoded is enough.
  }
  return target;
}

// "Bearer <token>", scheme case-insensitive (RFC 7235).
std::optional<std::string> bearer_token(const Poco::Net::HTTPServerRequest& in) {
  const auto value = header_value(in, "Authorization");
  if (!value) return std::nullopt;
  const std::string trimmed = Poco::trim(*value);
  const std::size_t space = trimmed.find(' ');
  if (space == std::string::npos) return std::nullopt;
  if (Poco::icompare(trimmed.substr(0, space), std::string("Bearer")) != 0) return std::nullopt;
  std::string token = Poco::trim(trimmed.substr(space + 1));
  if (token.empty() || token.find(' ') != std::string::npos) return std::nullopt;
  return token;
}

// Reads at most `limit` + 1 bytes: enough to know the body is too large without buffering it.
// Returns nothing when it is. A broken chunk or a timeout throws (badbit set to throw: the
// istream would otherwise swallow Poco's exception and hand the handler a truncated body).
std::optional<std::string> read_body(std::istream& stream, std::size_t limit) {
  stream.exceptions(std::ios::badbit);
  std::string body;
  char buffer[8192];
  while (stream) {
    stream.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<std::size_t>(stream.gcount()));
    if (body.size() > limit) return std::nullopt;
  }
  return body;
}

// How far over a route's limit a body is still read (and dropped) to answer its 413 on a
// connection that stays open: enough for a file a few MB too large for its route, not so much
// that a client announcing a huge body holds a server thread while it never sends it.
constexpr std::uint64_t kDrainBytes = 4u << 20;

// A device credential reaches only the routes that name one of its scopes; everyone else,
// the routes that name their role.
bool admits(const sdk::Route& route, const sdk::Principal& who) {
  if (who.role == sdk::roles::kDevice) {
    return std::any_of(who.scopes.begin(), who.scopes.end(), [&](const std::string& scope) {
      return std::find(route.device_scopes.begin(), route.device_scopes.end(), scope) !=
             route.device_scopes.end();
    });
  }
  return std::find(route.roles.begin(), route.roles.end(), who.role) != route.roles.end();
}

sdk::Problem forbidden(const sdk::Route& route, const sdk::Principal& who,
                       const std::string& method) {
  if (who.role == sdk::roles::kDevice) {
    std::string scopes;
    for (const auto& scope : who.scopes) scopes += (scopes.empty() ? "" : ", ") + scope;
    return sdk::Problem(403, "forbidden",
                        "Device '" + who.name + "' (scopes: " + scopes + ") may not " + method +
                            " " + route.pattern + ".");
  }
  return sdk::Problem(403, "forbidden",
                      "Role '" + who.role + "' may not " + method + " " + route.pattern + ".");
}

sdk::Problem too_large(std::size_t limit) {
  return sdk::Problem(413, "payload-too-large",
                      "The request body is larger than " + std::to_string(limit) + " bytes.");
}

std::string describe_exception(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const Poco::Exception& e) {
    return e.displayText();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

void log_failure(const std::string& owner, const Exchange& x, const std::string& what) {
  error_log().error("Handler of '%s' for %s %s failed (request %s): %s", owner, x.in.getMethod(),
                    x.pattern, x.request_id, what);
}

// Runs the plugin's code. Problems are answers; anything else is a bug in the plugin, logged
// with its name and answered with a 500 that does not leak the exception text.
void run_handler(const RegisteredRoute& route, HostRequest& request, Exchange& x) {
  try {
    route.route.handler(request, x.answer);
    return;
  } catch (const sdk::Problem& problem) {
    if (problem.status() >= 400 && problem.status() <= 599) {
      if (problem.status() >= 500) {
        error_log().warning("Handler of '%s' for %s %s answered %d %s (request %s): %s",
                            route.owner, x.in.getMethod(), x.pattern, problem.status(),
                            problem.type(), x.request_id, problem.detail());
      }
      set_problem(x.answer, problem, x.request_id);
      return;
    }
    log_failure(route.owner, x,
                "Problem with non-error status " + std::to_string(problem.status()) + ": " +
                    problem.detail());
  } catch (...) {
    log_failure(route.owner, x, describe_exception(std::current_exception()));
  }
  set_problem(x.answer, internal_problem(x.request_id), x.request_id);
}

// Fills x.answer. Refusals are thrown as Problem or set directly when they need a header.
void serve(Exchange& x, const RouteTable& routes, Authenticator& authenticator,
           std::size_t max_body_bytes, const StaticFiles& static_files,
           const sdk::Services* services) {
  const Target target = parse_target(x.in.getURI());
  const std::string& method = x.in.getMethod();

  const RouteMatch match = routes.match(method, target.raw_path);
  if (match.outcome == RouteMatch::Outcome::not_found && static_files &&
      (method == "GET" || method == "HEAD") && static_files(x.in, target.raw_path, x.answer)) {
    x.pattern = "static";  // one metrics label for every file
    return;
  }
  if (match.outcome == RouteMatch::Outcome::not_found) {
    throw sdk::Problem(404, "not-found", "No resource at " + target.path + ".");
  }
  if (match.outcome == RouteMatch::Outcome::method_not_allowed) {
    std::string allow;
    for (const std::string& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
    set_problem(x.answer,
                sdk::Problem(405, "method-not-allowed",
                             method + " is not allowed on " + target.path + "; use " + allow + "."),
                x.request_id);
    x.answer.header("Allow", allow);
    return;
  }
  const RegisteredRoute& route = *match.route;
  x.pattern = route.route.pattern;

  HostRequest request(method, target.path, target.query, x.in, x.request_id, x.client_address);
  request.set_params(match.params);

  // Authenticate before reading the body, so that an anonymous caller cannot make the host
  // buffer anything.
  if (!route.route.is_public) {
    const auto token = bearer_token(x.in);
    if (!token) {
      throw sdk::Problem(401, "unauthorized",
                         "An 'Authorization: Bearer <key>' header is required.");
    }
    auto principal = authenticator.authenticate(*token);
    if (!principal) throw sdk::Problem(401, "unauthorized", "The credential is not valid.");
    x.principal = *principal;
    if (!admits(route.route, *principal)) throw forbidden(route.route, *principal, method);
    request.set_principal(std::move(*principal));
    if (services != nullptr) check_app_account(request, route.owner, *services);
  }

  // The route's own limit (an upload route's), else the host's.
  const std::size_t limit =
      route.route.max_body_bytes > 0 ? route.route.max_body_bytes : max_body_bytes;
  if (x.in.hasContentLength() && static_cast<std::uint64_t>(x.in.getContentLength64()) > limit) {
    // Refused from the header alone, and the handler never runs. A body up to kDrainBytes over
    // the limit is read and dropped first, so that a client still sending it reads the 413
    // instead of a connection reset, and may send its next request on the same connection; a
    // larger one stays unread and the connection is closed after the answer.
    const auto length = static_cast<std::uint64_t>(x.in.getContentLength64());
    if (length <= limit + kDrainBytes) {
      x.in.stream().ignore(static_cast<std::streamsize>(length));
      if (static_cast<std::uint64_t>(x.in.stream().gcount()) == length) x.body_pending = false;
    }
    throw too_large(limit);
  }
  if (x.body_pending) {
    std::optional<std::string> body;
    try {
      body = read_body(x.in.stream(), limit);
    } catch (...) {
      throw sdk::Problem(
          400, "bad-request",
          "The request body could not be read: " + describe_exception(std::current_exception()));
    }
    if (!body) throw too_large(limit);
    if (x.in.hasContentLength() &&
        body->size() != static_cast<std::uint64_t>(x.in.getContentLength64())) {
      // The client closed the connection early; Poco's stream reports that as a short body.
      throw sdk::Problem(400, "bad-request",
                         "The request body is shorter than its Content-Length.");
    }
    x.body_pending = false;
    request.set_body(std::move(*body));
  }

  run_handler(route, request, x);
  if (const sdk::Principal* p = request.principal()) x.principal = *p;
}

bool has_no_body(int status, const std::string& method) {
  return status < 200 || status == 204 || status == 304 || method == "HEAD";
}

// Writes the buffered answer; returns the body bytes sent.
std::size_t send(const Exchange& x, Poco::Net::HTTPServerResponse& out) {
  const HostResponse& answer = x.answer;
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status_code()));
  for (const auto& [name, value] : answer.headers()) out.set(name, value);
  out.set("X-Request-Id", x.request_id);
  if (x.body_pending || x.chunked) out.setKeepAlive(false);
  if (has_no_body(answer.status_code(), x.in.getMethod())) {
    out.send();
    return 0;
  }
  const std::string& content = answer.content();
  out.setContentLength64(static_cast<Poco::Int64>(content.size()));
  if (!content.empty() || !answer.content_type().empty()) {
    out.setContentType(answer.content_type().empty() ? "application/octet-stream"
                                                     : answer.content_type());
  }
  std::ostream& stream = out.send();
  stream.write(content.data(), static_cast<std::streamsize>(content.size()));
  stream.flush();
  return content.size();
}

// The path as sent, for logs and the audit trail: never the query (it may carry a token), and
// for the absolute form (`http://user:secret@host/path`) never the scheme, authority or query.
std::string logged_target(const std::string& uri) {
  if (!uri.empty() && uri.front() == '/') return uri.substr(0, uri.find_first_of("?#"));
  try {
    const std::string path_etc = Poco::URI(uri).getPathEtc();
    return path_etc.substr(0, path_etc.find_first_of("?#"));
  } catch (const Poco::Exception&) {
    return "-";
  }
}

AuditRecord audit_record(const Exchange& x, const std::string& target) {
  AuditRecord r;
  r.actor_id = x.principal.id;
  r.actor_name = x.principal.name;
  r.role = x.principal.role;
  r.client_address = x.client_address;
  r.method = x.in.getMethod();
  r.route = x.pattern;
  r.target = target;
  r.status = x.answer.status_code();
  r.request_id = x.request_id;
  return r;
}

std::string observed_method(const std::string& method) {
  static const char* const known[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
  for (const char* m : known) {
    if (method == m) return method;
  }
  return "OTHER";
}

}  // namespace

RequestDispatcher::RequestDispatcher(const RouteTable& routes, Authenticator& authenticator,
                                     std::size_t max_body_bytes, bool access_log,
                                     RequestObserver observer,
                                     std::vector<std::string> trusted_proxies)
    : routes_(routes),
      authenticator_(authenticator),
      max_body_bytes_(max_body_bytes),
      access_log_(access_log),
      observer_(std::move(observer)),
      trusted_proxies_(std::move(trusted_proxies)) {}

void RequestDispatcher::handle(Poco::Net::HTTPServerRequest& request,
                               Poco::Net::HTTPServerResponse& response) noexcept {
  const auto started = std::chrono::steady_clock::now();
  try {
    Exchange x{request, request_id_for(header_value(request, "X-Request-Id")), {}};
    try {
      x.client_address =
          client_address_of(request.clientAddress().toString(),
                            header_value(request, "X-Forwarded-For"), trusted_proxies_);
      x.chunked = request.getChunkedTransferEncoding();
      x.body_pending =
          x.chunked || (request.hasContentLength() && request.getContentLength64() > 0);
      serve(x, routes_, authenticator_, max_body_bytes_, static_files_, services_);
    } catch (const sdk::Problem& problem) {
      set_problem(x.answer, problem, x.request_id);
    } catch (...) {
      // A failure of the host itself (or of the authenticator): same answer as a plugin bug.
      error_log().error("Request %s %s failed (request %s): %s", request.getMethod(),
                        request.getURI(), x.request_id,
                        describe_exception(std::current_exception()));
      set_problem(x.answer, internal_problem(x.request_id), x.request_id);
    }

    const std::string target = logged_target(request.getURI());
    if (audit_ && is_write_method(request.getMethod())) {
      try {
        audit_(audit_record(x, target));
      } catch (...) {
        error_log().error("Could not record the audit row of %s %s (request %s): %s",
                          request.getMethod(), x.pattern, x.request_id,
                          describe_exception(std::current_exception()));
      }
    }

    std::size_t bytes = 0;
    try {
      bytes = send(x, response);
    } catch (...) {
      // Usually the client went away; nothing left to answer.
      error_log().notice("Could not send the answer to request %s: %s", x.request_id,
                         describe_exception(std::current_exception()));
    }

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const int status = x.answer.status_code();
    if (access_log_) {
      std::ostringstream line;
      line.precision(3);
      line << std::fixed << request.getMethod() << ' ' << target << ' ' << status << ' ' << bytes
           << ' ' << seconds * 1000.0 << "ms " << x.request_id << ' ' << x.principal.id;
      access_log().information(line.str());
    }
    if (observer_) observer_(observed_method(request.getMethod()), x.pattern, status, seconds);
  } catch (...) {
    // Logging, the observer or memory failed; Poco must still not see an exception.
    try {
      error_log().critical("Request handling failed: %s",
                           describe_exception(std::current_exception()));
    } catch (...) {
    }
  }
}

}  // namespace hisx::host
