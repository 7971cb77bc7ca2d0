#include "fhir/fhir_appointment_input.h"

#include <Poco/JSON/Array.h>

#include <vector>

#include "channels.h"
#include "fhir/fhir_codes.h"
#include "fhir/fhir_search.h"
#include "hisx/problem.h"

namespace hisx::appointments {

namespace {

constexpr std::size_t kMaxReason = 500;

[[noreturn]] void refuse(const std::string& path, const std::string& english,
                         const std::string& vietnamese) {
  throw sdk::Problem::invalid(path, path + " " + english + " / " + path + " " + vietnamese);
}

void check_resource_type(const Poco::JSON::Object::Ptr& body) {
  if (!body->has("resourceType") || body->get("resourceType").toString() != "Appointment") {
    throw sdk::Problem(400, "validation",
                       "The body must be a FHIR Appointment (resourceType \"Appointment\") / "
                       "Nội dung phải là một Appointment FHIR",
                       "resourceType");
  }
}

std::string text_of(const Poco::JSON::Object::Ptr& o, const std::string& name) {
  if (!o || !o->has(name) || o->isNull(name)) return {};
  const auto v = o->get(name);
  return v.isString() ? v.toString() : std::string();
}

Poco::JSON::Array::Ptr array_of(const Poco::JSON::Object::Ptr& body, const std::string& name,
                                const std::string& path) {
  if (!body->has(name) || body->isNull(name)) return nullptr;
  auto a = body->getArray(name);
  if (!a) refuse(path, "must be an array", "phải là một mảng");
  return a;
}

Poco::JSON::Object::Ptr object_at(const Poco::JSON::Array::Ptr& a, std::size_t i,
                                  const std::string& path) {
  auto o = a->getObject(static_cast<unsigned>(i));
  if (!o) refuse(path, "must hold objects", "phải chứa các đối tượng");
  return o;
}

// The references of type `type` in `array[].reference` (or `array[].<member>.reference`).
std::vector<std::string> references_of(const Poco::JSON::Array::Ptr& a, const std::string& member,
                                       const std::string& type, const std::string& path) {
  std::vector<std::string> refs;
  if (!a) return refs;
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto item = object_at(a, i, path);
    if (!member.empty()) item = item->getObject(member);
    std::string ref = text_of(item, "reference");
    if (ref.rfind(type + "/", 0) == 0) refs.push_back(std::move(ref));
  }
  return refs;
}

// The ids of references to hisx's own resources of type `type` (Slot).
std::vector<long long> referenced_ids(const Poco::JSON::Array::Ptr& a, const std::string& member,
                                      const std::string& type, const std::string& path) {
  std::vector<long long> ids;
  for (const auto& ref : references_of(a, member, type, path)) {
    try {
      ids.push_back(parse_reference_param(path, ref, type));
    } catch (const sdk::Problem&) {
      refuse(path, "must reference " + type + "/{id} with a positive whole number",
             "phải tham chiếu " + type + "/{id} với id là số nguyên dương");
    }
  }
  return ids;
}

// The HIS ids of references to resources keyed by one (Patient), FHIR ids decoded.
std::vector<sdk::HisId> referenced_his_ids(const Poco::JSON::Array::Ptr& a,
                                           const std::string& member, const std::string& type,
                                           const std::string& path) {
  std::vector<sdk::HisId> ids;
  for (const auto& ref : references_of(a, member, type, path)) {
    try {
      ids.push_back(parse_his_reference_param(path, ref, type));
    } catch (const sdk::Problem&) {
      refuse(path, "must reference " + type + "/{id} with an id of the HIS",
             "phải tham chiếu " + type + "/{id} với id là mã trong HIS");
    }
  }
  return ids;
}

std::string concept_text(const Poco::JSON::Object::Ptr& coded) {
  if (!coded) return {};
  std::string text = text_of(coded, "text");
  if (!text.empty()) return text;
  if (coded->has("coding")) {
    auto codings = coded->getArray("coding");
    if (codings && codings->size() > 0) {
      auto coding = codings->getObject(0);
      text = text_of(coding, "display");
      if (text.empty()) text = text_of(coding, "code");
    }
  }
  return text;
}

std::string checked_reason(std::string reason, const std::string& path) {
  if (reason.size() > kMaxReason) {
    refuse(path, "must be at most 500 bytes", "tối đa 500 byte");
  }
  return reason;
}

}  // namespace

