#include "worklist/worklist_json.h"

#include "booking/booking_json.h"

namespace hisx::appointments {

namespace {

Poco::JSON::Object::Ptr object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

template <class Id>
Poco::Dynamic::Var nullable(const std::optional<Id>& id) {
  return id ? Poco::Dynamic::Var(*id) : Poco::Dynamic::Var();
}

Poco::Dynamic::Var nullable(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::JSON::Object::Ptr patient_json(const WorkItem& item) {
  auto o = object();
  o->set("id", item.patient_id);
  o->set("code", item.patient ? nullable(item.patient->code) : Poco::Dynamic::Var());
  o->set("full_name", item.patient ? nullable(item.patient->full_name) : Poco::Dynamic::Var());
  o->set("phone", item.patient ? nullable(item.patient->phone) : Poco::Dynamic::Var());
  return o;
}

Poco::JSON::Object::Ptr item_json(const WorkItem& item, std::size_t rank, const TimeZone& zone) {
  auto o = object();
  o->set("rank", static_cast<long long>(rank));
  o->set("kind", std::string(to_string(item.kind)));
  o->set("urgency", std::string(to_string(item.urgency)));
  o->set("waiting", is_waiting(item.urgency));
  o->set("booking", item.booking ? Poco::Dynamic::Var(booking_json(*item.booking, zone))
                                 : Poco::Dynamic::Var());
  o->set("due", item.due ? Poco::Dynamic::Var(due_json(*item.due)) : Poco::Dynamic::Var());
  o->set("patient", patient_json(item));
  auto clinic = object();
  clinic->set("id", item.clinic_id);
  clinic->set("name", nullable(item.clinic_name));
  o->set("clinic", clinic);
  o->set("start", item.booking ? Poco::Dynamic::Var(zone.format(item.booking->start))
                               : Poco::Dynamic::Var());
  o->set("end",
         item.booking ? Poco::Dynamic::Var(zone.format(item.booking->end)) : Poco::Dynamic::Var());
  const bool calling_back =
      item.urgency == Urgency::kCallBackDue || item.urgency == Urgency::kCallBackLater;
  o->set("call_back_at",
         calling_back && !item.attempts.empty() && item.attempts.front().call_back_at
             ? Poco::Dynamic::Var(zone.format(*item.attempts.front().call_back_at))
             : Poco::Dynamic::Var());
  o->set("attempts", attempts_json(item.attempts, zone));
  return o;
}

}  // namespace

Poco::JSON::Object::Ptr attempt_json(const CallAttempt& a, const TimeZone& zone) {
  auto o = object();
  o->set("id", a.id);
  o->set("booking_id", nullable(a.booking_id));
  o->set("due_id", nullable(a.due_id));
  o->set("at", zone.format(a.at));
  o->set("by", a.by);
  o->set("outcome", std::string(to_string(a.outcome)));
  o->set("call_back_at",
         a.call_back_at ? Poco::Dynamic::Var(zone.format(*a.call_back_at)) : Poco::Dynamic::Var());
  o->set("note", nullable(a.note));
  return o;
}

Poco::JSON::Array::Ptr attempts_json(const std::vector<CallAttempt>& attempts,
                                     const TimeZone& zone) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& a : attempts) items->add(attempt_json(a, zone));
  return items;
}

Poco::JSON::Object::Ptr due_json(const DueForCall& d) {
  auto o = object();
  o->set("id", d.id);
  o->set("reexam_id", d.reexam_id);
  o->set("seq", d.seq);
  o->set("due_date", d.due_date);
  o->set("window_start", d.window_start);
  o->set("window_end", d.window_end);
  o->set("status", d.status);
  o->set("booking_id", nullable(d.booking_id));
  o->set("clinic_id", d.clinic_id);
  o->set("doctor_id", nullable(d.doctor_id));
  o->set("note", nullable(d.note));
  return o;
}

Poco::JSON::Object::Ptr worklist_json(const Worklist& list, const TimeZone& zone) {
  auto o = object();
  o->set("date", format_date(list.day));
  o->set("as_of", zone.format(list.as_of));
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    items->add(item_json(list.items[i], i + 1, zone));
  }
  o->set("count", static_cast<long long>(list.items.size()));
  o->set("items", items);
  return o;
}

}  // namespace hisx::appointments
