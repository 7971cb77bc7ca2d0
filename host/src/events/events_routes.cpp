#include "events/events_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "events/outbox_event_bus.h"
#include "hisx/problem.h"
#include "hisx/roles.h"

namespace hisx::host {

namespace {

constexpr int kFailuresListed = 200;

Poco::JSON::Object::Ptr failure_json(const FailureRow& f) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("event_id", f.event_id);
  o->set("event", f.event_name);
  o->set("subscriber", f.subscriber);
  o->set("state", f.dead_at.empty() ? "retrying" : "dead");
  o->set("attempts", f.attempts);
  o->set("last_error", f.last_error);
  o->set("failed_at", f.failed_at);
  if (f.dead_at.empty()) {
    o->set("next_attempt_at", f.next_attempt_at);
  } else {
    o->set("dead_at", f.dead_at);
  }
  return o;
}

std::string required_text(const Poco::JSON::Object::Ptr& body, const std::string& field) {
  if (!body->has(field) || !body->get(field).isString() ||
      body->getValue<std::string>(field).empty()) {
    throw sdk::Problem::invalid(field, "Give " + field + " as text / Nhập " + field + " dạng chữ");
  }
  return body->getValue<std::string>(field);
}

}  // namespace

void add_events_routes(sdk::Router& router, OutboxEventBus& bus) {
  router.add({"GET",
              "/api/v1/host/events",
              {std::string(sdk::roles::kAdmin), std::string(sdk::roles::kManager)},
              [&bus](sdk::Request&, sdk::Response& res) {
                Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                body->set("delivery", bus.config().delivery_paused ? "paused" : "running");
                body->set("backlog", bus.backlog());
                body->set("dead_letters", bus.dead_letters());
                Poco::JSON::Array::Ptr subscribers = new Poco::JSON::Array;
                for (const auto& s : bus.subscribers()) {
                  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                  o->set("subscriber", s.subscriber);
                  o->set("event", s.event_name);
                  o->set("since", s.since);
                  subscribers->add(o);
                }
                body->set("subscribers", subscribers);
                Poco::JSON::Array::Ptr declared = new Poco::JSON::Array;
                for (const auto& entry : bus.catalog().declared()) {
                  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                  o->set("event", entry.schema.name);
                  o->set("version", entry.schema.version);
                  o->set("declared_by", entry.owner);
                  declared->add(o);
                }
                body->set("declared", declared);
                Poco::JSON::Array::Ptr failures = new Poco::JSON::Array;
                for (const auto& f : bus.failures(kFailuresListed)) failures->add(failure_json(f));
                body->set("failures", failures);
                res.json(body);
              },
              "Event outbox: backlog, dead letters, subscribers and failing deliveries"});

  sdk::Route retry{"POST",
                   "/api/v1/host/events/retry",
                   {std::string(sdk::roles::kAdmin)},
                   [&bus](sdk::Request& req, sdk::Response& res) {
                     auto body = req.json();
                     const std::string event_id = required_text(body, "event_id");
                     const std::string subscriber = required_text(body, "subscriber");
                     if (!bus.retry(event_id, subscriber)) {
                       throw sdk::Problem::not_found(
                           "No failed delivery of event " + event_id + " to " + subscriber +
                           " / Không có lần chuyển sự kiện lỗi nào như vậy");
                     }
                     Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
                     out->set("event_id", event_id);
                     out->set("subscriber", subscriber);
                     out->set("state", "due");
                     res.json(out);
                   },
                   "Delivers a failed or dead event to a subscriber again"};
  retry.request_schema = R"({"type":"object","required":["event_id","subscriber"],"properties":{)"
                         R"("event_id":{"type":"string"},"subscriber":{"type":"string"}}})";
  router.add(retry);

  sdk::Route replay{"POST",
                    "/api/v1/host/events/replay",
                    {std::string(sdk::roles::kAdmin)},
                    [&bus](sdk::Request& req, sdk::Response& res) {
                      const std::string subscriber = required_text(req.json(), "subscriber");
                      const auto due = bus.replay(subscriber);
                      if (!due) {
                        throw sdk::Problem::not_found("No subscriber " + subscriber +
                                                      " is recorded / Không có bên nhận sự kiện " +
                                                      subscriber);
                      }
                      Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
                      out->set("subscriber", subscriber);
                      out->set("due", *due);
                      res.json(out);
                    },
                    "Delivers every retained event of a subscriber's name to it again (a rebuild)"};
  replay.request_schema = R"({"type":"object","required":["subscriber"],"properties":{)"
                          R"("subscriber":{"type":"string"}}})";
  router.add(replay);
}

}  // namespace hisx::host