NewAppointment read_new_appointment(const Poco::JSON::Object::Ptr& body) {
  check_resource_type(body);
  const std::string status = text_of(body, "status");
  if (status != "proposed" && status != "pending" && status != "booked") {
    refuse("Appointment.status", "must be proposed, pending or booked to book a slot",
           "phải là proposed, pending hoặc booked để đặt lịch");
  }
  NewAppointment out;
  const auto slot_array = array_of(body, "slot", "Appointment.slot");
  const auto slots = referenced_ids(slot_array, "", "Slot", "Appointment.slot");
  if (!slot_array || slot_array->size() != 1 || slots.size() != 1) {
    refuse("Appointment.slot", "must hold exactly one reference Slot/{id}",
           "phải có đúng một tham chiếu Slot/{id}");
  }
  out.slot_id = slots.front();
  const auto patients = referenced_his_ids(array_of(body, "participant", "Appointment.participant"),
                                           "actor", "Patient", "Appointment.participant.actor");
  if (patients.size() != 1) {
    refuse("Appointment.participant", "must name exactly one Patient/{id} as an actor",
           "phải có đúng một người tham gia là Patient/{id}");
  }
  out.patient_id = patients.front();

  if (auto extensions = array_of(body, "extension", "Appointment.extension")) {
    for (std::size_t i = 0; i < extensions->size(); ++i) {
      auto e = object_at(extensions, i, "Appointment.extension");
      if (text_of(e, "url") != kChannelExtension) continue;
      const std::string channel = text_of(e, "valueCode");
      if (!is_channel(channel)) {
        refuse("Appointment.extension", "channel must be one of app, web, phone, reexam, walkin",
               "kênh phải là app, web, phone, reexam hoặc walkin");
      }
      out.channel = channel;
    }
  }
  std::string reason;
  if (auto reasons = array_of(body, "reasonCode", "Appointment.reasonCode")) {
    if (reasons->size() > 0) reason = concept_text(object_at(reasons, 0, "Appointment.reasonCode"));
  }
  if (reason.empty()) reason = text_of(body, "comment");
  out.reason = checked_reason(reason, "Appointment.reasonCode");
  return out;
}

AppointmentCancel read_appointment_cancel(const Poco::JSON::Object::Ptr& body, long long id,
                                          long long slot_id, const sdk::HisId& patient_id) {
  check_resource_type(body);
  if (text_of(body, "id") != std::to_string(id)) {
    throw sdk::Problem(400, "validation",
                       "Appointment.id must be the id in the URL (" + std::to_string(id) +
                           ") / Appointment.id phải trùng với id trên đường dẫn",
                       "Appointment.id");
  }
  const std::string status = text_of(body, "status");
  if (!is_appointment_status_code(status)) {
    refuse("Appointment.status", "must be an R4 appointment status",
           "phải là một trạng thái lịch hẹn của FHIR R4");
  }
  if (status != "cancelled") {
    refuse("Appointment.status",
           "can only be changed to cancelled here; other changes go through "
           "/api/v1/appointments",
           "chỉ được đổi sang cancelled; các thay đổi khác dùng /api/v1/appointments");
  }
  const auto slot_array = array_of(body, "slot", "Appointment.slot");
  if (slot_array) {
    const auto slots = referenced_ids(slot_array, "", "Slot", "Appointment.slot");
    if (slots.size() != slot_array->size() || slots.size() != 1 || slots.front() != slot_id) {
      refuse("Appointment.slot", "cannot be changed (reschedule through /api/v1/appointments)",
             "không được thay đổi (đổi lịch qua /api/v1/appointments)");
    }
  }
  const auto patients = referenced_his_ids(array_of(body, "participant", "Appointment.participant"),
                                           "actor", "Patient", "Appointment.participant.actor");
  if (patients.size() > 1 || (patients.size() == 1 && patients.front() != patient_id)) {
    refuse("Appointment.participant", "cannot change the patient", "không được đổi bệnh nhân");
  }
  Poco::JSON::Object::Ptr coded;
  if (body->has("cancelationReason")) coded = body->getObject("cancelationReason");
  AppointmentCancel out;
  out.reason = checked_reason(concept_text(coded), "Appointment.cancelationReason");
  if (out.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    refuse("Appointment.cancelationReason", "is required to cancel (text)",
           "là bắt buộc khi hủy lịch hẹn");
  }
  return out;
}

}  // namespace hisx::appointments
