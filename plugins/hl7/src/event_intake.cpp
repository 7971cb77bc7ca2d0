#include "event_intake.h"

#include <Poco/Dynamic/Var.h>

#include <stdexcept>

#include "hisx/event_names.h"
#include "hl7_fields.h"
#include "message_store.h"
#include "siu_message.h"

namespace hisx::hl7 {

namespace {

// A payload member as text ("" when absent or null): HIS ids may be JSON numbers or strings.
std::string text(const Poco::JSON::Object::Ptr& payload, const std::string& name) {
  if (!payload || !payload->has(name)) return {};
  const Poco::Dynamic::Var value = payload->get(name);
  return value.isEmpty() ? std::string() : value.toString();
}

std::string filler_status(Trigger trigger, const std::string& booking_status) {
  switch (trigger) {
    case Trigger::kS12:
      return booking_status == "requested" ? "Pending" : "Booked";
    case Trigger::kS13:
      return "Booked";
    case Trigger::kS15:
      return "Cancelled";
    case Trigger::kS26:
      return "Noshow";
  }
  return "Booked";
}

void add_patient(Environment& env, soci::session& his, Appointment& a) {
  const auto rows = env.context.profile().query(his, "patient.get", {{"id", a.patient_id}});
  if (rows.empty()) return;  // Sent with the id alone: the HIS knows its own patient.
  const auto& row = rows.front();
  a.patient_code = row.text("code");
  a.patient_name = row.text("full_name");
  a.birth_date = hl7_date(row.text("birth_date"));
  a.sex = administrative_sex(row.text("gender"));
  a.phone = row.text("phone");
  a.address = row.text("address");
}

void add_clinic(Environment& env, soci::session& his, Appointment& a) {
  for (const auto& row : env.context.profile().query(his, "clinic.list", {})) {
    if (row.text("id") == a.clinic_id) {
      a.clinic_name = row.text("name");
      return;
    }
  }
}

void add_doctor(Environment& env, soci::session& his, Appointment& a) {
  if (a.doctor_id.empty() || !env.context.profile().has("doctor.list")) return;
  for (const auto& row : env.context.profile().query(his, "doctor.list", {})) {
    if (row.text("id") == a.doctor_id) {
      a.doctor_name = row.text("full_name");
      return;
    }
  }
}

}  // namespace

bool queue_event(Environment& env, const sdk::Event& event, soci::session& store_tx) {
  const auto trigger = trigger_for_event(event.name);
  if (!trigger) return false;
  const auto& p = event.payload;
  Appointment a;
  a.trigger = *trigger;
  a.control_id = control_id_for(event.id);
  a.created = hl7_timestamp(env.zone, sdk::to_instant(event.occurred_at));
  a.booking_id = p->getValue<long long>("booking_id");
  a.booking_code = text(p, "booking_code");
  a.channel = text(p, "channel");
  a.patient_id = text(p, "patient_id");
  a.clinic_id = text(p, "clinic_id");
  a.doctor_id = text(p, "doctor_id");  // Present when the booked slot is a doctor's.
  a.filler_status = filler_status(*trigger, text(p, "status"));
  if (*trigger == Trigger::kS15) a.event_reason = text(p, "reason");
  if (a.patient_id.empty()) {
    throw std::invalid_argument(event.name + " " + event.id + " has no patient_id");
  }

  // The start: the event's own (booked, rescheduled), else the one the booking's last message
  // carried, else the day alone.
  std::string start_utc = text(p, "start");
  if (start_utc.empty()) start_utc = last_known_start(store_tx, a.booking_id);
  if (const auto start = sdk::parse_utc(start_utc)) {
    a.duration_minutes = env.settings.appointment_minutes;
    a.start = hl7_timestamp(env.zone, *start);
    std::optional<sdk::Instant> end = sdk::parse_utc(text(p, "end"));
    if (end && *end > *start) {
      a.duration_minutes =
          static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(*end - *start).count());
    } else {
      end = *start + std::chrono::minutes(a.duration_minutes);
    }
    a.end = hl7_timestamp(env.zone, *end);
  } else {
    start_utc.clear();
    if (const auto day = sdk::parse_date(text(p, "date"))) a.start = hl7_day(*day);
  }

  {
    auto his = env.context.his().session_beside(store_tx, env.context.store());
    add_patient(env, *his, a);
    add_clinic(env, *his, a);
    add_doctor(env, *his, a);
  }

  StoredMessage m;
  m.event_id = event.id;
  m.event_name = event.name;
  m.trigger = std::string(trigger_code(a.trigger));
  m.control_id = a.control_id;
  m.booking_id = a.booking_id;
  m.booking_code = a.booking_code;
  m.patient_id = a.patient_id;
  m.start_at = start_utc;
  m.message = build_siu(env.settings.header, a);
  m.created_at = env.now_text();
  return insert_message(store_tx, m);
}

void subscribe_to_appointments(Environment& env) {
  const std::pair<std::string_view, const char*> events[] = {
      {sdk::events::kAppointmentBooked, "hl7.siu_booked"},
      {sdk::events::kAppointmentRescheduled, "hl7.siu_rescheduled"},
      {sdk::events::kAppointmentCancelled, "hl7.siu_cancelled"},
      {sdk::events::kAppointmentNoShow, "hl7.siu_no_show"},
  };
  for (const auto& [name, subscriber] : events) {
    env.context.events().subscribe(std::string(name), subscriber,
                                   [&env](const sdk::Event& event, soci::session& store_tx) {
                                     queue_event(env, event, store_tx);
                                   });
  }
}

}  // namespace hisx::hl7
