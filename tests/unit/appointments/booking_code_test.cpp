// Booking codes: "HK-" and Crockford base 32, a bijection of the booking id.
#include "booking/booking_code.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace hisx::appointments {
namespace {

TEST(BookingCode, FormatIsHkAndFiveUnambiguousCharacters) {
  for (long long id : {1LL, 2LL, 42LL, 999LL, 123456LL, 33554431LL}) {
    const std::string code = booking_code(id);
    EXPECT_THAT(code, ::testing::MatchesRegex("HK-[0-9A-HJKMNP-TV-Z]{5}")) << id;
  }
}

TEST(BookingCode, RoundTripsAndConsecutiveIdsLookUnrelated) {
  std::set<std::string> seen;
  for (long long id = 1; id <= 20000; ++id) {
    const std::string code = booking_code(id);
    ASSERT_TRUE(seen.insert(code).second) << "duplicate " << code;
    ASSERT_EQ(booking_id_from_code(code), id) << code;
  }
  // Neighbours differ in more than the last character.
  EXPECT_NE(booking_code(1).substr(3, 3), booking_code(2).substr(3, 3));
}

TEST(BookingCode, LargeIdsGetLongerCodes) {
  EXPECT_EQ(booking_code(33554432).size(), 3u + 6u);
  EXPECT_EQ(booking_id_from_code(booking_code(33554432)), 33554432);
  EXPECT_EQ(booking_id_from_code(booking_code(9000000000000LL)), 9000000000000LL);
}

TEST(BookingCode, ReadingIsForgiving) {
  const long long id = 4711;
  const std::string code = booking_code(id);
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(booking_id_from_code(lower), id);
  EXPECT_EQ(booking_id_from_code(code.substr(3)), id) << "without the prefix";
  // Crockford: O is read as 0, I and L as 1.
  std::string typed = code;
  for (char& c : typed) {
    if (c == '0') c = 'O';
    if (c == '1') c = 'I';
  }
  EXPECT_EQ(booking_id_from_code(typed), id) << typed;
}

TEST(BookingCode, NonCodesAreRefused) {
  for (const char* bad :
       {"", "HK-", "HK-12", "HK-ABCU1", "HK-ABC!1", "XX-7F3Q2", "1234567890123"}) {
    EXPECT_FALSE(booking_id_from_code(bad)) << bad;
  }
  // Every code that decodes is the one booking_code() gives for that id; six-character codes
  // that would decode to an id of five characters are not ours and are refused.
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  int refused = 0, accepted = 0;
  for (char a : alphabet) {
    for (char b : alphabet) {
      const std::string six = std::string("7F3Q") + a + b;
      const auto id = booking_id_from_code(six);
      if (!id) {
        ++refused;
        continue;
      }
      ++accepted;
      EXPECT_EQ(booking_code(*id), "HK-" + six);
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace hisx::appointments
