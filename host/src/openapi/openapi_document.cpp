#include "openapi/openapi_document.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cctype>
#include <typeinfo>

#include "hisx/patient_access.h"
#include "hisx/roles.h"

namespace hisx::host {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr schema_ref(const std::string& target) {
  auto o = object();
  o->set("$ref", target);
  return o;
}

Object::Ptr parsed_schema(const std::string& text) {
  if (text.empty()) return nullptr;
  try {
    auto value = Poco::JSON::Parser().parse(text);
    if (value.type() == typeid(Object::Ptr)) return value.extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
  }
  return nullptr;
}

Object::Ptr json_content(const Object::Ptr& schema, const char* media_type = "application/json") {
  auto media = object();
  media->set("schema", schema);
  auto content = object();
  content->set(media_type, media);
  return content;
}

std::vector<std::string> path_parameters(const std::string& pattern) {
  std::vector<std::string> names;
  std::size_t open = pattern.find('{');
  while (open != std::string::npos) {
    const std::size_t close = pattern.find('}', open);
    if (close == std::string::npos) break;
    names.push_back(pattern.substr(open + 1, close - open - 1));
    open = pattern.find('{', close);
  }
  return names;
}

// The standard problem answers, shared through components.responses.
struct ProblemAnswer {
  const char* status;
  const char* name;
  const char* description;
};
constexpr ProblemAnswer kProblems[] = {
    {"400", "BadRequest", "The body is not the JSON object the route expects"},
    {"401", "Unauthorized", "No credential, or an unknown, revoked or expired one"},
    {"403", "Forbidden", "The caller's role may not use this route"},
    {"404", "NotFound", "No such resource"},
    {"422", "Invalid", "A parameter or field is invalid; `field` names it"},
    {"500", "Internal", "A bug; the detail gives the request id to look up in the log"},
};

Object::Ptr problem_schema() {
  auto string_type = [] {
    auto o = object();
    o->set("type", "string");
    return o;
  };
  auto properties = object();
  auto type = string_type();
  type->set("description", "urn:hisx:problem:<type>, stable");
  properties->set("type", type);
  properties->set("title", string_type());
  auto status = object();
  status->set("type", "integer");
  properties->set("status", status);
  auto detail = string_type();
  detail->set("description", "What went wrong, in English (and Vietnamese where staff read it)");
  properties->set("detail", detail);
  auto field = string_type();
  field->set("description", "The parameter or field at fault, if any");
  properties->set("field", field);
  properties->set("request_id", string_type());
  auto schema = object();
  schema->set("type", "object");
  Array::Ptr required = new Array;
  for (const char* name : {"type", "title", "status", "detail", "request_id"}) required->add(name);
  schema->set("required", required);
  schema->set("properties", properties);
  return schema;
}

Object::Ptr components() {
  auto schemas = object();
  schemas->set("Problem", problem_schema());
  auto responses = object();
  for (const auto& p : kProblems) {
    auto response = object();
    response->set("description", p.description);
    response->set("content", json_content(schema_ref("#/components/schemas/Problem"),
                                          "application/problem+json"));
    responses->set(p.name, response);
  }
  auto bearer = object();
  bearer->set("type", "http");
  bearer->set("scheme", "bearer");
  bearer->set("description", "An API key (`hisx apikey create`) or a staff session token");
  auto security_schemes = object();
  security_schemes->set("bearer", bearer);
  auto out = object();
  out->set("schemas", schemas);
  out->set("responses", responses);
  out->set("securitySchemes", security_schemes);
  return out;
}

Object::Ptr parameter(const std::string& name, const char* in, bool required,
                      const std::string& type, const std::string& description) {
  auto schema = object();
  schema->set("type", type);
  auto p = object();
  p->set("name", name);
  p->set("in", in);
  p->set("required", required);
  if (!description.empty()) p->set("description", description);
  p->set("schema", schema);
  return p;
}

Object::Ptr operation(const RegisteredRoute& registered) {
  const sdk::Route& route = registered.route;
  auto op = object();
  if (!route.summary.empty()) op->set("summary", route.summary);
  Array::Ptr tags = new Array;
  tags->add(registered.owner);
  op->set("tags", tags);

  Array::Ptr parameters = new Array;
  const auto in_path = path_parameters(route.pattern);
  for (const auto& name : in_path) parameters->add(parameter(name, "path", true, "string", {}));
  for (const auto& q : route.query_params) {
    parameters->add(parameter(q.name, "query", q.required, q.type, q.description));
  }
  // The app's backend names the app account it acts for while app_link is enabled (api.md).
  if (registered.owner != "host" &&
      std::find(route.roles.begin(), route.roles.end(), sdk::roles::kApp) != route.roles.end()) {
    parameters->add(parameter(sdk::kAppAccountHeader, "header", false, "string",
                              "The app account the app acts for (role app): required while a "
                              "plugin publishes PatientAccess (app_link), else ignored"));
  }
  if (parameters->size() > 0) op->set("parameters", parameters);

  const auto request_schema = parsed_schema(route.request_schema);
  if (request_schema) {
    auto body = object();
    body->set("required", true);
    body->set("content", json_content(request_schema));
    op->set("requestBody", body);
  }

  auto responses = object();
  auto success = object();
  success->set("description", "Success");
  if (auto schema = parsed_schema(route.response_schema)) {
    success->set("content", json_content(schema));
  }
  // A GET answers 200; a write may answer 200, 201, 202 or 204 and the route does not say.
  responses->set(route.method == "GET" ? "200" : "2XX", success);
  auto problem = [&](const char* status) {
    for (const auto& p : kProblems) {
      if (std::string(p.status) == status) {
        responses->set(status, schema_ref(std::string("#/components/responses/") + p.name));
      }
    }
  };
  if (request_schema) problem("400");
  if (!route.is_public) {
    problem("401");
    problem("403");
  }
  if (!in_path.empty()) problem("404");
  if (request_schema || !route.query_params.empty() || !in_path.empty()) problem("422");
  problem("500");
  op->set("responses", responses);

  Array::Ptr security = new Array;
  if (!route.is_public) {
    auto requirement = object();
    requirement->set("bearer", Array::Ptr(new Array));
    security->add(requirement);
  }
  op->set("security", security);
  Array::Ptr roles = new Array;
  for (const auto& role : route.roles) roles->add(role);
  op->set("x-roles", roles);
  if (!route.device_scopes.empty()) {
    Array::Ptr scopes = new Array;
    for (const auto& scope : route.device_scopes) scopes->add(scope);
    op->set("x-device-scopes", scopes);  // device credentials admitted
  }
  if (route.max_body_bytes > 0) {
    op->set("x-max-body-bytes", static_cast<Poco::UInt64>(route.max_body_bytes));
  }
  op->set("x-owner", registered.owner);
  return op;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

Poco::JSON::Object::Ptr openapi_document(const std::vector<RegisteredRoute>& routes,
                                         const std::string& version) {
  auto info = object();
  info->set("title", "hisx");
  info->set("version", version);
  info->set("description",
            "The routes of the hisx host and of the plugins enabled on this server. Errors are "
            "RFC 9457 problem documents (application/problem+json).");
  auto paths = object();
  for (const auto& r : routes) {
    if (!paths->has(r.route.pattern)) paths->set(r.route.pattern, object());
    paths->getObject(r.route.pattern)->set(lower(r.route.method), operation(r));
  }
  auto doc = object();
  doc->set("openapi", "3.0.3");
  doc->set("info", info);
  doc->set("paths", paths);
  doc->set("components", components());
  return doc;
}

}  // namespace hisx::host
