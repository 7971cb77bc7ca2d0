#include "fhir/fhir_resources.h"

#include "booking/booking_code.h"
#include "fhir/fhir_codes.h"
#include "fhir/fhir_ids.h"
#include "fhir/fhir_json.h"

namespace hisx::appointments {

namespace {

Poco::JSON::Object::Ptr extension(std::string_view url, const std::string& value_name,
                                  const Poco::Dynamic::Var& value) {
  auto o = fhir_object();
  o->set("url", std::string(url));
  o->set(value_name, value);
  return o;
}

Poco::JSON::Object::Ptr meta_updated(Instant t) {
  auto o = fhir_object();
  o->set("lastUpdated", format_utc(t));
  return o;
}

Poco::JSON::Object::Ptr participant(Poco::JSON::Object::Ptr actor) {
  auto o = fhir_object();
  o->set("actor", actor);
  o->set("required", "required");
  o->set("status", "accepted");
  return o;
}

}  // namespace

Poco::JSON::Object::Ptr schedule_resource(const ClinicRules& rules, const HisClinic& clinic,
                                          LocalDate today) {
  const std::string id = fhir_id_of(rules.clinic_id);
  auto o = fhir_object();
  o->set("resourceType", "Schedule");
  o->set("id", id);
  Poco::JSON::Array::Ptr extensions = new Poco::JSON::Array;
  for (const auto& channel : rules.channels) {
    extensions->add(extension(kChannelExtension, "valueCode", channel));
  }
  if (extensions->size() > 0) o->set("extension", extensions);
  if (!clinic.code.empty())
    o->set("identifier", fhir_array({fhir_identifier(kClinicCodeSystem, clinic.code)}));
  o->set("active", rules.active);
  o->set("actor", fhir_array({fhir_reference("Location/" + id, clinic.name)}));
  auto horizon = fhir_object();
  horizon->set("start", format_date(today));
  horizon->set("end", format_date(today + std::chrono::days(rules.booking_window_days)));
  o->set("planningHorizon", horizon);
  if (!clinic.name.empty()) o->set("comment", clinic.name);
  return o;
}

Poco::JSON::Object::Ptr slot_resource(const Slot& slot, bool clinic_active, const TimeZone& zone) {
  auto o = fhir_object();
  o->set("resourceType", "Slot");
  o->set("id", std::to_string(slot.id));
  o->set("extension", fhir_array({extension(kCapacityExtension, "valueUnsignedInt", slot.capacity),
                                  extension(kBookedExtension, "valueUnsignedInt", slot.booked)}));
  o->set("schedule", fhir_reference("Schedule/" + fhir_id_of(slot.clinic_id)));
  o->set("status", std::string(slot_status(slot, clinic_active)));
  o->set("start", zone.format(slot.start));
  o->set("end", zone.format(slot.end));
  o->set("overbooked", false);
  return o;
}

Poco::JSON::Object::Ptr appointment_resource(const Booking& b, const TimeZone& zone,
                                             const std::optional<std::string>& clinic_name) {
  auto o = fhir_object();
  o->set("resourceType", "Appointment");
  o->set("id", std::to_string(b.id));
  o->set("meta", meta_updated(b.updated_at));
  o->set("extension", fhir_array({extension(kChannelExtension, "valueCode", b.channel),
                                  extension(kPriorityExtension, "valueInteger", b.priority)}));
  o->set("identifier", fhir_array({fhir_identifier(kBookingCodeSystem, booking_code(b.id))}));
  o->set("status", std::string(appointment_status(b.status)));
  if (b.status == BookingStatus::kCancelled && !b.cancel_reason.empty()) {
    o->set("cancelationReason", fhir_text_concept(b.cancel_reason));
  }
  auto coding = fhir_object();
  coding->set("system", std::string(kAppointmentTypeSystem));
  coding->set("code", std::string(appointment_type_code(b.channel)));
  auto type = fhir_object();
  type->set("coding", fhir_array({coding}));
  o->set("appointmentType", type);
  if (!b.reason.empty()) o->set("reasonCode", fhir_array({fhir_text_concept(b.reason)}));
  o->set("start", zone.format(b.start));
  o->set("end", zone.format(b.end));
  o->set(
      "minutesDuration",
      static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(b.end - b.start).count()));
  o->set("slot", fhir_array({fhir_reference("Slot/" + std::to_string(b.slot_id))}));
  o->set("created", format_utc(b.created_at));
  Poco::JSON::Array::Ptr participants = new Poco::JSON::Array;
  participants->add(participant(fhir_reference("Patient/" + fhir_id_of(b.patient_id))));
  participants->add(
      participant(fhir_reference("Location/" + fhir_id_of(b.clinic_id), clinic_name)));
  if (b.doctor_id) {
    participants->add(participant(fhir_reference("Practitioner/" + fhir_id_of(*b.doctor_id))));
  }
  o->set("participant", participants);
  return o;
}

Poco::JSON::Object::Ptr searchset_bundle(
    const std::vector<std::pair<std::string, std::string>>& links, long long total,
    const std::vector<BundleEntry>& entries, Instant now) {
  auto o = fhir_object();
  o->set("resourceType", "Bundle");
  o->set("meta", meta_updated(now));
  o->set("type", "searchset");
  o->set("total", total);
  Poco::JSON::Array::Ptr link = new Poco::JSON::Array;
  for (const auto& [relation, url] : links) {
    auto l = fhir_object();
    l->set("relation", relation);
    l->set("url", url);
    link->add(l);
  }
  o->set("link", link);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& e : entries) {
    auto entry = fhir_object();
    entry->set("fullUrl", e.full_url);
    entry->set("resource", e.resource);
    auto search = fhir_object();
    search->set("mode", "match");
    entry->set("search", search);
    items->add(entry);
  }
  if (items->size() > 0) o->set("entry", items);
  return o;
}

}  // namespace hisx::appointments
