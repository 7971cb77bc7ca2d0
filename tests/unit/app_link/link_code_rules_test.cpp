// Linking codes and form numbers (codes/link_code_rules.h).
#include "codes/link_code_rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace hisx::app_link {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

TEST(LinkCode, IsEightCharactersOfTheCrockfordAlphabet) {
  for (int i = 0; i < 200; ++i) {
    const std::string code = new_link_code();
    ASSERT_EQ(code.size(), kCodeLength);
    for (const char c : code) EXPECT_NE(kCrockford.find(c), std::string_view::npos) << code;
  }
}

TEST(LinkCode, ManyCodesAreDistinct) {
  std::set<std::string> codes;
  for (int i = 0; i < 10000; ++i) codes.insert(new_link_code());
  // 40 random bits: a repeat among 10 000 has a chance of about 1 in 22 000.
  EXPECT_GE(codes.size(), 9999u);
}

TEST(LinkCode, NormalisesWhatAPatientTypes) {
  EXPECT_EQ(normalise_link_code("7q4k-92xm"), "7Q4K92XM");
  EXPECT_EQ(normalise_link_code(" 7Q4K 92XM "), "7Q4K92XM");
  EXPECT_EQ(normalise_link_code("OIL0-ABCD"), "0110ABCD");  // O → 0, I and L → 1.
  EXPECT_EQ(normalise_link_code("oil0abcd"), "0110ABCD");
  EXPECT_EQ(normalise_link_code("7Q4K-92X"), std::nullopt);    // Too short.
  EXPECT_EQ(normalise_link_code("7Q4K-92XMM"), std::nullopt);  // Too long.
  EXPECT_EQ(normalise_link_code("7Q4K-92XU"), std::nullopt);   // U is not in the alphabet.
  EXPECT_EQ(normalise_link_code(""), std::nullopt);
}

TEST(LinkCode, IsPrintedWithAHyphenInTheMiddle) {
  EXPECT_EQ(display_link_code("7Q4K92XM"), "7Q4K-92XM");
  EXPECT_EQ(normalise_link_code(display_link_code("7Q4K92XM")), "7Q4K92XM");
}

TEST(FormNumber, HasAtLeastSevenDigitsAndRoundTrips) {
  EXPECT_EQ(form_number(42), "LK0000042");
  EXPECT_EQ(form_number(123456789), "LK123456789");
  for (const long long serial : {1LL, 42LL, 9999999LL, 10000000LL, 123456789012LL}) {
    EXPECT_EQ(form_serial(form_number(serial)), serial);
  }
  EXPECT_EQ(form_serial(" lk0000042 "), 42);
}

TEST(FormNumber, RefusesWhatIsNotOne) {
  for (const char* bad : {"", "LK", "LK0000000", "XK0000042", "LK00000A2", "42", "LK-42",
                          "LK000000000000000000042"}) {
    EXPECT_EQ(form_serial(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace hisx::app_link
