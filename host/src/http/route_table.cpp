#include "http/route_table.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string_view>
#include <typeinfo>

#include "hisx/roles.h"
#include "http/device_scope.h"

namespace hisx::host {
namespace {

constexpr std::array<std::string_view, 5> kMethods = {"GET", "POST", "PUT", "PATCH", "DELETE"};

// "/" has no segments; "/a/b" has two. Empty segments are kept so that "/a//b" or "/a/"
// never match a pattern, which has none.
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  if (path == "/") return out;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = path.find('/', start);
    out.push_back(
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

bool is_param_name(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool is_literal(const std::string& text) {
  return !text.empty() && std::none_of(text.begin(), text.end(), [](char c) {
    return c == '{' || c == '}' || c == '?' || c == '#' || c == '%' ||
           std::isspace(static_cast<unsigned char>(c)) ||
           std::iscntrl(static_cast<unsigned char>(c));
  });
}

std::string describe(const sdk::Route& route, const std::string& owner) {
  return route.method + " " + route.pattern + " (from '" + owner + "')";
}

// A schema the API description could not publish is a plugin bug: refused when the route is
// added (the plugin then fails to start, named), not discovered by a client later.
void check_schema(const std::string& text, const char* what, const std::string& where) {
  if (text.empty()) return;
  try {
    if (Poco::JSON::Parser().parse(text).type() == typeid(Poco::JSON::Object::Ptr)) return;
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument("Route " + where + ": " + what +
                                " is not valid JSON: " + e.displayText());
  }
  throw std::invalid_argument("Route " + where + ": " + what + " must be a JSON object");
}

void check_query_params(const std::vector<sdk::QueryParam>& params, const std::string& where) {
  static const std::set<std::string> types = {"string", "integer", "number", "boolean"};
  std::set<std::string> names;
  for (const auto& p : params) {
    if (p.name.empty())
      throw std::invalid_argument("Route " + where + ": a query parameter has no name");
    if (!names.insert(p.name).second) {
      throw std::invalid_argument("Route " + where + ": query parameter '" + p.name +
                                  "' appears twice");
    }
    if (types.count(p.type) == 0) {
      throw std::invalid_argument("Route " + where + ": query parameter '" + p.name +
                                  "' has type '" + p.type +
                                  "'; use string, integer, number or boolean");
    }
  }
}

// Who a route admits: roles, never the device role (device_scopes say which devices), and
// device scopes of the route's owner.
void check_admission(const sdk::Route& route, const std::string& owner, const std::string& where) {
  for (const auto& role : route.roles) {
    if (role == sdk::roles::kDevice) {
      throw std::invalid_argument("Route " + where +
                                  ": role 'device' cannot be listed; name the device scopes it "
                                  "admits in device_scopes");
    }
  }
  std::set<std::string> scopes;
  for (const auto& scope : route.device_scopes) {
    if (!is_device_scope_of(owner, scope)) {
      throw std::invalid_argument("Route " + where + ": device scope '" + scope + "' must be '" +
                                  owner + ".<name>' with [a-z0-9_.]");
    }
    if (!scopes.insert(scope).second) {
      throw std::invalid_argument("Route " + where + ": device scope '" + scope +
                                  "' appears twice");
    }
  }
  if (route.is_public && !route.device_scopes.empty()) {
    throw std::invalid_argument("Route " + where + " is public: it cannot name device scopes");
  }
}

void check_body_limit(const sdk::Route& route, const std::string& where) {
  if (route.max_body_bytes > kMaxRouteBodyBytes) {
    throw std::invalid_argument(
        "Route " + where + ": max_body_bytes " + std::to_string(route.max_body_bytes) +
        " is over " + std::to_string(kMaxRouteBodyBytes) + " (bodies are held in memory)");
  }
}

}  // namespace

void RouteTable::add(std::string owner, sdk::Route route) {
  const std::string where = describe(route, owner);
  if (std::find(kMethods.begin(), kMethods.end(), route.method) == kMethods.end()) {
    throw std::invalid_argument("Route " + where +
                                ": method must be one of GET, POST, PUT, PATCH, DELETE");
  }
  if (route.pattern.empty() || route.pattern.front() != '/') {
    throw std::invalid_argument("Route " + where + ": pattern must start with '/'");
  }
  if (!route.handler) throw std::invalid_argument("Route " + where + ": handler is empty");
  check_schema(route.request_schema, "request_schema", where);
  check_schema(route.response_schema, "response_schema", where);
  check_query_params(route.query_params, where);
  check_body_limit(route, where);
  check_admission(route, owner, where);

  Entry entry;
  std::set<std::string> names;
  for (const std::string& text : split_path(route.pattern)) {
    Segment segment;
    if (text.size() >= 2 && text.front() == '{' && text.back() == '}') {
      segment.is_param = true;
      segment.text = text.substr(1, text.size() - 2);
      if (!is_param_name(segment.text)) {
        throw std::invalid_argument("Route " + where + ": parameter '" + text +
                                    "' must be {name} with letters, digits and '_'");
      }
      if (!names.insert(segment.text).second) {
        throw std::invalid_argument("Route " + where + ": parameter '" + text + "' appears twice");
      }
    } else if (is_literal(text)) {
      segment.text = text;
    } else {
      throw std::invalid_argument("Route " + where + ": segment '" + text +
                                  "' is neither a literal nor {name}");
    }
    entry.segments.push_back(std::move(segment));
  }

  std::unique_lock lock(mutex_);
  for (const Entry& other : entries_) {
    if (other.route->route.method != route.method) continue;
    // Same shape (parameter names aside) would make the two routes ambiguous.
    const bool same_shape =
        std::equal(other.segments.begin(), other.segments.end(), entry.segments.begin(),
                   entry.segments.end(), [](const Segment& a, const Segment& b) {
                     return a.is_param == b.is_param && (a.is_param || a.text == b.text);
                   });
    if (same_shape) {
      throw std::invalid_argument("Route " + where + " is already registered as " +
                                  describe(other.route->route, other.route->owner));
    }
  }
  entry.route =
      std::make_shared<const RegisteredRoute>(RegisteredRoute{std::move(owner), std::move(route)});
  entries_.push_back(std::move(entry));
}

RouteMatch RouteTable::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  std::vector<std::string> segments = split_path(path);
  try {
    for (std::string& segment : segments) {
      std::string decoded;
      Poco::URI::decode(segment, decoded);
      segment = std::move(decoded);
    }
  } catch (const Poco::Exception&) {
    return result;  // Broken percent-encoding names no route.
  }

  std::shared_lock lock(mutex_);
  const Entry* best = nullptr;
  std::set<std::string> allowed;
  for (const Entry& entry : entries_) {
    if (entry.segments.size() != segments.size()) continue;
    bool matches = true;
    for (std::size_t i = 0; i < segments.size() && matches; ++i) {
      const Segment& s = entry.segments[i];
      matches = s.is_param ? !segments[i].empty() : s.text == segments[i];
    }
    if (!matches) continue;
    if (entry.route->route.method != method) {
      allowed.insert(entry.route->route.method);
      continue;
    }
    // The first segment where two candidates differ decides: a literal beats a parameter.
    if (best == nullptr) {
      best = &entry;
    } else {
      for (std::size_t i = 0; i < segments.size(); ++i) {
        if (best->segments[i].is_param != entry.segments[i].is_param) {
          if (!entry.segments[i].is_param) best = &entry;
          break;
        }
      }
    }
  }

  if (best != nullptr) {
    result.outcome = RouteMatch::Outcome::found;
    result.route = best->route;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (best->segments[i].is_param) result.params[best->segments[i].text] = segments[i];
    }
  } else if (!allowed.empty()) {
    result.outcome = RouteMatch::Outcome::method_not_allowed;
    result.allowed_methods.assign(allowed.begin(), allowed.end());
  }
  return result;
}

std::vector<RegisteredRoute> RouteTable::routes() const {
  std::shared_lock lock(mutex_);
  std::vector<RegisteredRoute> out;
  out.reserve(entries_.size());
  for (const Entry& entry : entries_) out.push_back(*entry.route);
  return out;
}

}  // namespace hisx::host
