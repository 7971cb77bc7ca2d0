// Check-in at the desk (W5): when a booking may be checked in, the queue label, the QR
// payload and what the receptionist typed or scanned.
#include "checkin/checkin_rules.h"

#include <gtest/gtest.h>

#include "booking/booking_code.h"

namespace hisx::appointments {
namespace {

Instant at(const char* utc) { return *parse_utc(utc); }

class CheckinTimingTest : public ::testing::Test {
 protected:
  CheckinTiming timing(const char* slot, const char* now,
                       const CheckinPolicy& policy = default_checkin_policy()) const {
    return check_in_timing(at(slot), at(now), zone_, policy);
  }
  TimeZone zone_ = TimeZone::fixed("Asia/Ho_Chi_Minh", std::chrono::hours(7));
};

TEST_F(CheckinTimingTest, ByDefaultTheWholeLocalDayOfTheSlot) {
  // Slot 6 Jan 14:00 local = 07:00 UTC.
  const char* slot = "2025-01-06T07:00:00Z";
  EXPECT_EQ(timing(slot, "2025-01-05T17:00:00Z"), CheckinTiming::kOnTime);  // 6 Jan 00:00 local
  EXPECT_EQ(timing(slot, "2025-01-06T00:30:00Z"), CheckinTiming::kOnTime);  // 07:30, opening
  EXPECT_EQ(timing(slot, "2025-01-06T07:15:00Z"), CheckinTiming::kOnTime);  // 15 min after
  EXPECT_EQ(timing(slot, "2025-01-06T07:15:01Z"), CheckinTiming::kLate);
  EXPECT_EQ(timing(slot, "2025-01-06T16:59:59Z"), CheckinTiming::kLate);  // 23:59:59 local
}

TEST_F(CheckinTimingTest, AnotherLocalDayIsRefusedEvenWhenTheUtcDateMatches) {
  const char* slot = "2025-01-06T07:00:00Z";                                  // 6 Jan local
  EXPECT_EQ(timing(slot, "2025-01-05T16:59:59Z"), CheckinTiming::kWrongDay);  // 5 Jan 23:59
  EXPECT_EQ(timing(slot, "2025-01-06T17:00:00Z"), CheckinTiming::kWrongDay);  // 7 Jan 00:00
  EXPECT_EQ(timing(slot, "2025-01-08T07:00:00Z"), CheckinTiming::kWrongDay);
  // 6 Jan 01:00 UTC is 08:00 local on the 6th, but a slot at 6 Jan 23:30 local (16:30 UTC)
  // and a check-in at 5 Jan 20:00 UTC (6 Jan 03:00 local) are the same local day.
  EXPECT_EQ(timing("2025-01-06T16:30:00Z", "2025-01-05T20:00:00Z"), CheckinTiming::kOnTime);
}

TEST_F(CheckinTimingTest, AnEarliestLimitRefusesEarlierArrivals) {
  CheckinPolicy policy;
  policy.earliest_minutes_before = 60;
  policy.late_after_minutes = 30;
  const char* slot = "2025-01-06T07:00:00Z";
  EXPECT_EQ(timing(slot, "2025-01-06T05:59:59Z", policy), CheckinTiming::kTooEarly);
  EXPECT_EQ(timing(slot, "2025-01-06T06:00:00Z", policy), CheckinTiming::kOnTime);
  EXPECT_EQ(timing(slot, "2025-01-06T07:30:00Z", policy), CheckinTiming::kOnTime);
  EXPECT_EQ(timing(slot, "2025-01-06T07:31:00Z", policy), CheckinTiming::kLate);
  EXPECT_EQ(timing(slot, "2025-01-07T06:30:00Z", policy), CheckinTiming::kWrongDay);
}

TEST(QueueLabel, PriorityTicketsCarryUAndThreeDigits) {
  EXPECT_EQ(queue_label(3, 1), "U-003");
  EXPECT_EQ(queue_label(3, 9), "U-003");
  EXPECT_EQ(queue_label(3, 0), "003");
  EXPECT_EQ(queue_label(42, 0), "042");
  EXPECT_EQ(queue_label(999, 2), "U-999");
  EXPECT_EQ(queue_label(1024, 0), "1024");
}

TEST(QrPayload, IsHisxAndTheBookingCode) {
  EXPECT_EQ(qr_payload(1), "HISX:" + booking_code(1));
  EXPECT_EQ(qr_payload(12345), "HISX:" + booking_code(12345));
  EXPECT_EQ(qr_payload(12345).rfind("HISX:HK-", 0), 0u);
}

TEST(VisitSource, FitsAShortVendorColumn) {
  EXPECT_EQ(visit_source(7), "hisx:" + booking_code(7));
  EXPECT_LE(visit_source(33'554'431).size(), 15u);
  EXPECT_LE(visit_source(1'000'000'000).size(), 20u);
}

TEST(NormalizePhone, VietnameseNumbersInEveryUsualSpelling) {
  for (const char* text :
       {"0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84912345678",
        "+84 912 345 678", "84912345678", " +84 (0) 912 345 678 "}) {
    EXPECT_EQ(normalize_phone(text), std::optional<std::string>("0912345678")) << text;
  }
  EXPECT_EQ(normalize_phone("024 3825 1234"), std::optional<std::string>("02438251234"));
  EXPECT_EQ(normalize_phone("+84 24 3825 1234"), std::optional<std::string>("02438251234"));
}

TEST(NormalizePhone, RefusesWhatIsNotOne) {
  for (const char* text : {"", "091234567", "091234567890", "912345678", "+1 212 555 0100",
                           "0012345678", "BN2400123", "0912a45678", "HK-7F3Q2", "12345"}) {
    EXPECT_EQ(normalize_phone(text), std::nullopt) << text;
  }
}

TEST(CheckinLookup, QrPayloadAndPrefixedCodesNameOneBooking) {
  const std::string code = booking_code(4321);  // "HK-xxxxx"
  const std::string bare = code.substr(3);
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& text : {"HISX:" + code, "hisx:" + lower, "  HISX:" + code + "\n", code,
                                  lower, "HK " + bare, "HK" + bare, " " + code + " "}) {
    const auto lookup = read_checkin_lookup(text);
    EXPECT_EQ(lookup.booking_id, std::optional<long long>(4321)) << text;
    EXPECT_EQ(lookup.patient_query, "") << text;
    EXPECT_EQ(lookup.phone, std::nullopt) << text;
  }
  // A QR payload whose code is damaged names nothing (and searches nothing).
  const auto damaged = read_checkin_lookup("HISX:HK-!!!!!");
  EXPECT_EQ(damaged.booking_id, std::nullopt);
  EXPECT_EQ(damaged.patient_query, "");
}

TEST(CheckinLookup, PhoneNumbersAreNormalisedForThePatientSearch) {
  const auto lookup = read_checkin_lookup("+84 912 345 678");
  EXPECT_EQ(lookup.phone, std::optional<std::string>("0912345678"));
  EXPECT_EQ(lookup.patient_query, "0912345678");
  EXPECT_EQ(lookup.booking_id, std::nullopt);
}

TEST(CheckinLookup, PatientCodesAndNamesAreFoldedForThePatientSearch) {
  auto lookup = read_checkin_lookup(" BN2400123 ");
  EXPECT_EQ(lookup.patient_query, "bn2400123");
  EXPECT_EQ(lookup.booking_id, std::nullopt);
  EXPECT_EQ(lookup.phone, std::nullopt);

  lookup = read_checkin_lookup("Nguyễn Văn Ánh");
  EXPECT_EQ(lookup.patient_query, "nguyen van anh");
  lookup = read_checkin_lookup("50%_off\\");
  EXPECT_EQ(lookup.patient_query, "50  off");  // no SQL wildcards reach the HIS
  EXPECT_EQ(read_checkin_lookup("a").patient_query, "");
  EXPECT_EQ(read_checkin_lookup("   ").patient_query, "");
}

TEST(CheckinLookup, ABareCodeIsTriedAsABookingAndAsAPatientCode) {
  // The first id whose code mixes letters and digits (most do).
  long long id = 1;
  auto mixed = [](const std::string& c) {
    return c.find_first_of("0123456789") != std::string::npos &&
           c.find_first_not_of("0123456789") != std::string::npos;
  };
  while (!mixed(booking_code(id).substr(3))) ++id;
  const std::string bare = booking_code(id).substr(3);
  ASSERT_EQ(bare.size(), 5u);
  const auto lookup = read_checkin_lookup(bare);
  EXPECT_EQ(lookup.booking_id, std::optional<long long>(id)) << bare;
  EXPECT_FALSE(lookup.patient_query.empty());
  // Five digits are never read as a booking; nor are four or six characters.
  EXPECT_EQ(read_checkin_lookup("12345").booking_id, std::nullopt);
  EXPECT_EQ(read_checkin_lookup(bare.substr(0, 4)).booking_id, std::nullopt);
}

}  // namespace
}  // namespace hisx::appointments
