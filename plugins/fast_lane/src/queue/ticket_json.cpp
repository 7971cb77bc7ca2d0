#include "queue/ticket_json.h"

#include <algorithm>

namespace hisx::fast_lane {

namespace {

Poco::Dynamic::Var text_or_null(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::Dynamic::Var seconds_or_null(const std::string& from, const std::string& to) {
  const auto a = sdk::parse_utc(from), b = sdk::parse_utc(to);
  if (!a || !b) return {};
  return std::max<long long>(0, (*b - *a).count());
}

}  // namespace

Poco::JSON::Object::Ptr ticket_json(const Environment& env, const Ticket& t, int people_ahead) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", t.id);
  o->set("label", t.label);
  o->set("day", t.day);
  o->set("lane", std::string(to_string(t.lane)));
  o->set("lane_title", std::string(lane_title(t.lane)));
  o->set("priority_group", text_or_null(t.priority_group));
  if (const TicketGroup* g = find_ticket_group(t.priority_group)) {
    o->set("priority_group_title", std::string(g->title_vi) + " / " + std::string(g->title_en));
  } else {
    o->set("priority_group_title", Poco::Dynamic::Var());
  }
  o->set("priority", t.priority);
  o->set("source", t.source);
  o->set("patient_id", text_or_null(t.patient_id));
  o->set("booking_id", t.booking_id ? Poco::Dynamic::Var(*t.booking_id) : Poco::Dynamic::Var());
  o->set("booking_code", text_or_null(t.booking_code));
  o->set("status", t.status);
  o->set("window", text_or_null(t.window_code));
  if (people_ahead >= 0) o->set("people_ahead", people_ahead);
  o->set("issued_at", t.issued_at);
  o->set("issued_local", env.zone.format(*sdk::parse_utc(t.issued_at)));
  o->set("called_at", text_or_null(t.called_at));
  o->set("ended_at", text_or_null(t.ended_at));
  o->set("wait_seconds", seconds_or_null(t.issued_at, t.called_at));
  o->set("service_seconds", seconds_or_null(t.called_at, t.ended_at));
  o->set("calls", t.calls);
  o->set("recalls", t.recalls);
  o->set("skips", t.skips);
  o->set("transfers", t.transfers);
  return o;
}

Poco::JSON::Object::Ptr window_json(const Window& w) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("code", w.code);
  o->set("name", w.name);
  o->set("mode", std::string(to_string(w.mode)));
  o->set("fast_share", w.ratio.fast);
  o->set("regular_share", w.ratio.regular);
  o->set("active", w.active);
  o->set("updated_at", w.updated_at);
  o->set("updated_by", w.updated_by);
  return o;
}

}  // namespace hisx::fast_lane
