#include "auth/session_token.h"

#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include "auth_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;

const std::string kSecret(32, 'k');

host::SessionClaims claims() {
  host::SessionClaims c;
  c.user_id = 42;
  c.role = "cashier";
  c.session_id = "0123456789abcdef0123456789abcdef";
  c.issued_at = test_start();
  c.expires_at = test_start() + 12h;
  return c;
}

std::string b64url(const std::string& raw) {
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

TEST(SessionToken, SignedClaimsComeBack) {
  const host::SessionTokenCodec codec(kSecret);
  const std::string token = codec.sign(claims());
  const auto back = codec.verify(token, test_start() + 1h);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->user_id, 42);
  EXPECT_EQ(back->role, "cashier");
  EXPECT_EQ(back->session_id, claims().session_id);
  EXPECT_EQ(back->issued_at, test_start());
  EXPECT_EQ(back->expires_at, test_start() + 12h);
}

TEST(SessionToken, IsAStandardHs256Jwt) {
  const std::string token = host::SessionTokenCodec(kSecret).sign(claims());
  // Any JWT library with the key reads it: here Poco's own verifier.
  const Poco::JWT::Token parsed = Poco::JWT::Signer(kSecret).verify(token);
  EXPECT_EQ(parsed.getAlgorithm(), "HS256");
  EXPECT_EQ(parsed.getSubject(), "42");
  EXPECT_EQ(parsed.payload().getValue<std::string>("sid"), claims().session_id);
  EXPECT_EQ(parsed.payload().getValue<std::string>("role"), "cashier");
}

TEST(SessionToken, ExpiredTokensAreRefused) {
  const host::SessionTokenCodec codec(kSecret);
  const std::string token = codec.sign(claims());
  EXPECT_TRUE(codec.verify(token, test_start() + 12h - 1s));
  EXPECT_FALSE(codec.verify(token, test_start() + 12h));
  EXPECT_FALSE(codec.verify(token, test_start() + 13h));
}

TEST(SessionToken, AnotherSecretsTokensAreRefused) {
  const std::string token = host::SessionTokenCodec(std::string(32, 'x')).sign(claims());
  EXPECT_FALSE(host::SessionTokenCodec(kSecret).verify(token, test_start()));
}

TEST(SessionToken, TamperedTokensAreRefused) {
  const host::SessionTokenCodec codec(kSecret);
  const std::string token = codec.sign(claims());
  const auto first_dot = token.find('.');
  const auto last_dot = token.rfind('.');

  // Another payload (an admin role) under the original signature.
  const std::string forged_payload = b64url(
      R"({"exp":)" + std::to_string(std::chrono::system_clock::to_time_t(test_start() + 12h)) +
      R"(,"iat":1709280000,"role":"admin","sid":"0123456789abcdef0123456789abcdef",)"
      R"("sub":"42"})");
  const std::string swapped =
      token.substr(0, first_dot + 1) + forged_payload + token.substr(last_dot);
  EXPECT_FALSE(codec.verify(swapped, test_start()));

  // One character of the signature changed.
  std::string bad_signature = token;
  bad_signature.back() = bad_signature.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(codec.verify(bad_signature, test_start()));

  // "alg":"none" with no signature.
  const std::string none_header = b64url(R"({"alg":"none","typ":"JWT"})");
  const std::string unsigned_token =
      none_header + token.substr(first_dot, last_dot - first_dot) + ".";
  EXPECT_FALSE(codec.verify(unsigned_token, test_start()));

  for (const std::string& junk : {std::string(), std::string("a.b.c"), std::string("..."),
                                  std::string("hisx_1234"), token + ".x", token.substr(1)}) {
    EXPECT_FALSE(codec.verify(junk, test_start())) << junk;
  }
}

TEST(SessionToken, ASecretShorterThan32BytesIsRefused) {
  EXPECT_THROW(host::SessionTokenCodec(std::string(31, 'k')), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::test
