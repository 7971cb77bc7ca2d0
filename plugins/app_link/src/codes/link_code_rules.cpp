#include "codes/link_code_rules.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace hisx::app_link {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void random_bytes(unsigned char* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = getrandom(out + got, n - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("getrandom failed: no random source for linking codes");
    }
    got += static_cast<std::size_t>(r);
  }
}

}  // namespace

std::string new_link_code() {
  unsigned char bytes[5];  // 40 bits: 8 characters of 5 bits
  random_bytes(bytes, sizeof bytes);
  std::uint64_t bits = 0;
  for (unsigned char b : bytes) bits = (bits << 8) | b;
  std::string code(kCodeLength, '0');
  for (std::size_t i = kCodeLength; i-- > 0;) {
    code[i] = kAlphabet[bits & 31];
    bits >>= 5;
  }
  return code;
}

std::optional<std::string> normalise_link_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    if (kAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    out.push_back(c);
    if (out.size() > kCodeLength) return std::nullopt;
  }
  if (out.size() != kCodeLength) return std::nullopt;
  return out;
}

std::string display_link_code(const std::string& code) {
  if (code.size() != kCodeLength) return code;
  return code.substr(0, 4) + "-" + code.substr(4);
}

std::string form_number(long long serial) {
  std::string digits = std::to_string(serial);
  if (digits.size() < 7) digits.insert(0, 7 - digits.size(), '0');
  return "LK" + digits;
}

std::optional<long long> form_serial(std::string_view number) {
  while (!number.empty() && number.front() == ' ') number.remove_prefix(1);
  while (!number.empty() && number.back() == ' ') number.remove_suffix(1);
  if (number.size() < 3 || number.size() > 20) return std::nullopt;
  if ((number[0] != 'L' && number[0] != 'l') || (number[1] != 'K' && number[1] != 'k')) {
    return std::nullopt;
  }
  long long serial = 0;
  for (char c : number.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    serial = serial * 10 + (c - '0');
  }
  if (serial <= 0) return std::nullopt;
  return serial;
}

}  // namespace hisx::app_link
