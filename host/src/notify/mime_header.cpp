#include "notify/mime_header.h"

#include <Poco/Base64Encoder.h>

#include <sstream>

namespace hisx::host {

namespace {

// 39 bytes → 52 base64 characters → a 64-character word; with "Subject: " 73 ≤ 76.
constexpr std::size_t kMaxBytesPerWord = 39;

bool plain_ascii(std::string_view s) {
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7F) return false;
  }
  return s.find("=?") == std::string_view::npos;  // Would read as an encoded word.
}

// Length of the UTF-8 sequence starting at s[i]; 1 for a byte that starts none.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (b >= 0xF8) n = 1;
  for (std::size_t k = 1; k < n; ++k) {
    if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  }
  return n;
}

std::string encoded_word(std::string_view bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return "=?UTF-8?B?" + out.str() + "?=";
}

}  // namespace

std::string encode_mime_header(std::string_view utf8) {
  if (plain_ascii(utf8)) return std::string(utf8);
  std::string out;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::size_t n = sequence_length(utf8, i);
    if (i + n - start > kMaxBytesPerWord) {
      out += (out.empty() ? "" : "\r\n ") + encoded_word(utf8.substr(start, i - start));
      start = i;
    }
    i += n;
  }
  out += (out.empty() ? "" : "\r\n ") + encoded_word(utf8.substr(start));
  return out;
}

}  // namespace hisx::host
