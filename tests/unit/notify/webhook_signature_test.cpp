#include "notify/webhook_signature.h"

#include <gtest/gtest.h>

namespace hisx::host {
namespace {

// RFC 4231, HMAC-SHA-256 test cases 1, 2 and 6 (a key longer than the block).
TEST(HmacSha256, MatchesRfc4231Vectors) {
  EXPECT_EQ(hmac_sha256_hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hmac_sha256_hex(std::string(131, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

// Expected value from `printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac s3cret-key`.
TEST(WebhookSignature, SignsTimestampDotBody) {
  const std::string body = R"({"phone": "0912345678", "message": "Bệnh viện nhắc lịch khám"})";
  EXPECT_EQ(webhook_signature("s3cret-key", "1700000000", body),
            "sha256=b545558a9ce0f779edbd8cc8b5a6f9f932e18f74cbc195f82baf55cb7a707180");
  // Another timestamp, another signature: an old signature cannot be replayed as new.
  EXPECT_NE(webhook_signature("s3cret-key", "1700000001", body),
            webhook_signature("s3cret-key", "1700000000", body));
}

}  // namespace
}  // namespace hisx::host
