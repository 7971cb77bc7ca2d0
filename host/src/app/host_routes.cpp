#include "app/host_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "app/host.h"
#include "hisx/problem.h"
#include "hisx/roles.h"

namespace hisx::host {

namespace {

std::string sdk_version(const sdk::AbiStamp& s) {
  return std::to_string(s.sdk_major) + "." + std::to_string(s.sdk_minor);
}

}  // namespace

void add_host_routes(Host& host) {
  auto& routes = host.routes();
  sdk::Route healthz{"GET",
                     "/healthz",
                     {},
                     [](sdk::Request&, sdk::Response& res) {
                       Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                       body->set("status", "ok");
                       res.json(body);
                     },
                     "Liveness: the process serves HTTP"};
  healthz.is_public = true;
  routes.add("host", healthz);

  sdk::Route readyz{"GET",
                    "/readyz",
                    {},
                    [&host](sdk::Request&, sdk::Response& res) {
                      Poco::JSON::Object::Ptr dbs = new Poco::JSON::Object;
                      std::string his_error, store_error;
                      const bool his_ok = host.his().ping(&his_error);
                      const bool store_ok = host.store().ping(&store_error);
                      dbs->set("his", his_ok ? "ok" : "unreachable");
                      dbs->set("store", store_ok ? "ok" : "unreachable");
                      if (!his_ok || !store_ok) {
                        throw sdk::Problem(
                            503, "unavailable",
                            "A database is unreachable: " + (his_ok ? store_error : his_error));
                      }
                      Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                      body->set("status", "ready");
                      body->set("databases", dbs);
                      res.json(body);
                    },
                    "Readiness: both databases answer"};
  readyz.is_public = true;
  routes.add("host", readyz);

  routes.add("host", {"GET",
                      "/api/v1/host/plugins",
                      {std::string(sdk::roles::kAdmin), std::string(sdk::roles::kManager)},
                      [&host](sdk::Request&, sdk::Response& res) {
                        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
                        for (const auto& p : host.plugins().plugins()) {
                          Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
                          item->set("name", p.name);
                          item->set("version", p.manifest.version);
                          item->set("description", p.manifest.description);
                          item->set("sdk_version", sdk_version(p.stamp));
                          item->set("state", to_string(p.state));
                          Poco::JSON::Array::Ptr requires_plugins = new Poco::JSON::Array;
                          for (const auto& r : p.manifest.requires_plugins)
                            requires_plugins->add(r);
                          item->set("requires", requires_plugins);
                          Poco::JSON::Array::Ptr services = new Poco::JSON::Array;
                          for (const auto& s : host.services().list()) {
                            if (s.provider != p.name) continue;
                            Poco::JSON::Object::Ptr service = new Poco::JSON::Object;
                            service->set("name", s.name);
                            service->set("version", s.version);
                            services->add(service);
                          }
                          item->set("services", services);
                          Poco::JSON::Array::Ptr statements = new Poco::JSON::Array;
                          for (const auto& d : p.his_statements) {
                            Poco::JSON::Object::Ptr statement = new Poco::JSON::Object;
                            statement->set("name", d.spec.name);
                            statement->set("kind", d.spec.kind == sdk::StatementKind::kQuery
                                                       ? "query"
                                                       : "command");
                            statement->set("required", d.required);
                            statement->set("defined", host.his_profile() != nullptr &&
                                                          host.his_profile()->has(d.spec.name));
                            statements->add(statement);
                          }
                          item->set("his_statements", statements);
                          // Secrets show where they come from, never their value.
                          Poco::JSON::Object::Ptr settings = new Poco::JSON::Object;
                          if (const auto* s = host.settings_of(p.name)) {
                            for (const auto& [key, text] : s->redacted()) settings->set(key, text);
                          }
                          item->set("settings", settings);
                          list->add(item);
                        }
                        Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                        body->set("host_sdk_version", sdk_version(sdk::current_abi_stamp()));
                        body->set("plugins", list);
                        res.json(body);
                      },
                      "The loaded plugins: name, version, SDK version, state, services, the HIS "
                      "statements each needs or uses, settings (secrets redacted)"});

  // Every registered route with the roles it admits: for administrators auditing access, and
  // for the test that walks the whole table proving deny-by-default.
  sdk::Route route_list{"GET",
                        "/api/v1/host/routes",
                        {std::string(sdk::roles::kAdmin)},
                        [&host](sdk::Request&, sdk::Response& res) {
                          Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
                          for (const auto& r : host.routes().routes()) {
                            Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
                            item->set("method", r.route.method);
                            item->set("pattern", r.route.pattern);
                            item->set("owner", r.owner);
                            Poco::JSON::Array::Ptr roles = new Poco::JSON::Array;
                            for (const auto& role : r.route.roles) roles->add(role);
                            item->set("roles", roles);
                            Poco::JSON::Array::Ptr scopes = new Poco::JSON::Array;
                            for (const auto& scope : r.route.device_scopes) scopes->add(scope);
                            item->set("device_scopes", scopes);
                            item->set("public", r.route.is_public);
                            list->add(item);
                          }
                          res.json(list);
                        },
                        "Every route: method, pattern, owner, roles and device scopes admitted, "
                        "public"};
  route_list.response_schema =
      R"({"type":"array","items":{"type":"object","required":["method","pattern","owner",)"
      R"("roles","device_scopes","public"]}})";
  routes.add("host", route_list);
}

}  // namespace hisx::host
