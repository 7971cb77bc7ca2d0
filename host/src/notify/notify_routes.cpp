#include "notify/notify_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

#include "hisx/problem.h"
#include "hisx/roles.h"

namespace hisx::host {

namespace {

constexpr const char* kBase = "/api/v1/host/notifications";

Poco::Dynamic::Var text_or_null(const std::string& text) {
  if (text.empty()) return Poco::Dynamic::Var();
  return text;
}

Poco::JSON::Object::Ptr to_json(const Notification& n) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", n.id);
  o->set("channel", n.channel);
  o->set("to", n.to);
  o->set("subject", n.subject);
  o->set("state", n.state);
  o->set("attempts", n.attempts);
  o->set("next_attempt_at",
         n.state == "queued" ? text_or_null(n.next_attempt_at) : Poco::Dynamic::Var());
  o->set("last_error", text_or_null(n.last_error));
  o->set("created_at", n.created_at);
  o->set("sent_at", text_or_null(n.sent_at));
  return o;
}

std::string required_text(const Poco::JSON::Object::Ptr& body, const std::string& field,
                          const std::string& vi) {
  if (!body->has(field) || !body->get(field).isString() ||
      body->getValue<std::string>(field).empty()) {
    throw sdk::Problem::invalid(field, "Give " + field + " as a non-empty string. / " + vi);
  }
  return body->getValue<std::string>(field);
}

std::string optional_text(const Poco::JSON::Object::Ptr& body, const std::string& field,
                          const std::string& fallback) {
  if (!body->has(field) || body->get(field).isEmpty()) return fallback;
  if (!body->get(field).isString()) {
    throw sdk::Problem::invalid(field,
                                field + " must be a string. / " + field + " phải là chuỗi ký tự.");
  }
  return body->getValue<std::string>(field);
}

const char* const kItemSchema =
    R"({"type": "object", "properties": {"id": {"type": "string"}, "channel": {"type": "string"},
"to": {"type": "string"}, "subject": {"type": "string"},
"state": {"type": "string", "enum": ["queued", "sending", "sent", "failed"]},
"attempts": {"type": "integer"}, "next_attempt_at": {"type": "string", "nullable": true},
"last_error": {"type": "string", "nullable": true}, "created_at": {"type": "string"},
"sent_at": {"type": "string", "nullable": true}}})";

}  // namespace

std::vector<sdk::Route> notify_routes(NotificationService& service, sdk::Database& store) {
  const std::vector<std::string> admin = {std::string(sdk::roles::kAdmin)};
  std::vector<sdk::Route> routes;

  sdk::Route one{"GET", std::string(kBase) + "/{id}", admin,
                 [&service](sdk::Request& req, sdk::Response& res) {
                   const std::string& id = req.param("id");
                   auto n = service.find(id);
                   if (!n) {
                     throw sdk::Problem::not_found("No notification with id '" + id +
                                                   "'. / Không có tin nhắn với mã '" + id + "'.");
                   }
                   res.json(to_json(*n));
                 },
                 "One notification: state, attempts, last error"};
  one.response_schema = kItemSchema;
  routes.push_back(std::move(one));

  sdk::Route list{
      "GET", kBase, admin,
      [&service](sdk::Request& req, sdk::Response& res) {
        NotificationFilter filter;
        filter.state = req.query("state").value_or("");
        if (!filter.state.empty() && filter.state != "queued" && filter.state != "sending" &&
            filter.state != "sent" && filter.state != "failed") {
          throw sdk::Problem::invalid("state",
                                      "state is one of queued, sending, sent, failed. / "
                                      "Trạng thái là queued, sending, sent hoặc failed.");
        }
        filter.channel = req.query("channel").value_or("");
        if (auto limit = req.query("limit")) {
          std::size_t used = 0;
          int value = 0;
          try {
            value = std::stoi(*limit, &used);
          } catch (const std::exception&) {
            used = 0;
          }
          if (used == 0 || used != limit->size() || value < 1 || value > 500) {
            throw sdk::Problem::invalid(
                "limit", "limit is a whole number from 1 to 500. / limit là số từ 1 đến 500.");
          }
          filter.limit = value;
        }
        Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
        for (const auto& n : service.list(filter)) items->add(to_json(n));
        Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
        body->set("items", items);
        body->set("count", static_cast<int>(items->size()));
        res.json(body);
      },
      "Recent notifications, newest first, by state and channel"};
  list.query_params = {
      {"state", "string", false, "queued, sending, sent or failed"},
      {"channel", "string", false, "a channel name, e.g. sms"},
      {"limit", "integer", false, "1 to 500, default 50"},
  };
  list.response_schema = std::string(R"({"type": "object", "properties": {"items": {"type": )"
                                     R"("array", "items": )") +
                         kItemSchema + R"(}, "count": {"type": "integer"}}})";
  routes.push_back(std::move(list));

  sdk::Route test{
      "POST", std::string(kBase) + "/test", admin,
      [&service, &store](sdk::Request& req, sdk::Response& res) {
        auto body = req.json();
        sdk::Message message;
        message.channel = required_text(body, "channel", "Nhập tên kênh (channel).");
        message.to = required_text(body, "to", "Nhập người nhận (to).");
        message.text =
            optional_text(body, "text", "Tin nhắn thử từ hisx. / Test message from hisx.");
        message.subject = optional_text(body, "subject", "hisx: tin nhắn thử / test message");
        const auto channels = service.channels();
        if (std::find(channels.begin(), channels.end(), message.channel) == channels.end()) {
          std::string names;
          for (const auto& c : channels) names += (names.empty() ? "" : ", ") + c;
          throw sdk::Problem::invalid(
              "channel", "Unknown channel '" + message.channel +
                             "'; configured: " + (names.empty() ? "none" : names) + ". / Kênh '" +
                             message.channel + "' không có trong cấu hình (notify.channels).");
        }
        std::string id;
        try {
          sdk::with_transaction(store, [&](soci::session& tx) { id = service.send(tx, message); });
        } catch (const std::invalid_argument& e) {
          throw sdk::Problem(422, "validation", e.what());
        }
        service.wake();
        Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
        out->set("id", id);
        out->set("state", "queued");
        out->set("status_url", std::string(kBase) + "/" + id);
        res.status(202);
        res.header("Location", std::string(kBase) + "/" + id);
        res.json(out);
      },
      "Queue a test message on a channel, to check its settings"};
  test.request_schema =
      R"({"type": "object", "required": ["channel", "to"], "properties": {"channel": {"type": )"
      R"("string"}, "to": {"type": "string"}, "text": {"type": "string"}, "subject": {"type": )"
      R"("string"}}})";
  test.response_schema =
      R"({"type": "object", "properties": {"id": {"type": "string"}, "state": {"type": "string"},)"
      R"( "status_url": {"type": "string"}}})";
  routes.push_back(std::move(test));
  return routes;
}

}  // namespace hisx::host
