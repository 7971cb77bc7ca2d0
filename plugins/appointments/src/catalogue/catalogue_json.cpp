#include "catalogue/catalogue_json.h"

namespace hisx::appointments {

namespace {

Poco::JSON::Object::Ptr object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

template <class Id>
Poco::Dynamic::Var nullable(const std::optional<Id>& id) {
  return id ? Poco::Dynamic::Var(*id) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr percents(const std::map<std::string, int>& values) {
  auto o = object();
  for (const auto& [channel, value] : values) o->set(channel, value);
  return o;
}

}  // namespace

Poco::JSON::Object::Ptr clinic_json(const ClinicRules& rules, const std::optional<HisClinic>& his) {
  auto o = object();
  o->set("clinic_id", rules.clinic_id);
  o->set("code", his ? Poco::Dynamic::Var(his->code) : Poco::Dynamic::Var());
  o->set("name", his ? Poco::Dynamic::Var(his->name) : Poco::Dynamic::Var());
  o->set("department_id", his ? nullable(his->department_id) : Poco::Dynamic::Var());
  Poco::JSON::Array::Ptr channels = new Poco::JSON::Array;
  for (const auto& c : rules.channels) channels->add(c);
  o->set("channels", channels);
  o->set("booking_window_days", rules.booking_window_days);
  o->set("same_day_cutoff", rules.same_day_cutoff
                                ? Poco::Dynamic::Var(format_clock(*rules.same_day_cutoff))
                                : Poco::Dynamic::Var());
  o->set("active", rules.active);
  return o;
}

Poco::JSON::Object::Ptr template_json(const ScheduleTemplate& t) {
  auto o = object();
  o->set("id", t.id);
  o->set("clinic_id", t.clinic_id);
  o->set("doctor_id", nullable(t.doctor_id));
  o->set("weekday", t.weekday);
  o->set("start", format_clock(t.start_minute));
  o->set("end", format_clock(t.end_minute));
  o->set("slot_minutes", t.slot_minutes);
  o->set("capacity", t.capacity);
  o->set("quotas", percents(t.quotas));
  o->set("quota_limits", percents(quota_limits(t.capacity, t.quotas)));
  return o;
}

Poco::JSON::Object::Ptr closure_json(const Closure& c) {
  auto o = object();
  o->set("id", c.id);
  o->set("clinic_id", nullable(c.clinic_id));
  o->set("from", format_date(c.from));
  o->set("to", format_date(c.to));
  o->set("reason", c.reason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(c.reason));
  return o;
}

Poco::JSON::Object::Ptr list_json(const Poco::JSON::Array::Ptr& items) {
  auto o = object();
  o->set("items", items);
  o->set("count", static_cast<int>(items->size()));
  return o;
}

}  // namespace hisx::appointments
