#include <cstdio>

#include "hisx/civil_time.h"
#include "printing/print_documents.h"

namespace hisx::app_link {

std::string local_expiry(const std::string& expires_at, const sdk::TimeZone& zone) {
  const auto instant = sdk::parse_utc(expires_at);
  if (!instant) return expires_at;
  const sdk::LocalTime local = zone.to_local(*instant);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{local - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d %02u/%02u/%04d", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return buf;
}

std::vector<std::string> slip_steps(const std::string& app_name) {
  return {
      "1. Cài ứng dụng " + app_name + " trên điện thoại / Install the " + app_name + " app",
      "2. Quét mã QR hoặc nhập mã liên kết / Scan the QR code or type the code",
      "3. Nhập ngày sinh của người bệnh / Enter the patient's birth date",
  };
}

std::string hotline_line(const std::string& hotline) {
  return "Tổng đài hỗ trợ / Hotline: " + hotline;
}

std::string expiry_line(const std::string& expires) {
  return "Mã có hiệu lực đến / Valid until: " + expires;
}

}  // namespace hisx::app_link
