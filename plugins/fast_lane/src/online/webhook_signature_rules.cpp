#include "online/webhook_signature_rules.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <optional>
#include <utility>

namespace hisx::fast_lane {

namespace {

// Poco's HMACEngine takes the block and digest sizes from constants of the engine type, which
// Poco 1.11's SHA2Engine (SHA-256 by default) does not declare.
class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(SHA_256) {}
};

using Digest = Poco::DigestEngine::Digest;

constexpr std::size_t kMaxSignatures = 8;
constexpr std::size_t kMaxTimestampDigits = 12;

Digest hmac_sha256(std::string_view key, std::string_view timestamp, std::string_view body) {
  Poco::HMACEngine<Sha256Engine> hmac(key.data(), key.size());
  hmac.update(timestamp.data(), timestamp.size());
  hmac.update('.');
  hmac.update(body.data(), body.size());
  return hmac.digest();
}

// Equal sizes and bytes, in a time that depends on the sizes only.
bool equal_in_constant_time(const Digest& a, const Digest& b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) difference |= a[i] ^ b[i];
  return difference == 0;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Digest> decode_hex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  Digest bytes;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int high = hex_value(text[i]);
    const int low = hex_value(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes.push_back(static_cast<unsigned char>(high * 16 + low));
  }
  return bytes;
}

SignatureCheck malformed(std::string_view reason_en, std::string_view reason_vi,
                         long long timestamp = 0) {
  return {SignatureVerdict::kMalformed, timestamp,
          "The X-Hisx-Signature header is malformed: " + std::string(reason_en) +
              " / Tiêu đề X-Hisx-Signature sai định dạng: " + std::string(reason_vi)};
}

struct SignatureHeader {
  std::string_view timestamp_text;
  long long timestamp = 0;
  std::vector<Digest> signatures;
};

// The header's parts, or the malformed verdict saying why not.
std::optional<SignatureCheck> parse_header(std::string_view header, SignatureHeader& out) {
  bool has_timestamp = false;
  std::size_t at = 0;
  while (at <= header.size()) {
    const std::size_t comma = std::min(header.find(',', at), header.size());
    const std::string_view part = trim(header.substr(at, comma - at));
    at = comma + 1;
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos || trim(part.substr(0, equals)).empty()) {
      return malformed("every part must be key=value, separated by commas",
                       "mỗi phần phải có dạng khóa=giá trị, cách nhau bằng dấu phẩy");
    }
    const std::string_view key = trim(part.substr(0, equals));
    const std::string_view value = trim(part.substr(equals + 1));
    if (key == "t") {
      if (has_timestamp) return malformed("t appears twice", "t xuất hiện hai lần");
      if (value.empty() || value.size() > kMaxTimestampDigits ||
          value.find_first_not_of("0123456789") != std::string_view::npos) {
        return malformed("t must be Unix seconds, 1 to 12 digits",
                         "t phải là số giây Unix, từ 1 đến 12 chữ số");
      }
      has_timestamp = true;
      out.timestamp_text = value;
      for (char c : value) out.timestamp = out.timestamp * 10 + (c - '0');
    } else if (key == "v1") {
      if (out.signatures.size() == kMaxSignatures) {
        return malformed("more than 8 v1 entries", "có hơn 8 mục v1");
      }
      std::optional<Digest> signature = decode_hex(value);
      if (value.size() != 64 || !signature) {
        return malformed("v1 must be an HMAC-SHA256 in 64 hex digits",
                         "v1 phải là HMAC-SHA256 gồm 64 chữ số thập lục phân");
      }
      out.signatures.push_back(std::move(*signature));
    }
  }
  if (!has_timestamp) return malformed("t is missing", "thiếu t");
  if (out.signatures.empty()) return malformed("v1 is missing", "thiếu v1", out.timestamp);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(SignatureVerdict verdict) {
  switch (verdict) {
    case SignatureVerdict::kValid:
      return "valid";
    case SignatureVerdict::kMissing:
      return "missing";
    case SignatureVerdict::kMalformed:
      return "malformed";
    case SignatureVerdict::kMismatch:
      return "mismatch";
    case SignatureVerdict::kTooOld:
      return "too_old";
    case SignatureVerdict::kTooNew:
      return "too_new";
  }
  return "malformed";
}

SignatureCheck verify_webhook_signature(std::string_view header, std::string_view raw_body,
                                        const std::vector<std::string>& secrets, sdk::Instant now,
                                        std::chrono::seconds window) {
  if (trim(header).empty()) {
    return {SignatureVerdict::kMissing, 0,
            "The X-Hisx-Signature header is missing / Thiếu tiêu đề X-Hisx-Signature"};
  }
  SignatureHeader parsed;
  if (auto refused = parse_header(header, parsed)) return *refused;

  bool any_secret = false;
  bool matched = false;
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    any_secret = true;
    const Digest expected = hmac_sha256(secret, parsed.timestamp_text, raw_body);
    for (const auto& signature : parsed.signatures) {
      matched = equal_in_constant_time(expected, signature) || matched;
    }
  }
  if (!any_secret) {
    return {SignatureVerdict::kMismatch, parsed.timestamp,
            "No webhook secret is configured for this provider / Chưa cấu hình khóa bí mật "
            "webhook cho nhà cung cấp này"};
  }
  if (!matched) {
    return {SignatureVerdict::kMismatch, parsed.timestamp,
            "The webhook signature matches none of the provider's secrets / Chữ ký webhook không "
            "khớp với khóa bí mật nào của nhà cung cấp"};
  }

  const long long skew = parsed.timestamp - now.time_since_epoch().count();
  const long long allowed = window.count();
  if (skew < -allowed) {
    return {SignatureVerdict::kTooOld, parsed.timestamp,
            "The webhook was signed " + std::to_string(-skew) + " s ago, more than the " +
                std::to_string(allowed) + " s allowed / Webhook được ký cách đây " +
                std::to_string(-skew) + " giây, quá " + std::to_string(allowed) + " giây cho phép"};
  }
  if (skew > allowed) {
    return {SignatureVerdict::kTooNew, parsed.timestamp,
            "The webhook's time t is " + std::to_string(skew) +
                " s ahead of the server's clock, more than the " + std::to_string(allowed) +
                " s allowed / Thời điểm t của webhook sớm hơn đồng hồ máy chủ " +
                std::to_string(skew) + " giây, quá " + std::to_string(allowed) + " giây cho phép"};
  }
  return {SignatureVerdict::kValid, parsed.timestamp, ""};
}

std::string sign_webhook(std::string_view secret, long long timestamp, std::string_view raw_body) {
  const std::string t = std::to_string(timestamp);
  return "t=" + t + ",v1=" + Poco::DigestEngine::digestToHex(hmac_sha256(secret, t, raw_body));
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  Poco::HMACEngine<Sha256Engine> hmac(key.data(), key.size());
  hmac.update(data.data(), data.size());
  return Poco::DigestEngine::digestToHex(hmac.digest());
}

}  // namespace hisx::fast_lane
