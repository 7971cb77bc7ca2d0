#include "booking/booking_events.h"

#include "booking/booking_code.h"
#include "hisx/event_names.h"

namespace hisx::appointments {

namespace {

Poco::JSON::Object::Ptr payload(const Booking& b) {
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  p->set("booking_id", b.id);
  p->set("booking_code", booking_code(b.id));
  p->set("patient_id", b.patient_id);
  p->set("clinic_id", b.clinic_id);
  p->set("channel", b.channel);
  p->set("priority", b.priority);
  return p;
}

}  // namespace

void publish_booked(Environment& env, soci::session& s, const Booking& b) {
  auto p = payload(b);
  p->set("slot_id", b.slot_id);
  p->set("start", format_utc(b.start));
  p->set("status", std::string(to_string(b.status)));
  env.context.events().publish(s, std::string(sdk::events::kAppointmentBooked), p);
}

void publish_status_change(Environment& env, soci::session& s, const Booking& b,
                           BookingAction action, const std::string& by, const std::string& reason) {
  auto p = payload(b);
  std::string name;
  switch (action) {
    case BookingAction::kConfirm:
      name = sdk::events::kAppointmentConfirmed;
      break;
    case BookingAction::kCancel:
      name = sdk::events::kAppointmentCancelled;
      p->set("reason", reason);
      break;
    case BookingAction::kNoShow:
      name = sdk::events::kAppointmentNoShow;
      break;
    case BookingAction::kComplete:
      name = sdk::events::kAppointmentCompleted;
      break;
    case BookingAction::kCheckIn:
    case BookingAction::kReschedule:
      return;  // Published by their own steps, with their own payloads.
  }
  p->set("by", by);
  env.context.events().publish(s, name, p);
}

void publish_rescheduled(Environment& env, soci::session& s, const Booking& b,
                         long long from_slot_id, const std::string& by) {
  auto p = payload(b);
  p->set("from_slot_id", from_slot_id);
  p->set("slot_id", b.slot_id);
  p->set("start", format_utc(b.start));
  p->set("by", by);
  env.context.events().publish(s, std::string(sdk::events::kAppointmentRescheduled), p);
}

}  // namespace hisx::appointments
