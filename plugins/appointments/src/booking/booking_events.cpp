#include "booking/booking_events.h"

#include "booking/booking_code.h"
#include "catalogue/catalogue_store.h"
#include "hisx/event_names.h"

namespace hisx::appointments {

Poco::JSON::Object::Ptr booking_payload(Environment& env, soci::session& s, const Booking& b) {
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  p->set("booking_id", b.id);
  p->set("booking_code", booking_code(b.id));
  p->set("patient_id", b.patient_id);
  p->set("clinic_id", b.clinic_id);
  if (auto department = clinic_department(s, b.clinic_id)) p->set("department_id", *department);
  p->set("date", format_date(env.zone.date_of(b.start)));
  p->set("channel", b.channel);
  p->set("priority", b.priority);
  if (b.doctor_id) p->set("doctor_id", *b.doctor_id);
  if (b.end > b.start) p->set("end", format_utc(b.end));
  return p;
}

void publish_booked(Environment& env, soci::session& s, const Booking& b) {
  auto p = booking_payload(env, s, b);
  p->set("slot_id", b.slot_id);
  p->set("start", format_utc(b.start));
  p->set("status", std::string(to_string(b.status)));
  env.context.events().publish(s, std::string(sdk::events::kAppointmentBooked), p);
}

void publish_status_change(Environment& env, soci::session& s, const Booking& b,
                           BookingAction action, const std::string& by, const std::string& reason) {
  std::string name;
  switch (action) {
    case BookingAction::kConfirm:
      name = sdk::events::kAppointmentConfirmed;
      break;
    case BookingAction::kCancel:
      name = sdk::events::kAppointmentCancelled;
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
  auto p = booking_payload(env, s, b);
  if (action == BookingAction::kCancel) p->set("reason", reason);
  p->set("by", by);
  env.context.events().publish(s, name, p);
}

void publish_rescheduled(Environment& env, soci::session& s, const Booking& before,
                         const Booking& after, const std::string& by) {
  auto p = booking_payload(env, s, after);
  p->set("from_slot_id", before.slot_id);
  p->set("from_date", format_date(env.zone.date_of(before.start)));
  p->set("slot_id", after.slot_id);
  p->set("start", format_utc(after.start));
  p->set("by", by);
  env.context.events().publish(s, std::string(sdk::events::kAppointmentRescheduled), p);
}

}  // namespace hisx::appointments
