#include "siu_message.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hl7_escape.h"

namespace hisx::hl7 {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = text.find(separator, from);
    out.push_back(text.substr(from, at == std::string::npos ? at : at - from));
    if (at == std::string::npos) return out;
    from = at + 1;
  }
}

// The segments of a message (the final CR ends the last one).
std::vector<std::string> segments(const std::string& message) {
  EXPECT_EQ(message.back(), '\r');
  auto out = split(message.substr(0, message.size() - 1), '\r');
  return out;
}

// Field `n` of a segment: for MSH, n as HL7 numbers it (MSH-1 is the separator).
std::string field(const std::string& segment, std::size_t n) {
  const auto fields = split(segment, '|');
  if (segment.rfind("MSH", 0) == 0) {
    if (n == 1) return "|";
    return n - 1 < fields.size() ? fields[n - 1] : "";
  }
  return n < fields.size() ? fields[n] : "";
}

MessageHeader header() {
  MessageHeader h;
  h.sending_application = "HISX";
  h.sending_facility = "BV_DEMO";
  h.receiving_application = "HIS";
  h.receiving_facility = "BV";
  h.assigning_authority = "BV_HIS";
  return h;
}

Appointment booking() {
  Appointment a;
  a.trigger = Trigger::kS12;
  a.control_id = "0F8A1C2B3D4E5F60718";
  a.created = "20261130100000+0700";
  a.booking_id = 42;
  a.booking_code = "HK-7Q2XM";
  a.filler_status = "Booked";
  a.channel = "reexam";
  a.start = "20261201073000+0700";
  a.end = "20261201074500+0700";
  a.duration_minutes = 15;
  a.patient_id = "1234";
  a.patient_code = "BN001234";
  a.patient_name = "Nguyễn Thị Minh Khai";
  a.birth_date = "19850309";
  a.sex = "F";
  a.phone = "0901234567";
  a.address = "12 Lê Lợi | P. Bến Nghé\nQ.1";
  a.clinic_id = "7";
  a.clinic_name = "Phòng khám Nội 1 & 2";
  return a;
}

TEST(SiuMessage, TriggersAndControlIds) {
  EXPECT_EQ(trigger_for_event("appointment.booked"), Trigger::kS12);
  EXPECT_EQ(trigger_for_event("appointment.rescheduled"), Trigger::kS13);
  EXPECT_EQ(trigger_for_event("appointment.cancelled"), Trigger::kS15);
  EXPECT_EQ(trigger_for_event("appointment.no_show"), Trigger::kS26);
  EXPECT_EQ(trigger_for_event("appointment.confirmed"), std::nullopt);
  EXPECT_EQ(trigger_code(Trigger::kS26), "S26");
  const std::string id = control_id_for("3f2b9c1e-7a4d-4e2f-9b1a-0c5d6e7f8a9b");
  EXPECT_EQ(id, "3F2B9C1E7A4D4E2F9B1A");
  EXPECT_EQ(id, control_id_for("3f2b9c1e-7a4d-4e2f-9b1a-0c5d6e7f8a9b")) << "stable";
}

TEST(SiuMessage, MshCarriesTypeControlIdVersionAndCharset) {
  const auto segs = segments(build_siu(header(), booking()));
  ASSERT_EQ(segs.size(), 5u);  // No doctor: no AIP.
  const auto& msh = segs[0];
  EXPECT_EQ(msh.substr(0, 9), "MSH|^~\\&|");
  EXPECT_EQ(field(msh, 3), "HISX");
  EXPECT_EQ(field(msh, 4), "BV_DEMO");
  EXPECT_EQ(field(msh, 5), "HIS");
  EXPECT_EQ(field(msh, 6), "BV");
  EXPECT_EQ(field(msh, 7), "20261130100000+0700");
  EXPECT_EQ(field(msh, 9), "SIU^S12^SIU_S12");
  EXPECT_EQ(field(msh, 10), "0F8A1C2B3D4E5F60718");
  EXPECT_EQ(field(msh, 11), "P");
  EXPECT_EQ(field(msh, 12), "2.5.1");
  EXPECT_EQ(field(msh, 18), "UNICODE UTF-8");
  EXPECT_EQ(segs[1].substr(0, 4), "SCH|");
  EXPECT_EQ(segs[2].substr(0, 4), "PID|");
  EXPECT_EQ(segs[3], "RGS|1|A");
  EXPECT_EQ(segs[4].substr(0, 4), "AIL|");
}

