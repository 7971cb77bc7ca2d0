#include "printing/money_text_rules.h"

#include <array>
#include <stdexcept>

#include "hisx/uploads.h"

namespace hisx::fast_lane {

namespace {

// The magnitude of `amount`, also of the most negative one.
unsigned long long magnitude(long long amount) {
  return amount < 0 ? 0ULL - static_cast<unsigned long long>(amount)
                    : static_cast<unsigned long long>(amount);
}

std::string grouped_digits(unsigned long long value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

constexpr std::array<const char*, 10> kDigits = {"không", "một", "hai", "ba",  "bốn",
                                                 "năm",   "sáu", "bảy", "tám", "chín"};

void add_word(std::string& out, std::string_view word) {
  if (!out.empty()) out += ' ';
  out += word;
}

// One group of three digits (1–999). The first group of a number leaves out an empty hundred
// ("hai mươi", not "không trăm hai mươi"); every later group is read in full.
void add_triple(std::string& out, unsigned value, bool first) {
  const unsigned hundreds = value / 100, tens = value / 10 % 10, units = value % 10;
  if (hundreds > 0 || !first) {
    add_word(out, kDigits[hundreds]);
    add_word(out, "trăm");
  }
  if (tens == 0) {
    if (units > 0 && (hundreds > 0 || !first)) add_word(out, "lẻ");
  } else if (tens == 1) {
    add_word(out, "mười");
  } else {
    add_word(out, kDigits[tens]);
    add_word(out, "mươi");
  }
  if (units == 0) return;
  if (units == 1 && tens >= 2) {
    add_word(out, "mốt");
  } else if (units == 5 && tens >= 1) {
    add_word(out, "lăm");
  } else {
    add_word(out, kDigits[units]);
  }
}

// `value` (above 0) below a billion as groups: triệu, nghìn and the units.
void add_below_billion(std::string& out, unsigned long long value, bool first) {
  constexpr std::array<const char*, 3> kScales = {"triệu", "nghìn", ""};
  constexpr std::array<unsigned long long, 3> kSizes = {1'000'000, 1'000, 1};
  for (std::size_t i = 0; i < kSizes.size(); ++i) {
    const auto group = static_cast<unsigned>(value / kSizes[i] % 1000);
    if (group == 0) continue;
    add_triple(out, group, first);
    first = false;
    if (*kScales[i] != '\0') add_word(out, kScales[i]);
  }
}

// `value` (above 0): what is above a billion is read as a number of its own followed by "tỷ".
void add_number(std::string& out, unsigned long long value, bool first) {
  constexpr unsigned long long kBillion = 1'000'000'000;
  if (value >= kBillion) {
    add_number(out, value / kBillion, first);
    add_word(out, "tỷ");
    first = false;
  }
  if (value % kBillion > 0) add_below_billion(out, value % kBillion, first);
}

}  // namespace

std::string format_vnd(long long amount) {
  return (amount < 0 ? "-" : "") + grouped_digits(magnitude(amount)) + " đ";
}

std::string format_vnd_signed(long long amount) {
  return (amount > 0 ? "+" : "") + format_vnd(amount);
}

std::string vnd_in_words(long long amount) {
  std::string words;
  if (amount == 0) {
    words = "không";
  } else {
    add_number(words, magnitude(amount), true);
  }
  words += " đồng";
  if (amount < 0) return "Âm " + words;
  words[0] = static_cast<char>(words[0] - 'a' + 'A');  // Every number word starts in ASCII.
  return words;
}

std::optional<std::string_view> payment_method_title(std::string_view method) {
  if (method == "cash") return "Tiền mặt / Cash";
  if (method == "card") return "Thẻ / Card";
  if (method == "transfer") return "Chuyển khoản / Bank transfer";
  if (method == "prepaid") return "Trả trước qua ứng dụng / Prepaid in the app";
  return std::nullopt;
}

void check_print_text(std::string_view field, std::string_view text) {
  const std::size_t bad = sdk::invalid_utf8_at(text);
  if (bad != std::string_view::npos) {
    throw std::invalid_argument(std::string(field) + ": the text is not valid UTF-8 (byte " +
                                std::to_string(bad + 1) + ")");
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;  // U+0080–U+009F
    if (c < 0x20 || c == 0x7F || c1) {
      throw std::invalid_argument(std::string(field) + ": control character at byte " +
                                  std::to_string(i + 1) + " (one line of printable text)");
    }
  }
}

}  // namespace hisx::fast_lane
