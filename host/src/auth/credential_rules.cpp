#include "auth/credential_rules.h"

#include <sodium.h>

#include <stdexcept>

namespace hisx::host {

namespace {

// UTF-8 code points: every byte that is not a continuation byte starts one.
std::size_t count_chars(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

}  // namespace

std::optional<std::string> normalize_username(std::string_view username) {
  const auto first = username.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  username = username.substr(first, username.find_last_not_of(" \t") - first + 1);
  if (username.size() > kMaxUsernameChars) return std::nullopt;
  std::string out;
  out.reserve(username.size());
  for (char c : username) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!is_name_char(c)) return std::nullopt;
    out.push_back(c);
  }
  if (out.front() == '.' || out.front() == '_' || out.front() == '-') return std::nullopt;
  return out;
}

std::string username_rule() {
  return "Tên đăng nhập gồm 1–64 ký tự a-z, 0-9, '.', '_', '-' và bắt đầu bằng chữ hoặc số. / "
         "A username is 1 to 64 characters of a-z, 0-9, '.', '_', '-', starting with a letter "
         "or digit.";
}

std::string password_problem(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return "Mật khẩu dài quá " + std::to_string(kMaxPasswordBytes) +
           " byte. / The password is "
           "longer than " +
           std::to_string(kMaxPasswordBytes) + " bytes.";
  }
  if (count_chars(password) < kMinPasswordChars) {
    return "Mật khẩu cần ít nhất " + std::to_string(kMinPasswordChars) +
           " ký tự. / The password "
           "needs at least " +
           std::to_string(kMinPasswordChars) + " characters.";
  }
  return {};
}

std::string generate_password() {
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string out(20, '\0');
  for (char& c : out) {
    c = kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  }
  return out;
}

}  // namespace hisx::host
