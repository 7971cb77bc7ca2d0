// Deny by default, proven on the whole route table: the real server with every plugin that
// can be enabled, every route it registered, asked without a credential, with a key of every
// role and with a device credential of every device scope. A route admits exactly the roles
// and device scopes it names, a revoked device credential nowhere, and only the few routes
// meant to be public answer without a credential.
#include <gmock/gmock.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "hisx/roles.h"
#include "integration_support.h"

namespace hisx::test::integration {
namespace {

struct ListedRoute {
  std::string method;
  std::string pattern;
  std::string owner;
  std::set<std::string> roles;
  std::set<std::string> device_scopes;
  bool is_public = false;
};

std::vector<ListedRoute> listed_routes(const HostProcess& host, const std::string& admin_key) {
  HttpResult r = host.client().get("/api/v1/host/routes", admin_key);
  EXPECT_EQ(r.status, 200) << r.body;
  std::vector<ListedRoute> out;
  if (r.status != 200) return out;
  auto list = r.json_array();
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto item = list->getObject(static_cast<unsigned>(i));
    ListedRoute route;
    route.method = item->getValue<std::string>("method");
    route.pattern = item->getValue<std::string>("pattern");
    route.owner = item->getValue<std::string>("owner");
    route.is_public = item->getValue<bool>("public");
    auto roles = item->getArray("roles");
    for (std::size_t j = 0; j < roles->size(); ++j) {
      route.roles.insert(roles->getElement<std::string>(static_cast<unsigned>(j)));
    }
    auto scopes = item->getArray("device_scopes");
    for (std::size_t j = 0; j < scopes->size(); ++j) {
      route.device_scopes.insert(scopes->getElement<std::string>(static_cast<unsigned>(j)));
    }
    out.push_back(route);
  }
  return out;
}

// The pattern with every `{param}` replaced by "1".
std::string concrete_path(const std::string& pattern) {
  return std::regex_replace(pattern, std::regex("\\{[^}/]*\\}"), "1");
}

HttpResult call(const HostProcess& host, const ListedRoute& route, const std::string& key) {
  std::map<std::string, std::string> headers;
  std::string body;
  if (route.method == "POST" || route.method == "PUT" || route.method == "PATCH") {
    body = "{}";
    headers["Content-Type"] = "application/json";
  }
  if (!key.empty()) headers["Authorization"] = "Bearer " + key;
  return host.client().request(route.method, concrete_path(route.pattern), body, headers);
}

TEST(DenyByDefault, EveryRouteAdmitsExactlyTheRolesItNames) {
  HostProcess host(
      host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, appointments, good]"}));
  host.start();
  // A key nobody uses takes id 1, so that a route acting on "{id}" = 1 touches no test key.
  create_key(host, "admin", "decoy");
  const std::string admin = create_key(host, "admin", "deny-admin");
  ASSERT_FALSE(admin.empty());
  const std::vector<ListedRoute> routes = listed_routes(host, admin);
  ASSERT_FALSE(routes.empty());

  // Both plugins registered routes, and the host its own.
  std::set<std::string> owners;
  for (const auto& r : routes) owners.insert(r.owner);
  EXPECT_THAT(owners, ::testing::IsSupersetOf({"host", "his", "appointments", "good"}));

  // Only these answer without a credential. /metrics (Prometheus scrapes without one) and
  // /api/openapi.json (the description of what exists, no data) are public by design; any
  // other public route must be added here on purpose. /fhir/r4/metadata (appointments) is the
  // FHIR counterpart of the API description: a CapabilityStatement, no data, which FHIR
  // clients read before they authenticate. The payment gateway's webhook (fast_lane) carries
  // no hisx credential: it is verified by its HMAC signature over the body instead.
  const std::set<std::string> allowed_public = {"GET /healthz",
                                                "GET /readyz",
                                                "POST /api/v1/auth/login",
                                                "GET /metrics",
                                                "GET /api/openapi.json",
                                                "GET /fhir/r4/metadata",
                                                "POST /api/v1/fast-lane/webhooks/{provider}"};
  for (const auto& r : routes) {
    if (r.is_public) {
      EXPECT_TRUE(allowed_public.count(r.method + " " + r.pattern))
          << r.method << " " << r.pattern << " (" << r.owner << ") is public";
      EXPECT_TRUE(r.roles.empty()) << r.method << " " << r.pattern;
    }
  }

  // One key per role: the built-in ones and any a route names (plugin roles).
  std::set<std::string> roles(sdk::roles::kAll.begin(), sdk::roles::kAll.end());
  for (const auto& r : routes) roles.insert(r.roles.begin(), r.roles.end());
  std::map<std::string, std::string> keys;
  for (const auto& role : roles) {
    keys[role] = role == "admin" ? admin : create_key(host, role, "deny-" + role);
    ASSERT_FALSE(keys[role].empty()) << role;
  }

  // One device credential per device scope a route names, made after a decoy (id 1, which a
  // route acting on "{id}" = 1 may revoke), and one that is revoked.
  std::set<std::string> scopes;
  for (const auto& r : routes) scopes.insert(r.device_scopes.begin(), r.device_scopes.end());
  EXPECT_TRUE(scopes.count("good.board")) << "the good fixture's board route is listed";
  ASSERT_FALSE(create_device(host, admin, "decoy", {*scopes.begin()}).empty());
  std::map<std::string, std::string> devices;
  for (const auto& scope : scopes) {
    devices[scope] = create_device(host, admin, "deny-" + scope, {scope});
    ASSERT_FALSE(devices[scope].empty()) << scope;
  }
  const std::string revoked = create_device(host, admin, "revoked", {scopes.begin(), scopes.end()});
  {
    auto list = host.client().get("/api/v1/host/devices", admin).json_array();
    const auto newest = list->getObject(0)->getValue<long long>("id");
    ASSERT_EQ(host.client()
                  .request("DELETE", "/api/v1/host/devices/" + std::to_string(newest), "",
                           {{"Authorization", "Bearer " + admin}})
                  .status,
              204);
  }

  std::vector<std::string> wrong;
  int checked = 0;
  for (const auto& r : routes) {
    if (r.is_public) continue;
    const std::string name = r.method + " " + concrete_path(r.pattern) + " (" + r.owner + ")";
    HttpResult anonymous = call(host, r, "");
    if (anonymous.status != 401) {
      wrong.push_back(name + " without a credential answered " + std::to_string(anonymous.status));
    }
    const HttpResult by_revoked = call(host, r, revoked);
    if (by_revoked.status != 401) {
      wrong.push_back(name + " with a revoked device answered " +
                      std::to_string(by_revoked.status));
    }
    for (const auto& [scope, token] : devices) {
      const HttpResult answer = call(host, r, token);
      ++checked;
      const bool admitted = r.device_scopes.count(scope) > 0;
      if (!admitted && answer.status != 403) {
        wrong.push_back(name + " as a device of " + scope + " (not listed) answered " +
                        std::to_string(answer.status) + ": " + answer.body.substr(0, 200));
      }
      if (admitted && (answer.status == 401 || answer.status == 403)) {
        wrong.push_back(name + " as a device of " + scope + " (listed) answered " +
                        std::to_string(answer.status) + ": " + answer.body.substr(0, 200));
      }
    }
    for (const auto& [role, key] : keys) {
      const HttpResult answer = call(host, r, key);
      ++checked;
      const bool admitted = r.roles.count(role) > 0;
      if (!admitted && answer.status != 403) {
        wrong.push_back(name + " as " + role + " (not listed) answered " +
                        std::to_string(answer.status) + ": " + answer.body.substr(0, 200));
      }
      if (admitted && (answer.status == 401 || answer.status == 403)) {
        wrong.push_back(name + " as " + role + " (listed) answered " +
                        std::to_string(answer.status) + ": " + answer.body.substr(0, 200));
      }
    }
  }
  EXPECT_GT(checked, 0);
  std::string report;
  for (const auto& line : wrong) report += "  " + line + "\n";
  EXPECT_TRUE(wrong.empty()) << wrong.size() << " answers break deny-by-default:\n" << report;
}

TEST(DenyByDefault, TheRouteListIsForAdministratorsOnly) {
  HostProcess host(host_options());
  host.start();
  expect_problem(host.client().get("/api/v1/host/routes"), 401, "unauthorized");
  const std::string manager = create_key(host, "manager");
  expect_problem(host.client().get("/api/v1/host/routes", manager), 403, "forbidden");
  const std::string admin = create_key(host, "admin");
  HttpResult r = host.client().get("/api/v1/host/routes", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  bool found_login = false;
  auto list = r.json_array();
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto item = list->getObject(static_cast<unsigned>(i));
    if (item->getValue<std::string>("pattern") == "/api/v1/auth/login") {
      found_login = true;
      EXPECT_EQ(item->getValue<std::string>("method"), "POST");
      EXPECT_EQ(item->getValue<std::string>("owner"), "host");
      EXPECT_TRUE(item->getValue<bool>("public"));
      EXPECT_EQ(item->getArray("roles")->size(), 0u);
    }
  }
  EXPECT_TRUE(found_login) << r.body;
}

}  // namespace
}  // namespace hisx::test::integration
