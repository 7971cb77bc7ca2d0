#include "siu_message.h"

#include <cctype>
#include <initializer_list>
#include <vector>

#include "hl7_escape.h"
#include "hl7_fields.h"

namespace hisx::hl7 {

std::string_view trigger_code(Trigger trigger) {
  switch (trigger) {
    case Trigger::kS12:
      return "S12";
    case Trigger::kS13:
      return "S13";
    case Trigger::kS15:
      return "S15";
    case Trigger::kS26:
      return "S26";
  }
  return "S12";
}

std::optional<Trigger> trigger_for_event(std::string_view event_name) {
  if (event_name == "appointment.booked") return Trigger::kS12;
  if (event_name == "appointment.rescheduled") return Trigger::kS13;
  if (event_name == "appointment.cancelled") return Trigger::kS15;
  if (event_name == "appointment.no_show") return Trigger::kS26;
  return std::nullopt;
}

std::string control_id_for(std::string_view event_id) {
  std::string out;
  for (const char c : event_id) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (out.size() == 20) break;
  }
  return out;
}

namespace {

// Components joined by '^', each escaped, empty trailing ones dropped.
std::string components(std::initializer_list<std::string> parts) {
  std::vector<std::string> escaped;
  for (const auto& p : parts) escaped.push_back(escape(p));
  while (!escaped.empty() && escaped.back().empty()) escaped.pop_back();
  std::string out;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (i > 0) out += '^';
    out += escaped[i];
  }
  return out;
}

// A segment: its name and its fields (already encoded), empty trailing fields dropped.
std::string segment(const std::string& name, std::vector<std::string> fields) {
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  std::string out = name;
  for (const auto& f : fields) out += '|' + f;
  return out + '\r';
}

// Fields 1…n of a segment, all empty, to be set by number.
std::vector<std::string> fields(std::size_t n) { return std::vector<std::string>(n); }

std::string event_reason(const Appointment& a) {
  switch (a.trigger) {
    case Trigger::kS12:
      return components({"BOOKED", "Đặt lịch hẹn / Booked"});
    case Trigger::kS13:
      return components({"RESCHEDULED", "Đổi lịch hẹn / Rescheduled"});
    case Trigger::kS15:
      return components(
          {"CANCELLED", a.event_reason.empty() ? "Hủy lịch hẹn / Cancelled" : a.event_reason});
    case Trigger::kS26:
      return components({"NOSHOW", "Không đến khám / No show"});
  }
  return {};
}

// SCH-7 from HL7 table 0276 (appointment reason codes) by booking channel.
std::string appointment_reason(const std::string& channel) {
  if (channel == "reexam") return components({"FOLLOWUP", "Follow-up", "HL70276"});
  if (channel == "walkin") return components({"WALKIN", "Walk-in", "HL70276"});
  return components({"ROUTINE", "Routine", "HL70276"});
}

std::string action_code(Trigger trigger) { return trigger == Trigger::kS12 ? "A" : "U"; }

std::string msh(const MessageHeader& h, const Appointment& a) {
  const std::string trigger(trigger_code(a.trigger));
  auto f = fields(18);
  // f[0] is MSH-1, the field separator itself: the segment writes it.
  f[1] = "^~\\&";
  f[2] = escape(h.sending_application);
  f[3] = escape(h.sending_facility);
  f[4] = escape(h.receiving_application);
  f[5] = escape(h.receiving_facility);
  f[6] = a.created;
  f[8] = "SIU^" + trigger + "^SIU_" + trigger;
  f[9] = escape(a.control_id);
  f[10] = escape(h.processing_id);
  f[11] = "2.5.1";
  f[16] = "VNM";
  f[17] = "UNICODE UTF-8";
  std::string out = "MSH|" + f[1];
  for (std::size_t i = 2; i < f.size(); ++i) out += '|' + f[i];
  return out + '\r';
}

std::string sch(const MessageHeader& h, const Appointment& a) {
  auto f = fields(25);
  f[0] = components({a.booking_code, h.sending_application});
  f[5] = event_reason(a);
  f[6] = appointment_reason(a.channel);
  f[7] = components({"Normal", "Routine schedule request", "HL70277"});
  if (a.duration_minutes > 0) {
    f[8] = std::to_string(a.duration_minutes);
    f[9] = components({"MIN", "Minutes", "ISO+"});
  }
  // TQ: quantity^interval^duration^start^end.
  if (!a.start.empty()) {
    const std::string duration =
        a.duration_minutes > 0 ? "M" + std::to_string(a.duration_minutes) : "";
    f[10] = components({"", "", duration, a.start, a.end});
  }
  f[24] = components({a.filler_status, a.filler_status, "HL70278"});
  return segment("SCH", f);
}

std::string pid(const MessageHeader& h, const Appointment& a) {
  auto f = fields(13);
  f[0] = "1";
  f[2] = components({a.patient_id, "", "", h.assigning_authority, "PI"});
  if (!a.patient_code.empty() && a.patient_code != a.patient_id) {
    f[2] += "~" + components({a.patient_code, "", "", h.assigning_authority, "MR"});
  }
  const PersonName name = split_name(a.patient_name);
  f[4] = components({name.family, name.given, name.middle});
  f[6] = a.birth_date;
  f[7] = a.sex.empty() ? "U" : a.sex;
  f[10] = components({a.address});
  if (!a.phone.empty()) f[12] = components({a.phone, "PRN", "PH"});
  return segment("PID", f);
}

std::string ail(const MessageHeader& h, const Appointment& a) {
  auto f = fields(12);
  f[0] = "1";
  f[1] = action_code(a.trigger);
  f[2] = components({a.clinic_id, "", "", h.receiving_facility, "", "", "", "", a.clinic_name});
  f[3] = components({"C", "Clinic", "HL70305"});
  f[5] = a.start;
  if (a.duration_minutes > 0) {
    f[8] = std::to_string(a.duration_minutes);
    f[9] = components({"MIN", "Minutes", "ISO+"});
  }
  f[11] = components({a.filler_status, a.filler_status, "HL70278"});
  return segment("AIL", f);
}

std::string aip(const Appointment& a) {
  auto f = fields(12);
  f[0] = "1";
  f[1] = action_code(a.trigger);
  const PersonName name = split_name(a.doctor_name);
  f[2] = components({a.doctor_id, name.family, name.given, name.middle});
  f[3] = components({"D", "Doctor"});
  f[5] = a.start;
  if (a.duration_minutes > 0) {
    f[8] = std::to_string(a.duration_minutes);
    f[9] = components({"MIN", "Minutes", "ISO+"});
  }
  f[11] = components({a.filler_status, a.filler_status, "HL70278"});
  return segment("AIP", f);
}

}  // namespace

std::string build_siu(const MessageHeader& header, const Appointment& appointment) {
  std::string out = msh(header, appointment);
  out += sch(header, appointment);
  out += pid(header, appointment);
  out += segment("RGS", {"1", action_code(appointment.trigger)});
  out += ail(header, appointment);
  if (!appointment.doctor_id.empty()) out += aip(appointment);
  return out;
}

}  // namespace hisx::hl7
