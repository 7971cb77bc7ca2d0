#include "booking/booking_code.h"

#include <cstdint>

namespace hisx::appointments {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kPrefix = "HK-";
constexpr int kMinLength = 5;
constexpr int kMaxLength = 12;  // 60 bits: any id a database will hand out.

// x ↦ (x·A + B) mod 2^(5·length) is a bijection for odd A; its inverse multiplies by A⁻¹.
constexpr std::uint64_t kMultiplier = 0x5DEECE66DULL;
constexpr std::uint64_t kOffset = 0x1B3A5C7ULL;

constexpr std::uint64_t inverse(std::uint64_t a) {
  std::uint64_t x = a;  // Newton's iteration doubles the correct low bits each step.
  for (int i = 0; i < 6; ++i) x *= 2 - a * x;
  return x;
}

std::uint64_t mask(int length) { return (std::uint64_t{1} << (5 * length)) - 1; }

int length_for(std::uint64_t id) {
  int length = kMinLength;
  while (length < kMaxLength && id > mask(length)) ++length;
  return length;
}

int digit_value(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::string booking_code(long long id) {
  const auto n = static_cast<std::uint64_t>(id);
  const int length = length_for(n);
  std::uint64_t x = (n * kMultiplier + kOffset) & mask(length);
  std::string digits(static_cast<std::size_t>(length), '0');
  for (int i = length - 1; i >= 0; --i) {
    digits[static_cast<std::size_t>(i)] = kAlphabet[x & 31];
    x >>= 5;
  }
  return std::string(kPrefix) + digits;
}

std::optional<long long> booking_id_from_code(std::string_view code) {
  const auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; };
  if (code.size() > 3 && upper(code[0]) == 'H' && upper(code[1]) == 'K' && code[2] == '-') {
    code.remove_prefix(3);
  }
  const int length = static_cast<int>(code.size());
  if (length < kMinLength || length > kMaxLength) return std::nullopt;
  std::uint64_t x = 0;
  for (char c : code) {
    const int v = digit_value(c);
    if (v < 0) return std::nullopt;
    x = (x << 5) | static_cast<std::uint64_t>(v);
  }
  const std::uint64_t id = ((x - kOffset) * inverse(kMultiplier)) & mask(length);
  // Each id has one length: a longer code for a small id is not one we hand out.
  if (length_for(id) != length || id > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
  return static_cast<long long>(id);
}

}  // namespace hisx::appointments
