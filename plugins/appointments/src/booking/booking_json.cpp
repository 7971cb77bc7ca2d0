#include "booking/booking_json.h"

#include <Poco/JSON/Array.h>

#include <sstream>

#include "booking/booking_code.h"
#include "checkin/checkin_rules.h"

namespace hisx::appointments {

namespace {

template <class Id>
Poco::Dynamic::Var nullable(const std::optional<Id>& id) {
  return id ? Poco::Dynamic::Var(*id) : Poco::Dynamic::Var();
}

Poco::Dynamic::Var nullable(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

}  // namespace

Poco::JSON::Object::Ptr booking_json(const Booking& b, const TimeZone& zone) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", b.id);
  o->set("code", booking_code(b.id));
  o->set("qr_payload", qr_payload(b.id));  // what the booking's QR code holds (W5)
  o->set("patient_id", b.patient_id);
  o->set("slot_id", b.slot_id);
  o->set("clinic_id", b.clinic_id);
  o->set("doctor_id", nullable(b.doctor_id));
  o->set("start", zone.format(b.start));
  o->set("end", zone.format(b.end));
  o->set("channel", b.channel);
  o->set("status", std::string(to_string(b.status)));
  o->set("priority", b.priority);
  o->set("reason", nullable(b.reason));
  o->set("created_by", b.created_by);
  o->set("created_at", format_utc(b.created_at));
  o->set("updated_at", format_utc(b.updated_at));
  if (b.status == BookingStatus::kCancelled) {
    o->set("cancel_reason", nullable(b.cancel_reason));
    o->set("cancelled_by", nullable(b.cancelled_by));
  }
  return o;
}

Poco::JSON::Array::Ptr history_json(const std::vector<BookingChange>& changes) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& c : changes) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("at", format_utc(c.at));
    o->set("action", c.action);
    o->set("from_status", nullable(c.from_status));
    o->set("to_status", c.to_status);
    o->set("from_slot_id", nullable(c.from_slot_id));
    o->set("to_slot_id", nullable(c.to_slot_id));
    o->set("by", c.by);
    o->set("reason", nullable(c.reason));
    items->add(o);
  }
  return items;
}

std::string to_text(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

}  // namespace hisx::appointments
