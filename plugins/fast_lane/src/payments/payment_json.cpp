#include "payments/payment_json.h"

#include <Poco/JSON/Array.h>

namespace hisx::fast_lane {

namespace {

Poco::Dynamic::Var text_or_null(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::Dynamic::Var number_or_null(const std::optional<long long>& v) {
  return v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr line_json(const ChargeLine& l) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("line_id", l.line_id);
  o->set("service_code", text_or_null(l.service_code));
  o->set("service_name", l.service_name);
  o->set("quantity", l.quantity);
  o->set("total", l.total);
  o->set("insurance_share", l.insurance_share);
  o->set("patient_share", l.patient_share);
  return o;
}

}  // namespace

Poco::JSON::Object::Ptr payment_json(const Environment& env, const Payment& p) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", p.id);
  o->set("receipt_no", p.receipt_no);
  o->set("status", p.status);
  o->set("patient_id", p.patient_id);
  o->set("patient_code", p.patient_code);
  o->set("patient_name", p.patient_name);
  o->set("amount", p.amount);
  o->set("method", p.method);
  o->set("tendered", number_or_null(p.tendered));
  o->set("change", number_or_null(p.change));
  o->set("reference", text_or_null(p.reference));
  o->set("his_state", p.his_state);
  o->set("his_note", text_or_null(p.his_note));
  o->set("window", text_or_null(p.window_code));
  o->set("ticket_id", number_or_null(p.ticket_id));
  o->set("shift_id", number_or_null(p.shift_id));
  o->set("intent_id", number_or_null(p.intent_id));
  o->set("paid_at", p.paid_at);
  if (const auto at = sdk::parse_utc(p.paid_at)) o->set("paid_local", env.zone.format(*at));
  o->set("paid_by", p.paid_by);
  o->set("paid_by_name", p.paid_by_name);
  o->set("day", p.day);
  o->set("prints", p.prints);
  Poco::JSON::Array::Ptr charges = new Poco::JSON::Array;
  long long total = 0, insurance = 0;
  for (const auto& c : p.charges) {
    Poco::JSON::Object::Ptr co = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    co->set("charge_id", c.charge_id);
    co->set("total", c.total);
    co->set("insurance_share", c.insurance_share);
    co->set("patient_share", c.patient_share);
    charges->add(co);
    total += c.total;
    insurance += c.insurance_share;
  }
  o->set("charges", charges);
  Poco::JSON::Array::Ptr lines = new Poco::JSON::Array;
  for (const auto& l : p.lines) {
    auto lo = line_json(l.line);
    lo->set("charge_id", l.charge_id);
    lines->add(lo);
  }
  o->set("lines", lines);
  o->set("total", total);
  o->set("insurance_share", insurance);
  o->set("receipt", "/api/v1/fast-lane/payments/" + std::to_string(p.id) + "/receipt");
  return o;
}

Poco::JSON::Object::Ptr reversal_json(const Reversal& r) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("payment_id", r.payment_id);
  o->set("status", r.status);
  o->set("reason", r.reason);
  o->set("requested_by", r.requested_by);
  o->set("requested_by_name", r.requested_by_name);
  o->set("requested_at", r.requested_at);
  o->set("decided_by", text_or_null(r.decided_by));
  o->set("decided_by_name", text_or_null(r.decided_by_name));
  o->set("decided_at", text_or_null(r.decided_at));
  o->set("decision_note", text_or_null(r.decision_note));
  o->set("receipt_no", text_or_null(r.receipt_no));
  o->set("his_state", text_or_null(r.his_state));
  o->set("his_note", text_or_null(r.his_note));
  return o;
}

Poco::JSON::Object::Ptr charge_json(const Charge& c) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("charge_id", c.charge_id);
  o->set("visit_id", text_or_null(c.visit_id));
  o->set("created_at", c.created_at);
  o->set("total", c.total);
  o->set("insurance_share", c.insurance_share);
  o->set("patient_share", c.patient_share);
  Poco::JSON::Array::Ptr lines = new Poco::JSON::Array;
  for (const auto& l : c.lines) lines->add(line_json(l));
  o->set("lines", lines);
  return o;
}

}  // namespace hisx::fast_lane
