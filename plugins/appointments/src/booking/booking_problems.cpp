#include "booking/booking_problems.h"

#include "booking/booking_code.h"
#include "channels.h"

namespace hisx::appointments {

namespace {

Poco::JSON::Object::Ptr members() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Poco::JSON::Object::Ptr slot_member(const Slot& slot) {
  auto m = members();
  m->set("slot_id", slot.id);
  return m;
}

}  // namespace

sdk::Problem booking_not_found(long long id) {
  return sdk::Problem::not_found("No booking " + std::to_string(id) + " / Không có lịch hẹn " +
                                 std::to_string(id));
}

sdk::Problem unknown_patient(const std::string& id) {
  return sdk::Problem::invalid("patient_id",
                               "No HIS patient " + id + " / Không có bệnh nhân mã " + id);
}

sdk::Problem unknown_slot(long long id, const std::string& field) {
  return sdk::Problem::invalid(
      field, "No slot " + std::to_string(id) + " / Không có khung giờ " + std::to_string(id));
}

sdk::Problem slot_full(const Slot& slot) {
  return sdk::Problem(
      409, "slot-full",
      "The slot is full / Khung giờ đã đủ chỗ (" + std::to_string(slot.capacity) + ")",
      slot_member(slot));
}

sdk::Problem channel_quota_full(const Slot& slot, const std::string& channel) {
  auto m = slot_member(slot);
  m->set("channel", channel);
  return sdk::Problem(409, "channel-quota-full",
                      "The slot has no place left for channel " + channel +
                          " / Khung giờ đã hết chỉ tiêu cho kênh " + channel,
                      m);
}

sdk::Problem overlapping_booking(long long booking_id) {
  auto m = members();
  m->set("booking_id", booking_id);
  m->set("booking_code", booking_code(booking_id));
  return sdk::Problem(409, "overlapping-booking",
                      "The patient already has booking " + booking_code(booking_id) +
                          " at an overlapping time / Bệnh nhân đã có lịch hẹn " +
                          booking_code(booking_id) + " trùng giờ",
                      m);
}

sdk::Problem invalid_transition(const Booking& booking, BookingAction action) {
  auto m = members();
  m->set("booking_id", booking.id);
  m->set("current_status", std::string(to_string(booking.status)));
  const std::string status(to_string(booking.status));
  return sdk::Problem(409, "invalid-transition",
                      "The booking is " + status + "; '" + std::string(to_string(action)) +
                          "' is not possible / Lịch hẹn đang ở trạng thái " + status +
                          ", không thể thực hiện",
                      m);
}

sdk::Problem clinic_closed(const Slot& slot, const std::string& why) {
  return sdk::Problem(409, "clinic-closed", why, slot_member(slot));
}

sdk::Problem outside_window(const Slot& slot, WindowCheck check, const ClinicRules& rules) {
  return sdk::Problem(409, "outside-booking-window", describe(check, rules), slot_member(slot));
}

bool may_see(const sdk::Principal& who, const Booking& booking) {
  return role_sees_every_channel(who.role) || role_may_use(who.role, booking.channel);
}

}  // namespace hisx::appointments
