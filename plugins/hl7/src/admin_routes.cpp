#include "admin_routes.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "message_store.h"

namespace hisx::hl7 {

namespace {

Poco::Dynamic::Var text_or_null(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::JSON::Object::Ptr to_json(const StoredMessage& m, soci::session& s, bool with_text) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", m.id);
  o->set("trigger", m.trigger);
  o->set("message_type", "SIU^" + m.trigger + "^SIU_" + m.trigger);
  o->set("control_id", m.control_id);
  o->set("event", m.event_name);
  o->set("event_id", m.event_id);
  o->set("booking_id", m.booking_id);
  o->set("booking_code", m.booking_code);
  o->set("patient_id", m.patient_id);
  o->set("state", m.state);
  o->set("attempts", m.attempts);
  o->set("ack_code", text_or_null(m.ack_code));
  o->set("last_error", text_or_null(m.last_error));
  o->set("created_at", m.created_at);
  o->set("last_attempt_at", text_or_null(m.last_attempt_at));
  o->set("next_attempt_at",
         m.state == "acked" ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.next_attempt_at));
  o->set("acked_at", text_or_null(m.acked_at));
  std::optional<long long> waiting;
  if (m.state != "acked") waiting = blocking_message(s, m.patient_id, m.id);
  o->set("waiting_for", waiting ? Poco::Dynamic::Var(*waiting) : Poco::Dynamic::Var());
  if (with_text) {
    o->set("message", m.message);
    Poco::JSON::Array::Ptr segments = new Poco::JSON::Array;
    std::size_t from = 0;
    while (from < m.message.size()) {
      const std::size_t at = m.message.find('\r', from);
      segments->add(m.message.substr(from, at == std::string::npos ? at : at - from));
      if (at == std::string::npos) break;
      from = at + 1;
    }
    o->set("segments", segments);
  }
  return o;
}

Poco::JSON::Object::Ptr endpoint_json(const Environment& env) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("configured", env.settings.has_endpoint());
  o->set("address", text_or_null(env.settings.endpoint()));
  if (!env.settings.has_endpoint()) {
    o->set("note",
           "Chưa cấu hình điểm nhận HL7 (plugins.settings.hl7.host): tin được xếp hàng, chưa gửi. "
           "/ No HL7 endpoint is set (plugins.settings.hl7.host): messages are queued, none sent.");
  }
  return o;
}

std::vector<std::string> admin_only() { return {std::string(sdk::roles::kAdmin)}; }

}  // namespace

void add_admin_routes(Environment& env, Sender& sender) {
  auto& router = env.context.router();
  router.add({"GET",
              "/api/v1/hl7/messages",
              admin_only(),
              [&env](sdk::Request& req, sdk::Response& res) {
                const std::string state = sdk::query_enum(
                    req, "state", {"", "queued", "sent", "acked", "retrying", "failed"}, "");
                const long long before = sdk::query_integer(req, "before", 1, INT64_MAX, 0);
                const int limit = static_cast<int>(sdk::query_integer(req, "limit", 1, 500, 50));
                const auto lease = env.context.store().session();
                Poco::JSON::Object::Ptr body =
                    new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                body->set("endpoint", endpoint_json(env));
                Poco::JSON::Object::Ptr counts =
                    new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                for (const std::string s : {"queued", "sent", "retrying", "failed", "acked"}) {
                  counts->set(s, 0);
                }
                for (const auto& [s, n] : count_by_state(*lease)) counts->set(s, n);
                body->set("counts", counts);
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& m : list_messages(*lease, state, before, limit)) {
                  items->add(to_json(m, *lease, false));
                }
                body->set("count", static_cast<int>(items->size()));
                body->set("items", items);
                res.json(body);
              },
              "Outgoing HL7 messages, newest first, with their state and the endpoint",
              false,
              {{"state", "string", false, "queued, sent, acked, retrying or failed"},
               {"before", "integer", false, "only messages with a smaller id (paging)"},
               {"limit", "integer", false, "1-500, default 50"}}});

  router.add({"GET", "/api/v1/hl7/messages/{id}", admin_only(),
              [&env](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const auto lease = env.context.store().session();
                const auto m = find_message(*lease, id);
                if (!m) {
                  throw sdk::Problem::not_found("No HL7 message " + std::to_string(id) +
                                                " / Không có tin HL7 số " + std::to_string(id));
                }
                res.json(to_json(*m, *lease, true));
              },
              "One outgoing HL7 message with its text and segments"});

  router.add({"POST", "/api/v1/hl7/messages/{id}/retry", admin_only(),
              [&env, &sender](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                std::optional<StoredMessage> m;
                sdk::with_transaction(env.context.store(), [&](soci::session& s) {
                  m = find_message(s, id);
                  if (!m) {
                    throw sdk::Problem::not_found("No HL7 message " + std::to_string(id) +
                                                  " / Không có tin HL7 số " + std::to_string(id));
                  }
                  if (!make_due_now(s, id, env.now_text())) {
                    throw sdk::Problem::conflict(
                        "HL7 message " + std::to_string(id) +
                        " was acknowledged already / Tin HL7 này đã được bên nhận xác nhận")
                        .with("state", m->state);
                  }
                  m = find_message(s, id);
                });
                sender.run_soon();
                const auto lease = env.context.store().session();
                res.json(to_json(*m, *lease, false));
              },
              "Send an unacknowledged HL7 message again now (a failed one included)"});
}

}  // namespace hisx::hl7
