#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hisx::hl7 {

/// The SIU trigger events hisx sends: S12 new booking, S13 rescheduled, S15 cancelled, S26
/// no-show.
enum class Trigger { kS12, kS13, kS15, kS26 };

/// "S12", "S13", "S15" or "S26".
std::string_view trigger_code(Trigger trigger);

/// The trigger of an appointment event ("appointment.booked" → S12, "appointment.rescheduled"
/// → S13, "appointment.cancelled" → S15, "appointment.no_show" → S26), or nothing.
std::optional<Trigger> trigger_for_event(std::string_view event_name);

/// MSH-10 of the message made for event `event_id`: its first 20 letters and digits, upper
/// case (2.5.1 allows 20 characters; a UUID keeps 76 random bits there). The same event
/// always gets the same id, so that a receiver can recognise a message sent again.
std::string control_id_for(std::string_view event_id);

/// What MSH and the identifiers say about the two ends (the plugin's settings).
struct MessageHeader {
  std::string sending_application;
  std::string sending_facility;
  std::string receiving_application;
  std::string receiving_facility;
  std::string processing_id = "P";  ///< MSH-11: P production, T training, D debugging.
  std::string assigning_authority;  ///< PID-3.4: whose patient ids these are (the HIS).
};

/// One booking as an SIU message shows it. Texts are plain (escaped when the message is
/// built); times are already HL7 DTM/DT text, "" when unknown.
struct Appointment {
  Trigger trigger = Trigger::kS12;
  std::string control_id;  ///< MSH-10.
  std::string created;     ///< MSH-7, DTM.
  long long booking_id = 0;
  std::string booking_code;   ///< SCH-1, the code the patient holds (e.g. HK-7Q2XM).
  std::string filler_status;  ///< SCH-25 (HL7 table 0278): Pending, Booked, Cancelled, Noshow.
  std::string channel;        ///< app, web, phone, reexam, walkin: SCH-7.
  std::string start;          ///< DTM (or a DT when only the day is known).
  std::string end;            ///< DTM, "" when unknown.
  int duration_minutes = 0;   ///< 0 when unknown.
  std::string event_reason;   ///< SCH-6 text; the cancellation reason for S15.

  std::string patient_id;    ///< The HIS patient id: PID-3 (PI).
  std::string patient_code;  ///< The HIS patient code (MR), "" when none.
  std::string patient_name;  ///< Full name as the HIS writes it.
  std::string birth_date;    ///< DT.
  std::string sex;           ///< HL7 table 0001: M, F, O, U.
  std::string phone;
  std::string address;

  std::string clinic_id;  ///< The HIS clinic room: AIL-3.
  std::string clinic_name;
  std::string doctor_id;  ///< The HIS doctor: AIP-3; no AIP when "".
  std::string doctor_name;
};

/// The SIU message (MSH, SCH, PID, RGS, AIL, and AIP when a doctor is known) with segments
/// ended by a carriage return, fields escaped, UTF-8 kept.
std::string build_siu(const MessageHeader& header, const Appointment& appointment);

}  // namespace hisx::hl7
