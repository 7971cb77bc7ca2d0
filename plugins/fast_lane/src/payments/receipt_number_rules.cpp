#include "payments/receipt_number_rules.h"

#include <cstdio>
#include <stdexcept>

namespace hisx::fast_lane {

namespace {

constexpr std::size_t kMinSequenceDigits = 6;
constexpr std::size_t kMaxSequenceDigits = 18;

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

long long to_number(std::string_view digits) {
  long long value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

bool valid_receipt_book(std::string_view book) {
  if (book.empty() || book.size() > 8) return false;
  for (char c : book) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string format_receipt_number(std::string_view book, int year, long long sequence) {
  if (!valid_receipt_book(book)) {
    throw std::invalid_argument("receipt book must be 1-8 characters of [A-Z0-9], found '" +
                                std::string(book) + "'");
  }
  if (year < 1000 || year > 9999) {
    throw std::invalid_argument("receipt year must be 1000-9999, found " + std::to_string(year));
  }
  if (sequence < 1) {
    throw std::invalid_argument("receipt sequence must be 1 or more, found " +
                                std::to_string(sequence));
  }
  char digits[32];
  std::snprintf(digits, sizeof digits, "%04d-%06lld", year, sequence);
  return std::string(book) + "-" + digits;
}

std::optional<ReceiptNumber> parse_receipt_number(std::string_view text) {
  const std::size_t first = text.find('-');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = text.find('-', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view book = text.substr(0, first);
  const std::string_view year = text.substr(first + 1, second - first - 1);
  const std::string_view sequence = text.substr(second + 1);
  if (!valid_receipt_book(book)) return std::nullopt;
  if (year.size() != 4 || !all_digits(year) || year[0] == '0') return std::nullopt;
  if (sequence.size() < kMinSequenceDigits || sequence.size() > kMaxSequenceDigits ||
      !all_digits(sequence)) {
    return std::nullopt;
  }
  // Zero padding up to 6 digits only: one number, one spelling.
  if (sequence.size() > kMinSequenceDigits && sequence[0] == '0') return std::nullopt;
  const long long value = to_number(sequence);
  if (value < 1) return std::nullopt;
  return ReceiptNumber{std::string(book), static_cast<int>(to_number(year)), value};
}

}  // namespace hisx::fast_lane
