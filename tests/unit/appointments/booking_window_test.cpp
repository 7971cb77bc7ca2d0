// The booking window (days ahead) and the same-day cut-off, in the hospital's local time.
#include "booking/booking_window.h"

#include <gtest/gtest.h>

namespace hisx::appointments {
namespace {

class BookingWindow : public ::testing::Test {
 protected:
  static Instant at(const char* utc) { return *parse_utc(utc); }

  WindowCheck check(const char* slot, const char* now, const std::string& channel = "app") const {
    return check_booking_window(rules_, at(slot), at(now), zone_, channel);
  }

  TimeZone zone_ = TimeZone::fixed("Asia/Ho_Chi_Minh", std::chrono::hours(7));
  ClinicRules rules_{"10", {"app", "walkin", "reexam"}, 14, 10 * 60, true, std::nullopt};
};

TEST_F(BookingWindow, StartedSlotsAreRefusedForEveryChannel) {
  // Slot 08:00 local on 6 Jan = 01:00 UTC.
  for (const std::string channel : {"app", "walkin", "reexam", "phone"}) {
    EXPECT_EQ(check("2025-01-06T01:00:00Z", "2025-01-06T01:00:00Z", channel), WindowCheck::kStarted)
        << channel;
    EXPECT_EQ(check("2025-01-06T01:00:00Z", "2025-01-06T02:00:00Z", channel), WindowCheck::kStarted)
        << channel;
  }
}

TEST_F(BookingWindow, WindowCountsLocalCalendarDays) {
  // Now: 6 Jan 23:30 local (16:30 UTC). 14 days ahead is 20 Jan, at any hour.
  const char* now = "2025-01-06T16:30:00Z";
  EXPECT_EQ(check("2025-01-20T09:00:00Z", now), WindowCheck::kOpen);         // 20 Jan 16:00 local
  EXPECT_EQ(check("2025-01-20T16:59:00Z", now), WindowCheck::kOpen);         // 20 Jan 23:59 local
  EXPECT_EQ(check("2025-01-20T17:00:00Z", now), WindowCheck::kTooFarAhead);  // 21 Jan 00:00
  // Half an hour later it is 7 Jan locally: 21 Jan opens.
  EXPECT_EQ(check("2025-01-20T17:00:00Z", "2025-01-06T17:00:00Z"), WindowCheck::kOpen);
}

TEST_F(BookingWindow, ZeroDayWindowMeansSameDayOnly) {
  rules_.booking_window_days = 0;
  rules_.same_day_cutoff.reset();
  EXPECT_EQ(check("2025-01-06T09:00:00Z", "2025-01-06T01:00:00Z"), WindowCheck::kOpen);
  EXPECT_EQ(check("2025-01-07T01:00:00Z", "2025-01-06T01:00:00Z"), WindowCheck::kTooFarAhead);
}

TEST_F(BookingWindow, SameDayCutoffInLocalTime) {
  // Cut-off 10:00 local = 03:00 UTC. A 14:00 local slot today (07:00 UTC).
  const char* slot = "2025-01-06T07:00:00Z";
  EXPECT_EQ(check(slot, "2025-01-06T02:59:00Z"), WindowCheck::kOpen);         // 09:59
  EXPECT_EQ(check(slot, "2025-01-06T03:00:00Z"), WindowCheck::kAfterCutoff);  // 10:00
  EXPECT_EQ(check(slot, "2025-01-06T05:00:00Z"), WindowCheck::kAfterCutoff);
  // Tomorrow's slots are not touched by today's cut-off.
  EXPECT_EQ(check("2025-01-07T01:00:00Z", "2025-01-06T05:00:00Z"), WindowCheck::kOpen);
}

TEST_F(BookingWindow, CutoffUsesTheLocalDayNotTheUtcDay) {
  // 6 Jan 23:30 UTC is 7 Jan 06:30 local: before the cut-off of 7 Jan, slot the same day.
  EXPECT_EQ(check("2025-01-07T02:00:00Z", "2025-01-06T23:30:00Z"), WindowCheck::kOpen);
}

TEST_F(BookingWindow, WalkInsAndReexamsIgnoreWindowAndCutoff) {
  for (const std::string channel : {"walkin", "reexam"}) {
    EXPECT_EQ(check("2025-01-06T07:00:00Z", "2025-01-06T05:00:00Z", channel), WindowCheck::kOpen)
        << channel;
    EXPECT_EQ(check("2025-03-06T07:00:00Z", "2025-01-06T05:00:00Z", channel), WindowCheck::kOpen)
        << channel;
  }
}

TEST_F(BookingWindow, NoCutoffMeansUntilTheSlotStarts) {
  rules_.same_day_cutoff.reset();
  EXPECT_EQ(check("2025-01-06T07:00:00Z", "2025-01-06T06:59:00Z"), WindowCheck::kOpen);
}

TEST_F(BookingWindow, RefusalsAreDescribedInBothLanguages) {
  EXPECT_NE(describe(WindowCheck::kTooFarAhead, rules_).find("14 days"), std::string::npos);
  EXPECT_NE(describe(WindowCheck::kTooFarAhead, rules_).find("14 ngày"), std::string::npos);
  EXPECT_NE(describe(WindowCheck::kAfterCutoff, rules_).find("10:00"), std::string::npos);
}

}  // namespace
}  // namespace hisx::appointments
