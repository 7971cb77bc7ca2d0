#include "auth/device_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"

namespace hisx::host {

namespace {

Poco::JSON::Array::Ptr array_of(const std::vector<std::string>& items) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& item : items) out->add(item);
  return out;
}

Poco::Dynamic::Var text_or_null(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

std::vector<std::string> names_of(const std::vector<sdk::DeviceScope>& scopes) {
  std::vector<std::string> out;
  for (const auto& s : scopes) out.push_back(s.name);
  return out;
}

void create(DeviceStore& devices, const DeviceScopeList& known, sdk::Request& req,
            sdk::Response& res) {
  const auto body = req.json();
  const std::string name = sdk::json_text(body, "name", 100);
  if (!body->has("scopes") || !body->isArray("scopes")) {
    throw sdk::Problem::invalid("scopes",
                                "scopes must be a list of device scopes, e.g. "
                                "[\"fast_lane.board\"] / scopes phải là danh sách phạm vi");
  }
  const std::vector<std::string> scopes = sdk::json_strings(body, "scopes", {});
  NewDevice created;
  try {
    created = devices.create(name, scopes, names_of(known()));
  } catch (const std::invalid_argument& e) {
    throw sdk::Problem::invalid("scopes", e.what());  // the name was checked above
  }
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("id", created.id);
  out->set("name", name);
  out->set("scopes", array_of(scopes));
  out->set("token", created.token);
  res.status(201);
  res.header("Cache-Control", "no-store");
  res.json(out);
}

void list(DeviceStore& devices, sdk::Response& res) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& d : devices.list()) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("id", d.id);
    item->set("name", d.name);
    item->set("scopes", array_of(d.scopes));
    item->set("prefix", "hisxdev_" + d.prefix + "_…");
    item->set("created_at", d.created_at);
    item->set("revoked_at", text_or_null(d.revoked_at));
    item->set("last_seen_at", text_or_null(d.last_seen_at));
    out->add(item);
  }
  res.json(out);
}

void revoke(DeviceStore& devices, sdk::Request& req, sdk::Response& res) {
  const long long id = sdk::path_id(req);
  if (!devices.revoke(id)) {
    throw sdk::Problem::not_found("No valid device credential " + std::to_string(id) +
                                  " / Không có thiết bị " + std::to_string(id) + " đang hiệu lực");
  }
  res.status(204);
}

void scope_list(const DeviceScopeList& known, sdk::Response& res) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& s : known()) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    item->set("name", s.name);
    item->set("description", s.description);
    item->set("plugin", s.name.substr(0, s.name.find('.')));
    out->add(item);
  }
  res.json(out);
}

}  // namespace

void add_device_routes(RouteTable& routes, DeviceStore& devices, DeviceScopeList scopes) {
  const std::vector<std::string> admin = {std::string(sdk::roles::kAdmin)};
  sdk::Route create_route{
      "POST", "/api/v1/host/devices", admin,
      [&devices, scopes](sdk::Request& req, sdk::Response& res) {
        create(devices, scopes, req, res);
      },
      "Creates a device credential (a waiting-room board, a ticket kiosk); its token is shown "
      "once"};
  create_route.request_schema =
      R"({"type":"object","required":["name","scopes"],"properties":{)"
      R"("name":{"type":"string","minLength":1,"maxLength":100},)"
      R"("scopes":{"type":"array","minItems":1,"maxItems":20,"items":{"type":"string"}}}})";
  create_route.response_schema =
      R"({"type":"object","required":["id","name","scopes","token"],"properties":{)"
      R"("id":{"type":"integer"},"name":{"type":"string"},)"
      R"("scopes":{"type":"array","items":{"type":"string"}},)"
      R"("token":{"type":"string","description":"the Bearer token, shown this once"}}})";
  routes.add("host", create_route);

  sdk::Route list_route{"GET", "/api/v1/host/devices", admin,
                        [&devices](sdk::Request&, sdk::Response& res) { list(devices, res); },
                        "Every device credential, newest first (never its token)"};
  list_route.response_schema = R"({"type":"array","items":{"type":"object","required":)"
                               R"(["id","name","scopes","prefix","created_at"]}})";
  routes.add("host", list_route);

  routes.add("host",
             {"DELETE", "/api/v1/host/devices/{id}", admin,
              [&devices](sdk::Request& req, sdk::Response& res) { revoke(devices, req, res); },
              "Revokes a device credential: refused at once on every host"});

  sdk::Route scopes_route{"GET", "/api/v1/host/device-scopes", admin,
                          [scopes](sdk::Request&, sdk::Response& res) { scope_list(scopes, res); },
                          "The device scopes the enabled plugins define"};
  scopes_route.response_schema = R"({"type":"array","items":{"type":"object","required":)"
                                 R"(["name","description","plugin"]}})";
  routes.add("host", scopes_route);
}

}  // namespace hisx::host
