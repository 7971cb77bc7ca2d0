#include "payments/receipt_number_rules.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace hisx::fast_lane {
namespace {

TEST(ReceiptNumbers, HaveTheBookTheYearAndSixDigits) {
  EXPECT_EQ(format_receipt_number("A", 2026, 123), "A-2026-000123");
  EXPECT_EQ(format_receipt_number("QT01", 2026, 1), "QT01-2026-000001");
  EXPECT_EQ(format_receipt_number("ABCDEFGH", 2027, 999999), "ABCDEFGH-2027-999999");
}

TEST(ReceiptNumbers, GrowPastSixDigits) {
  EXPECT_EQ(format_receipt_number("A", 2026, 1000000), "A-2026-1000000");
  EXPECT_EQ(format_receipt_number("A", 2026, 1234567), "A-2026-1234567");
  EXPECT_EQ(parse_receipt_number("A-2026-1234567"), (ReceiptNumber{"A", 2026, 1234567}));
  EXPECT_EQ(parse_receipt_number("B2-2026-999999999999999999"),
            (ReceiptNumber{"B2", 2026, 999'999'999'999'999'999}));
}

TEST(ReceiptNumbers, RoundTrip) {
  for (const char* book : {"A", "Z", "0", "QT01", "12345678", "KB2026"}) {
    for (int year : {1000, 2025, 2026, 9999}) {
      for (long long sequence : {1LL, 9LL, 10LL, 123LL, 99999LL, 100000LL, 999999LL, 1000000LL,
                                 1234567LL, 98765432101LL}) {
        const std::string text = format_receipt_number(book, year, sequence);
        const auto parsed = parse_receipt_number(text);
        ASSERT_TRUE(parsed) << text;
        EXPECT_EQ(*parsed, (ReceiptNumber{book, year, sequence})) << text;
        EXPECT_EQ(format_receipt_number(parsed->book, parsed->year, parsed->sequence), text);
      }
    }
  }
}

TEST(ReceiptNumbers, BooksAreOneToEightCapitalsOrDigits) {
  EXPECT_TRUE(valid_receipt_book("A"));
  EXPECT_TRUE(valid_receipt_book("QT01"));
  EXPECT_TRUE(valid_receipt_book("ABCDEFGH"));
  EXPECT_TRUE(valid_receipt_book("2026"));
  EXPECT_FALSE(valid_receipt_book(""));
  EXPECT_FALSE(valid_receipt_book("ABCDEFGHI"));
  EXPECT_FALSE(valid_receipt_book("qt01"));
  EXPECT_FALSE(valid_receipt_book("QT-01"));
  EXPECT_FALSE(valid_receipt_book("QT 01"));
  EXPECT_FALSE(valid_receipt_book("Đ1"));
}

TEST(ReceiptNumbers, FormatRefusesWhatCannotBeANumber) {
  EXPECT_THROW(format_receipt_number("", 2026, 1), std::invalid_argument);
  EXPECT_THROW(format_receipt_number("qt01", 2026, 1), std::invalid_argument);
  EXPECT_THROW(format_receipt_number("A-B", 2026, 1), std::invalid_argument);
  EXPECT_THROW(format_receipt_number("A", 999, 1), std::invalid_argument);
  EXPECT_THROW(format_receipt_number("A", 10000, 1), std::invalid_argument);
  EXPECT_THROW(format_receipt_number("A", 2026, 0), std::invalid_argument);
  EXPECT_THROW(format_receipt_number("A", 2026, -1), std::invalid_argument);
  try {
    format_receipt_number("qt01", 2026, 1);
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "receipt book must be 1-8 characters of [A-Z0-9], found 'qt01'");
  }
}

TEST(ReceiptNumbers, ParseRefusesAnythingElse) {
  for (const char* text : {
           "",
           "A",
           "A-2026",
           "A-2026-",
           "-2026-000123",           // No book.
           "a-2026-000123",          // Lowercase book.
           "ABCDEFGHI-2026-000123",  // Book too long.
           "A-26-000123",            // Two-digit year.
           "A-02026-000123",         // Five-digit year.
           "A-0999-000123",          // Year below 1000.
           "A-20X6-000123",
           "A-2026-123",  // Fewer than 6 digits.
           "A-2026-00123",
           "A-2026-000000",               // Sequences start at 1.
           "A-2026-0123456",              // Padded beyond 6 digits: not how it is printed.
           "A-2026-1234567890123456789",  // More than 18 digits.
           "A-2026-000123-1",
           "A-2026-+00123",
           "A-2026- 00123",
           " A-2026-000123",
           "A-2026-000123 ",
           "A_2026_000123",
           "A-2026-00012x",
       }) {
    EXPECT_EQ(parse_receipt_number(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace hisx::fast_lane
