// The text of a re-examination reminder: Vietnamese first, dates as dd/mm/yyyy.
#include "reexam/reminder_text.h"

#include <gtest/gtest.h>

namespace hisx::appointments {
namespace {

TEST(ReminderText, DatesAreDayMonthYear) {
  EXPECT_EQ(format_vn_date(*parse_date("2026-03-05")), "05/03/2026");
  EXPECT_EQ(format_vn_date(*parse_date("2028-02-29")), "29/02/2028");
}

TEST(ReminderText, ABookedVisitGivesTimeClinicAndCode) {
  ReminderFacts f;
  f.date = *parse_date("2026-11-24");
  f.minute_of_day = 8 * 60 + 15;
  f.clinic_name = "Phòng khám Nội 1";
  f.booking_code = "HK-7F3Q2";
  EXPECT_EQ(reminder_text(f),
            "Nhắc lịch tái khám: 08:15 ngày 24/11/2026, Phòng khám Nội 1, mã hẹn HK-7F3Q2. "
            "Vui lòng đến đúng giờ. / Re-examination reminder: 24/11/2026 at 08:15, Phòng khám "
            "Nội 1, booking code HK-7F3Q2.");
}

TEST(ReminderText, AnUnbookedDueAsksToBookWithinTheWindow) {
  ReminderFacts f;
  f.date = *parse_date("2026-11-30");
  f.window_start = *parse_date("2026-11-27");
  f.window_end = *parse_date("2026-12-07");
  f.clinic_name = "Phòng khám Tim mạch";
  const std::string text = reminder_text(f);
  EXPECT_EQ(text.rfind("Nhắc lịch tái khám: ngày 30/11/2026, Phòng khám Tim mạch", 0), 0u) << text;
  EXPECT_NE(text.find("từ 27/11/2026 đến 07/12/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("please book"), std::string::npos) << text;
  EXPECT_EQ(text.find("HK-"), std::string::npos) << text;
}

}  // namespace
}  // namespace hisx::appointments
