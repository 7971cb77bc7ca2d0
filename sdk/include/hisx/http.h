#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// Who is calling: resolved by the host from the `Authorization: Bearer` credential.
struct Principal {
  std::string id;    ///< Stable identifier: "apikey:7" for a key, "user:3" for a staff user.
  std::string name;  ///< Human name of the key or user.
  std::string role;  ///< One role (see hisx/roles.h or a plugin-defined role).
  /// The device scopes of a device credential (role "device"), e.g. "fast_lane.board"; empty
  /// for every other caller. Since 2.0.
  std::vector<std::string> scopes{};
};

/// An HTTP request as a route handler sees it. The host owns it for the handler's duration.
class HISX_SDK_API Request {
 public:
  virtual ~Request();
  virtual const std::string& method() const = 0;  ///< "GET", "POST", …
  virtual const std::string& path() const = 0;    ///< Decoded path without query.
  /// Value of a `{name}` parameter of the route pattern; throws if the route has none.
  virtual const std::string& param(const std::string& name) const = 0;
  /// First value of a query-string parameter, if present.
  virtual std::optional<std::string> query(const std::string& name) const = 0;
  /// Value of a header (case-insensitive), if present.
  virtual std::optional<std::string> header(const std::string& name) const = 0;
  /// The raw body (already bounded by the route's size limit, Route::max_body_bytes).
  virtual const std::string& body() const = 0;
  /// The body parsed as a JSON object; throws a 400 Problem when it is not one.
  virtual Poco::JSON::Object::Ptr json() const = 0;
  /// The authenticated caller; null only on public routes.
  virtual const Principal* principal() const = 0;
  /// The request id (also sent back as `X-Request-Id`).
  virtual const std::string& request_id() const = 0;
  /// The client's IP address, without port: the socket peer, or, when the peer is one of
  /// `http.trusted_proxies` (nginx on the same machine by default), the address it forwarded in
  /// X-Forwarded-For. Use it for rate limits and records; never trust X-Forwarded-For yourself.
  virtual std::string client_address() const = 0;
  /// Every value of a query-string parameter, in request order (empty when absent), for
  /// parameters that may repeat, such as `date=ge2026-01-01&date=lt2026-02-01`. Since 1.1.
  virtual std::vector<std::string> query_all(const std::string& name) const = 0;
};

/// The answer a route handler builds. Nothing is sent until the handler returns.
class HISX_SDK_API Response {
 public:
  virtual ~Response();
  virtual void status(int code) = 0;  ///< HTTP status; default 200.
  virtual void header(const std::string& name, const std::string& value) = 0;  ///< Sets a header.
  /// Sends `value` (object, array or scalar) as `application/json`.
  virtual void json(const Poco::Dynamic::Var& value) = 0;
  /// Sends a body with the given content type.
  virtual void body(std::string content, std::string content_type) = 0;
};

/// A route handler. Throw Problem for expected refusals; anything else becomes a 500.
using Handler = std::function<void(Request&, Response&)>;

/// A query parameter of a route, for the API description.
struct QueryParam {
  std::string name;             ///< e.g. "limit".
  std::string type = "string";  ///< JSON Schema type: "string", "integer", "number", "boolean".
  bool required = false;        ///< Whether the route refuses requests without it.
  std::string description;      ///< One line.
};

/// One route a plugin offers.
struct Route {
  std::string method;              ///< "GET", "POST", "PUT", "PATCH" or "DELETE".
  std::string pattern;             ///< e.g. "/api/v1/his/patients/{id}".
  std::vector<std::string> roles;  ///< Roles admitted; empty means nobody (deny by default).
  Handler handler;                 ///< Called for a matching, authorised request.
  std::string summary;             ///< One line for the API description.
  bool is_public = false;          ///< No credential needed (health checks only).
  std::vector<QueryParam> query_params{};  ///< Query parameters, for the API description.
  std::string request_schema{};            ///< JSON Schema (text) of the request body; empty: none.
  std::string response_schema{};  ///< JSON Schema (text) of the success body; empty: any JSON.
  /// The largest request body accepted, in bytes: 0 is the host's `http.max_body_bytes`; more
  /// (up to 64 MiB, bodies are held in memory) for an upload route. A larger body is answered
  /// with 413 before the handler runs. Since 2.0.
  std::size_t max_body_bytes = 0;
  /// Device scopes admitted besides `roles`: a device credential (a waiting-room board, a
  /// ticket kiosk) is admitted only to routes that name one of its scopes, and to no other.
  /// Each is "<plugin>.<name>" and declared in the plugin's manifest (`device_scopes`). Since
  /// 2.0.
  std::vector<std::string> device_scopes{};
};

/// Where a plugin registers its routes during start().
class HISX_SDK_API Router {
 public:
  virtual ~Router();
  /// Adds a route; throws std::invalid_argument if the method and pattern are taken or the
  /// pattern is malformed.
  virtual void add(Route route) = 0;
};

}  // namespace hisx::sdk
