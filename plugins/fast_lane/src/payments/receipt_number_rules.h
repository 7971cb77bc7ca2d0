#pragma once

#include <optional>
#include <string>
#include <string_view>

// Receipt numbers (số biên lai), as plain code. A receipt is numbered within its receipt book
// (quyển biên lai: a short code such as "A" or "QT01") and the calendar year of the hospital's
// local time, sequentially from 1 and never reused; the printed number carries all three, so
// that two receipts never share a number.

namespace hisx::fast_lane {

/// Whether `book` is a usable receipt book code: 1-8 characters of [A-Z0-9].
bool valid_receipt_book(std::string_view book);

/// "A-2026-000123": the book, the 4-digit year and the sequence in at least 6 digits
/// ("QT01-2026-1234567" past 999999). Throws std::invalid_argument when the book is not valid,
/// the year is not 1000-9999 or the sequence is below 1.
std::string format_receipt_number(std::string_view book, int year, long long sequence);

/// A receipt number's parts.
struct ReceiptNumber {
  std::string book;
  int year = 0;
  long long sequence = 0;

  friend bool operator==(const ReceiptNumber&, const ReceiptNumber&) = default;
};

/// The parts of a number as format_receipt_number() writes it, or nothing: a valid book, "-",
/// 4 digits (1000-9999), "-", the sequence (1 or more) in 6 to 18 digits, zero-padded to 6 and
/// not beyond ("A-2026-0123456" is not a number hisx printed). Nothing else is accepted, no
/// spaces, no lowercase book.
std::optional<ReceiptNumber> parse_receipt_number(std::string_view text);

}  // namespace hisx::fast_lane