TEST(SiuMessage, SchHasTheBookingTimesReasonAndStatus) {
  const auto segs = segments(build_siu(header(), booking()));
  const auto& sch = segs[1];
  EXPECT_EQ(field(sch, 1), "HK-7Q2XM^HISX");
  EXPECT_EQ(split(field(sch, 6), '^')[0], "BOOKED");
  EXPECT_EQ(field(sch, 7), "FOLLOWUP^Follow-up^HL70276");
  EXPECT_EQ(field(sch, 9), "15");
  EXPECT_EQ(split(field(sch, 10), '^')[0], "MIN");
  EXPECT_EQ(field(sch, 11), "^^M15^20261201073000+0700^20261201074500+0700");
  EXPECT_EQ(field(sch, 25), "Booked^Booked^HL70278");
}

TEST(SiuMessage, PidHasTheHisIdsNameAndEscapedAddress) {
  const auto segs = segments(build_siu(header(), booking()));
  const auto& pid = segs[2];
  EXPECT_EQ(field(pid, 1), "1");
  EXPECT_EQ(field(pid, 3), "1234^^^BV_HIS^PI~BN001234^^^BV_HIS^MR");
  EXPECT_EQ(field(pid, 5), "Nguyễn^Khai^Thị Minh");
  EXPECT_EQ(field(pid, 7), "19850309");
  EXPECT_EQ(field(pid, 8), "F");
  EXPECT_EQ(field(pid, 11), "12 Lê Lợi \\F\\ P. Bến Nghé\\X0A\\Q.1");
  EXPECT_EQ(unescape(field(pid, 11)), "12 Lê Lợi | P. Bến Nghé\nQ.1");
  EXPECT_EQ(field(pid, 13), "0901234567^PRN^PH");
}

TEST(SiuMessage, AilNamesTheHisClinicAndAipTheDoctor) {
  auto a = booking();
  a.doctor_id = "D-9";
  a.doctor_name = "Trần Văn Bình";
  const auto segs = segments(build_siu(header(), a));
  ASSERT_EQ(segs.size(), 6u);
  const auto ail = split(field(segs[4], 3), '^');
  ASSERT_GE(ail.size(), 9u);
  EXPECT_EQ(ail[0], "7");
  EXPECT_EQ(ail[3], "BV");
  EXPECT_EQ(unescape(ail[8]), "Phòng khám Nội 1 & 2");
  EXPECT_EQ(field(segs[4], 6), "20261201073000+0700");
  EXPECT_EQ(segs[5].substr(0, 4), "AIP|");
  EXPECT_EQ(field(segs[5], 3), "D-9^Trần^Bình^Văn");
}

TEST(SiuMessage, CancelAndNoShowSayWhy) {
  auto a = booking();
  a.trigger = Trigger::kS15;
  a.filler_status = "Cancelled";
  a.event_reason = "Bệnh nhân bận ^_^";
  auto segs = segments(build_siu(header(), a));
  EXPECT_EQ(field(segs[0], 9), "SIU^S15^SIU_S15");
  EXPECT_EQ(field(segs[1], 6), "CANCELLED^Bệnh nhân bận \\S\\_\\S\\");
  EXPECT_EQ(field(segs[1], 25), "Cancelled^Cancelled^HL70278");
  EXPECT_EQ(segs[3], "RGS|1|U");

  a.trigger = Trigger::kS26;
  a.filler_status = "Noshow";
  a.start = "20261201";  // Only the day known.
  a.end.clear();
  a.duration_minutes = 0;
  segs = segments(build_siu(header(), a));
  EXPECT_EQ(field(segs[0], 9), "SIU^S26^SIU_S26");
  EXPECT_EQ(field(segs[1], 11), "^^^20261201");
  EXPECT_EQ(field(segs[1], 9), "");
}

}  // namespace
}  // namespace hisx::hl7
