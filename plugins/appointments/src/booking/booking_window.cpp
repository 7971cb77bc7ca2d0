#include "booking/booking_window.h"

#include "channels.h"

namespace hisx::appointments {

WindowCheck check_booking_window(const ClinicRules& rules, Instant slot_start, Instant now,
                                 const TimeZone& zone, std::string_view channel) {
  if (slot_start <= now) return WindowCheck::kStarted;
  if (!window_applies(channel)) return WindowCheck::kOpen;
  const LocalDate slot_day = zone.date_of(slot_start);
  const LocalDate today = zone.date_of(now);
  if (slot_day - today > std::chrono::days(rules.booking_window_days)) {
    return WindowCheck::kTooFarAhead;
  }
  if (slot_day == today && rules.same_day_cutoff &&
      zone.minute_of_day(now) >= *rules.same_day_cutoff) {
    return WindowCheck::kAfterCutoff;
  }
  return WindowCheck::kOpen;
}

std::string describe(WindowCheck check, const ClinicRules& rules) {
  switch (check) {
    case WindowCheck::kOpen:
      return "The slot is open / Khung giờ còn nhận đặt lịch";
    case WindowCheck::kStarted:
      return "The slot has already started / Khung giờ đã bắt đầu";
    case WindowCheck::kTooFarAhead:
      return "The clinic takes bookings at most " + std::to_string(rules.booking_window_days) +
             " days ahead / Phòng khám chỉ nhận đặt trước tối đa " +
             std::to_string(rules.booking_window_days) + " ngày";
    case WindowCheck::kAfterCutoff:
      return "Same-day bookings close at " + format_clock(rules.same_day_cutoff.value_or(0)) +
             " / Đã quá giờ chốt đặt lịch trong ngày (" +
             format_clock(rules.same_day_cutoff.value_or(0)) + ")";
  }
  return {};
}

}  // namespace hisx::appointments
