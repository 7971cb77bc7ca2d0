#include "fhir/fhir_codes.h"

#include <algorithm>
#include <array>

namespace hisx::appointments {

namespace {

constexpr std::array<std::string_view, 10> kAppointmentStatuses = {
    "proposed",  "pending", "booked",           "arrived",    "fulfilled",
    "cancelled", "noshow",  "entered-in-error", "checked-in", "waitlist"};

constexpr std::array<std::string_view, 5> kSlotStatuses = {"busy", "free", "busy-unavailable",
                                                           "busy-tentative", "entered-in-error"};

constexpr std::array<BookingStatus, 6> kBookingStatuses = {
    BookingStatus::kRequested, BookingStatus::kConfirmed, BookingStatus::kCheckedIn,
    BookingStatus::kCompleted, BookingStatus::kCancelled, BookingStatus::kNoShow};

}  // namespace

std::string_view appointment_status(BookingStatus status) {
  switch (status) {
    case BookingStatus::kRequested:
      return "pending";
    case BookingStatus::kConfirmed:
      return "booked";
    case BookingStatus::kCheckedIn:
      // "arrived: the patient has arrived and is waiting to be seen" is what a check-in at
      // the desk means here; R4's "checked-in" also implies the pre-encounter work is done.
      return "arrived";
    case BookingStatus::kCompleted:
      return "fulfilled";
    case BookingStatus::kCancelled:
      return "cancelled";
    case BookingStatus::kNoShow:
      return "noshow";
  }
  return "entered-in-error";
}

bool is_appointment_status_code(std::string_view code) {
  return std::find(kAppointmentStatuses.begin(), kAppointmentStatuses.end(), code) !=
         kAppointmentStatuses.end();
}

std::vector<BookingStatus> booking_statuses_for(std::string_view code) {
  std::vector<BookingStatus> out;
  for (BookingStatus s : kBookingStatuses) {
    if (appointment_status(s) == code) out.push_back(s);
  }
  return out;
}

std::string_view slot_status(const Slot& slot, bool clinic_active) {
  if (slot.closed || !clinic_active) return "busy-unavailable";
  if (slot.booked >= slot.capacity) return "busy";
  return "free";
}

bool is_slot_status_code(std::string_view code) {
  return std::find(kSlotStatuses.begin(), kSlotStatuses.end(), code) != kSlotStatuses.end();
}

std::string_view appointment_type_code(std::string_view channel) {
  if (channel == "reexam") return "FOLLOWUP";
  if (channel == "walkin") return "WALKIN";
  return "ROUTINE";
}

}  // namespace hisx::appointments
