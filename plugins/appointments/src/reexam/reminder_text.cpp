#include "reexam/reminder_text.h"

#include <cstdio>

namespace hisx::appointments {

std::string format_vn_date(LocalDate date) {
  const std::chrono::year_month_day ymd{date};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
  return buf;
}

std::string reminder_subject() { return "Nhắc lịch tái khám / Re-examination reminder"; }

std::string reminder_text(const ReminderFacts& f) {
  const std::string date = format_vn_date(f.date);
  const std::string clinic_vi = f.clinic_name.empty() ? "" : ", " + f.clinic_name;
  if (f.minute_of_day) {
    const std::string time = format_clock(*f.minute_of_day);
    const std::string code = f.booking_code.empty() ? "" : ", mã hẹn " + f.booking_code;
    const std::string code_en = f.booking_code.empty() ? "" : ", booking code " + f.booking_code;
    return "Nhắc lịch tái khám: " + time + " ngày " + date + clinic_vi + code +
           ". Vui lòng đến đúng giờ. / Re-examination reminder: " + date + " at " + time +
           clinic_vi + code_en + ".";
  }
  const std::string from = format_vn_date(f.window_start);
  const std::string to = format_vn_date(f.window_end);
  return "Nhắc lịch tái khám: ngày " + date + clinic_vi + " (có thể đến từ " + from + " đến " + to +
         "). Vui lòng đặt lịch hẹn. / Re-examination reminder: due " + date + clinic_vi +
         " (any day from " + from + " to " + to + "); please book an appointment.";
}

}  // namespace hisx::appointments
