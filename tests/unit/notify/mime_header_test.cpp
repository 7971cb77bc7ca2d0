#include "notify/mime_header.h"

#include <gmock/gmock.h>

#include <sstream>

#include "support/smtp_sink.h"

namespace hisx::host {
namespace {

using ::testing::StartsWith;

// The encoded words of a folded header value, one per line.
std::vector<std::string> words(const std::string& value) {
  std::vector<std::string> out;
  std::istringstream in(value);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() == ' ') line.erase(0, 1);
    out.push_back(line);
  }
  return out;
}

bool whole_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : b >= 0x80 ? 0 : 1;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST(MimeHeader, PlainAsciiStaysAsItIs) {
  EXPECT_EQ(encode_mime_header("Lab results ready"), "Lab results ready");
  EXPECT_EQ(encode_mime_header(""), "");
}

TEST(MimeHeader, VietnameseIsEncodedInWholeCharacters) {
  std::string subject;
  for (int i = 0; i < 8; ++i) subject += "Kết quả xét nghiệm — Bệnh viện Đa khoa ";
  const std::string encoded = encode_mime_header(subject);
  for (unsigned char c : encoded) EXPECT_LT(c, 0x80);
  const auto parts = words(encoded);
  ASSERT_GT(parts.size(), 4u);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_THAT(parts[i], StartsWith("=?UTF-8?B?"));
    // Each word decodes on its own to whole characters (RFC 2047, section 5).
    const std::string decoded = test::decode_mime_words(parts[i]);
    EXPECT_TRUE(whole_utf8(decoded)) << "word " << i << " cuts a character: " << parts[i];
    // No line longer than 76 characters, the first one after "Subject: ".
    EXPECT_LE(parts[i].size() + (i == 0 ? 9 : 1), 76u) << parts[i];
  }
  EXPECT_EQ(test::decode_mime_words(encoded), subject);
}

TEST(MimeHeader, TextThatLooksEncodedIsEncoded) {
  const std::string tricky = "=?UTF-8?B?SGk=?=";
  const std::string encoded = encode_mime_header(tricky);
  EXPECT_NE(encoded, tricky);
  EXPECT_EQ(test::decode_mime_words(encoded), tricky);
}

}  // namespace
}  // namespace hisx::host
