#include "online/webhook_signature_rules.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

namespace hisx::fast_lane {
namespace {

using std::chrono::seconds;

constexpr long long kT = 1767225600;  // 2026-01-01T00:00:00Z.
const std::string kSecret = "whsec_hisx_test_2026";
const std::string kOldSecret = "whsec_hisx_test_2025";
const std::string kBody = R"({"payment_id":"PAY-0001","amount":150000,"reference":"HISX7Q2XM4"})";
// printf '%s' '1767225600.{"payment_id":"PAY-0001","amount":150000,"reference":"HISX7Q2XM4"}' |
//   openssl dgst -sha256 -hmac 'whsec_hisx_test_2026'
const std::string kSignature = "523be859cfd0c9981bf275aee031a17029c3849eb9cc275e7dbc493636fc5c6d";
const std::string kHeader = "t=1767225600,v1=" + kSignature;

sdk::Instant at(long long unix_seconds) { return sdk::Instant{seconds{unix_seconds}}; }

SignatureCheck check(std::string_view header, std::string_view body = kBody,
                     std::vector<std::string> secrets = {kSecret}, long long now = kT) {
  return verify_webhook_signature(header, body, secrets, at(now), seconds{300});
}

SignatureVerdict verdict(std::string_view header) { return check(header).verdict; }

TEST(WebhookHmac, MatchesRfc4231TestCase2) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookSignature, SignsAsOpensslDoes) {
  EXPECT_EQ(sign_webhook(kSecret, kT, kBody), kHeader);
  EXPECT_EQ(hmac_sha256_hex(kSecret, std::to_string(kT) + "." + kBody), kSignature);
}

TEST(WebhookSignature, AcceptsTheGatewaysSignature) {
  const SignatureCheck result = check(kHeader);
  EXPECT_EQ(result.verdict, SignatureVerdict::kValid);
  EXPECT_EQ(result.timestamp, kT);
  EXPECT_EQ(result.detail, "");
  EXPECT_EQ(check(sign_webhook(kSecret, kT, ""), "").verdict, SignatureVerdict::kValid)
      << "an empty body is signed too";
}

TEST(WebhookSignature, RefusesAOneByteChangeInTheBody) {
  std::string body = kBody;
  body[body.find("150000")] = '9';
  const SignatureCheck result = check(kHeader, body);
  EXPECT_EQ(result.verdict, SignatureVerdict::kMismatch);
  EXPECT_EQ(result.timestamp, kT);
  EXPECT_EQ(check(kHeader, kBody + " ").verdict, SignatureVerdict::kMismatch);
}

TEST(WebhookSignature, RefusesAChangedTimestamp) {
  EXPECT_EQ(verdict("t=1767225601,v1=" + kSignature), SignatureVerdict::kMismatch);
}

TEST(WebhookSignature, RefusesTheWrongSecretAndSaysNothingSecret) {
  const SignatureCheck result = check(kHeader, kBody, {"whsec_someone_else"});
  EXPECT_EQ(result.verdict, SignatureVerdict::kMismatch);
  EXPECT_NE(result.detail.find("matches none"), std::string::npos) << result.detail;
  EXPECT_NE(result.detail.find("không khớp"), std::string::npos) << result.detail;
  const std::string expected =
      hmac_sha256_hex("whsec_someone_else", std::to_string(kT) + "." + kBody);
  EXPECT_EQ(result.detail.find(expected), std::string::npos);
  EXPECT_EQ(result.detail.find("whsec"), std::string::npos);
}

TEST(WebhookSignature, RefusesWhenNoSecretIsConfigured) {
  for (const std::vector<std::string>& secrets :
       {std::vector<std::string>{}, std::vector<std::string>{""}}) {
    const SignatureCheck result = check(kHeader, kBody, secrets);
    EXPECT_EQ(result.verdict, SignatureVerdict::kMismatch);
    EXPECT_NE(result.detail.find("No webhook secret"), std::string::npos) << result.detail;
  }
  // An empty secret is never a key, even when a gateway signed with one.
  EXPECT_EQ(check(sign_webhook("", kT, kBody), kBody, {""}).verdict, SignatureVerdict::kMismatch);
}

TEST(WebhookSignature, AcceptsEitherSecretWhileOneIsRotated) {
  const std::vector<std::string> both = {kSecret, kOldSecret};
  // The gateway still signs with the old secret only.
  EXPECT_EQ(check(sign_webhook(kOldSecret, kT, kBody), kBody, both).verdict,
            SignatureVerdict::kValid);
  // The gateway signs with both; hisx holds either one.
  const std::string old_v1 =
      sign_webhook(kOldSecret, kT, kBody).substr(std::string("t=1767225600,").size());
  const std::string two = kHeader + "," + old_v1;
  EXPECT_EQ(check(two, kBody, {kSecret}).verdict, SignatureVerdict::kValid);
  EXPECT_EQ(check(two, kBody, {kOldSecret}).verdict, SignatureVerdict::kValid);
  EXPECT_EQ(check(two, kBody, {"", kOldSecret}).verdict, SignatureVerdict::kValid);
  // Neither matches a third secret.
  EXPECT_EQ(check(two, kBody, {"whsec_third"}).verdict, SignatureVerdict::kMismatch);
  // A bad entry next to a good one does not spoil it.
  const std::string wrong = std::string(64, 'a');
  EXPECT_EQ(check("t=1767225600,v1=" + wrong + ",v1=" + kSignature).verdict,
            SignatureVerdict::kValid);
}

TEST(WebhookSignature, AcceptsTExactlyAtTheWindowEitherWay) {
  EXPECT_EQ(check(kHeader, kBody, {kSecret}, kT + 300).verdict, SignatureVerdict::kValid);
  EXPECT_EQ(check(kHeader, kBody, {kSecret}, kT - 300).verdict, SignatureVerdict::kValid);
}

TEST(WebhookSignature, RefusesTOneSecondBeyondTheWindow) {
  const SignatureCheck old = check(kHeader, kBody, {kSecret}, kT + 301);
  EXPECT_EQ(old.verdict, SignatureVerdict::kTooOld);
  EXPECT_EQ(old.timestamp, kT);
  EXPECT_EQ(old.detail,
            "The webhook was signed 301 s ago, more than the 300 s allowed / Webhook được ký cách "
            "đây 301 giây, quá 300 giây cho phép");
  const SignatureCheck early = check(kHeader, kBody, {kSecret}, kT - 301);
  EXPECT_EQ(early.verdict, SignatureVerdict::kTooNew);
  EXPECT_NE(early.detail.find("301 s ahead"), std::string::npos) << early.detail;
  EXPECT_NE(early.detail.find("301 giây"), std::string::npos) << early.detail;
  // A replay a day later.
  EXPECT_EQ(check(kHeader, kBody, {kSecret}, kT + 86400).verdict, SignatureVerdict::kTooOld);
}

TEST(WebhookSignature, ChecksTheSignatureBeforeTheTime) {
  // A forgery is a mismatch however old it is.
  EXPECT_EQ(check(kHeader, kBody, {"whsec_other"}, kT + 86400).verdict,
            SignatureVerdict::kMismatch);
}

TEST(WebhookSignature, AnEmptyHeaderIsMissing) {
  for (std::string_view header : {"", " ", "\t "}) {
    const SignatureCheck result = check(header);
    EXPECT_EQ(result.verdict, SignatureVerdict::kMissing);
    EXPECT_EQ(result.timestamp, 0);
    EXPECT_NE(result.detail.find("X-Hisx-Signature"), std::string::npos);
    EXPECT_NE(result.detail.find("Thiếu"), std::string::npos);
  }
}

TEST(WebhookSignature, RefusesMalformedHeaders) {
  const std::string v1 = "v1=" + kSignature;
  const std::vector<std::string> headers = {
      v1,                                               // No t.
      "t=," + v1,                                       // Empty t.
      "t=abc," + v1,                                    // Non-numeric t.
      "t=-1767225600," + v1,                            // Signed t.
      "t=1767225600.5," + v1,                           // Fractional t.
      "t=176722560000000000000000," + v1,               // Huge t.
      "t=1767225600",                                   // No v1.
      "t=1767225600,v0=" + kSignature,                  // Only another scheme.
      "t=1767225600,v1=",                               // Empty v1.
      "t=1767225600,v1=" + kSignature.substr(1),        // Odd length.
      "t=1767225600,v1=" + kSignature.substr(2),        // Even but too short.
      "t=1767225600,v1=" + kSignature + "00",           // Too long.
      "t=1767225600,v1=" + std::string(63, 'a') + "g",  // Not hex.
      "t=1767225600,t=1767225600," + v1,                // Two t.
      "t=1767225600;" + v1,                             // Wrong separator.
      "t=1767225600," + v1 + ",",                       // Trailing comma.
      "t=1767225600,," + v1,                            // Empty part.
      "=1767225600," + v1,                              // No key.
      "sha256=" + kSignature,                           // Another gateway's format.
      "garbage",
      "Bearer eyJhbGciOiJIUzI1NiJ9",
  };
  for (const auto& header : headers) {
    const SignatureCheck result = check(header);
    EXPECT_EQ(result.verdict, SignatureVerdict::kMalformed) << header;
    EXPECT_NE(result.detail.find("malformed"), std::string::npos) << header;
    EXPECT_NE(result.detail.find("sai định dạng"), std::string::npos) << header;
  }
  EXPECT_NE(check("t=1767225600").detail.find("v1 is missing"), std::string::npos);
  EXPECT_NE(check(v1).detail.find("t is missing"), std::string::npos);
}

TEST(WebhookSignature, RefusesMoreThanEightSignatures) {
  std::string header = "t=1767225600";
  for (int i = 0; i < 8; ++i) header += ",v1=" + std::string(64, 'b');
  EXPECT_EQ(verdict(header + ",v1=" + kSignature), SignatureVerdict::kMalformed);
  EXPECT_EQ(verdict(header.substr(0, header.size() - 68) + ",v1=" + kSignature),
            SignatureVerdict::kValid);
}

TEST(WebhookSignature, ToleratesWhitespaceOtherKeysOrderAndUppercaseHex) {
  std::string upper = kSignature;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::vector<std::string> headers = {
      " t=1767225600 , v1=" + kSignature + " ",
      "t = 1767225600,\tv1 =\t" + kSignature,
      "v1=" + kSignature + ",t=1767225600",
      "t=1767225600,v0=whatever,v1=" + kSignature + ",v2=future",
      "t=1767225600,v1=" + upper,
  };
  for (const auto& header : headers) {
    const SignatureCheck result = check(header);
    EXPECT_EQ(result.verdict, SignatureVerdict::kValid) << header << ": " << result.detail;
    EXPECT_EQ(result.timestamp, kT) << header;
  }
}

TEST(WebhookSignature, TheVerdictsHaveStableNames) {
  EXPECT_EQ(to_string(SignatureVerdict::kValid), "valid");
  EXPECT_EQ(to_string(SignatureVerdict::kMissing), "missing");
  EXPECT_EQ(to_string(SignatureVerdict::kMalformed), "malformed");
  EXPECT_EQ(to_string(SignatureVerdict::kMismatch), "mismatch");
  EXPECT_EQ(to_string(SignatureVerdict::kTooOld), "too_old");
  EXPECT_EQ(to_string(SignatureVerdict::kTooNew), "too_new");
}

}  // namespace
}  // namespace hisx::fast_lane
