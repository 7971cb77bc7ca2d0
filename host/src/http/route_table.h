#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "hisx/http.h"

namespace hisx::host {

/// The largest Route::max_body_bytes a route may ask for: bodies are held in memory.
inline constexpr std::size_t kMaxRouteBodyBytes = 64u << 20;

/// A route together with who registered it: a plugin's name, or "host" for the host's own.
struct RegisteredRoute {
  std::string owner;  ///< Plugin name or "host"; named in error logs.
  sdk::Route route;   ///< The route as registered.
};

/// What a method and path resolve to.
struct RouteMatch {
  enum class Outcome { found, method_not_allowed, not_found };

  Outcome outcome = Outcome::not_found;
  /// The matched route (outcome found); shared so that it stays valid whatever the table does.
  std::shared_ptr<const RegisteredRoute> route;
  /// Decoded `{name}` values of the matched pattern (outcome found).
  std::map<std::string, std::string> params;
  /// Methods the path accepts, sorted (outcome method_not_allowed).
  std::vector<std::string> allowed_methods;
};

/// Every route the host serves, from the host and from each plugin. Routes are added during
/// start-up; matching happens on every request from many threads.
class RouteTable {
 public:
  /// Adds `route` under `owner`. Throws std::invalid_argument when the method is not one of
  /// GET POST PUT PATCH DELETE, the pattern is malformed (must start with '/', segments are
  /// literal or `{name}`), the handler is empty, a request or response schema is not a JSON
  /// object, a query parameter has no name, a repeated name or a type other than string,
  /// integer, number or boolean, the roles name "device", a device scope is not
  /// "<owner>.<name>" (or repeats, or stands on a public route), max_body_bytes is over
  /// kMaxRouteBodyBytes, or the method and pattern (parameter names aside) are already taken;
  /// the message names both owners.
  void add(std::string owner, sdk::Route route);

  /// Resolves a request. `path` is the raw (still percent-encoded) path without query, so
  /// that an encoded '/' inside a parameter does not split it. Literal segments win over
  /// `{param}` segments, leftmost first.
  RouteMatch match(const std::string& method, const std::string& path) const;

  /// A copy of every route, in registration order (for the API description and checks).
  std::vector<RegisteredRoute> routes() const;

 private:
  struct Segment {
    bool is_param = false;
    std::string text;  ///< The literal, or the parameter name.
  };
  struct Entry {
    std::shared_ptr<const RegisteredRoute> route;
    std::vector<Segment> segments;
  };

  mutable std::shared_mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace hisx::host
