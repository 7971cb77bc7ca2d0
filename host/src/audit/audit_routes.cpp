#include "audit/audit_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <charconv>

#include "audit/audit_log.h"
#include "audit/audit_time.h"
#include "hisx/problem.h"
#include "hisx/roles.h"
#include "http/route_table.h"

namespace hisx::host {

namespace {

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 1000;

const char* const kResponseSchema = R"({
  "type": "object",
  "required": ["items", "count"],
  "properties": {
    "count": {"type": "integer"},
    "items": {"type": "array", "items": {
      "type": "object",
      "properties": {
        "id": {"type": "integer"},
        "at": {"type": "string", "description": "UTC, microseconds"},
        "actor": {"type": "string", "description": "user:N, apikey:N, or - when unknown"},
        "actor_name": {"type": "string"},
        "role": {"type": "string"},
        "address": {"type": "string"},
        "method": {"type": "string"},
        "route": {"type": "string"},
        "target": {"type": "string"},
        "status": {"type": "integer"},
        "outcome": {"type": "string", "enum": ["success", "refused", "error"]},
        "request_id": {"type": "string"}
      }
    }}
  }
})";

std::optional<std::string> time_bound(const sdk::Request& req, const std::string& name) {
  auto text = req.query(name);
  if (!text) return std::nullopt;
  auto bound = audit_time_bound(*text);
  if (!bound) {
    throw sdk::Problem::invalid(
        name,
        "Expected a UTC time such as 2024-05-01T08:00:00Z or a day such as 2024-05-01 / "
        "Cần thời điểm UTC như 2024-05-01T08:00:00Z hoặc ngày như 2024-05-01");
  }
  return bound;
}

int limit_of(const sdk::Request& req) {
  auto text = req.query("limit");
  if (!text) return kDefaultLimit;
  int value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < 1 || value > kMaxLimit) {
    throw sdk::Problem::invalid("limit",
                                "Expected a whole number from 1 to " + std::to_string(kMaxLimit) +
                                    " / Cần một số nguyên từ 1 đến " + std::to_string(kMaxLimit));
  }
  return value;
}

Poco::JSON::Object::Ptr to_json(const AuditEntry& e) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", e.id);
  o->set("at", e.at);
  o->set("actor", e.actor_id);
  o->set("actor_name", e.actor_name);
  o->set("role", e.role);
  o->set("address", e.address);
  o->set("method", e.method);
  o->set("route", e.route);
  o->set("target", e.target);
  o->set("status", e.status);
  o->set("outcome", e.outcome);
  o->set("request_id", e.request_id);
  return o;
}

}  // namespace

void add_audit_routes(RouteTable& routes, AuditLog& log) {
  sdk::Route route{"GET",
                   "/api/v1/audit",
                   {std::string(sdk::roles::kAdmin)},
                   [&log](sdk::Request& req, sdk::Response& res) {
                     AuditQuery query;
                     query.from = time_bound(req, "from");
                     query.to = time_bound(req, "to");
                     if (query.from && query.to && *query.to < *query.from) {
                       throw sdk::Problem::invalid("to",
                                                   "'to' is before 'from' / 'to' sớm hơn 'from'");
                     }
                     query.actor = req.query("actor");
                     query.target = req.query("target");
                     query.limit = limit_of(req);
                     Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                     for (const auto& entry : log.find(query)) items->add(to_json(entry));
                     Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                     body->set("items", items);
                     body->set("count", static_cast<int>(items->size()));
                     res.json(body);
                   },
                   "The audit trail of writes, newest first"};
  route.query_params = {
      {"from", "string", false, "Earliest time, inclusive: 2024-05-01T08:00:00Z or 2024-05-01"},
      {"to", "string", false, "Latest time, exclusive: 2024-05-02T00:00:00Z or 2024-05-02"},
      {"actor", "string", false, "Exact actor: user:3, apikey:7, or - for unknown callers"},
      {"target", "string", false, "Path prefix, e.g. /api/v1/appointments"},
      {"limit", "integer", false, "Rows at most, 1-1000 (default 100)"},
  };
  route.response_schema = kResponseSchema;
  routes.add("host", std::move(route));
}

}  // namespace hisx::host
