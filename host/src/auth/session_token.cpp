#include "auth/session_token.h"

#include <Poco/Exception.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace hisx::host {

namespace {

using std::chrono::system_clock;

Poco::Timestamp to_timestamp(system_clock::time_point t) {
  return Poco::Timestamp::fromEpochTime(system_clock::to_time_t(t));
}

system_clock::time_point from_timestamp(const Poco::Timestamp& t) {
  return system_clock::from_time_t(t.epochTime());
}

// base64url without padding, as JWS uses; nothing when malformed.
std::optional<std::string> decode_base64url(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

// Checks the HMAC-SHA256 of "header.payload" in constant time (sodium_memcmp), which a plain
// comparison of digests would not be.
bool signature_matches(const std::string& secret, const std::string& token) {
  const auto last_dot = token.rfind('.');
  if (last_dot == std::string::npos) return false;
  const auto signature = decode_base64url(token.substr(last_dot + 1));
  if (!signature || signature->size() != crypto_auth_hmacsha256_BYTES) return false;
  unsigned char expected[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(token.data()),
                                last_dot);
  crypto_auth_hmacsha256_final(&state, expected);
  return sodium_memcmp(expected, signature->data(), sizeof expected) == 0;
}

}  // namespace

SessionTokenCodec::SessionTokenCodec(std::string secret) : secret_(std::move(secret)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  if (secret_.size() < 32) throw std::invalid_argument("the session signing key is too short");
}

std::string SessionTokenCodec::sign(const SessionClaims& claims) const {
  Poco::JWT::Token token;
  token.setType("JWT");
  token.setSubject(std::to_string(claims.user_id));
  token.payload().set("role", claims.role);
  token.payload().set("sid", claims.session_id);
  token.setIssuedAt(to_timestamp(claims.issued_at));
  token.setExpiration(to_timestamp(claims.expires_at));
  Poco::JWT::Signer signer(secret_);
  return signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
}

std::optional<SessionClaims> SessionTokenCodec::verify(const std::string& text,
                                                       system_clock::time_point now) const {
  // Three base64url parts; the header must name HS256 (refusing "none" and any other).
  if (text.size() > 4096 || std::count(text.begin(), text.end(), '.') != 2) return std::nullopt;
  if (!signature_matches(secret_, text)) return std::nullopt;
  try {
    Poco::JWT::Token token(text);
    if (token.getAlgorithm() != Poco::JWT::Signer::ALGO_HS256) return std::nullopt;
    const auto& payload = token.payload();
    if (!payload.has("exp") || !payload.has("sub") || !payload.has("sid")) return std::nullopt;
    SessionClaims claims;
    claims.expires_at = from_timestamp(token.getExpiration());
    if (claims.expires_at <= now) return std::nullopt;
    claims.issued_at = from_timestamp(token.getIssuedAt());
    std::size_t used = 0;
    const std::string subject = token.getSubject();
    claims.user_id = std::stoll(subject, &used);
    if (used != subject.size()) return std::nullopt;
    claims.role = payload.optValue<std::string>("role", "");
    claims.session_id = payload.getValue<std::string>("sid");
    if (claims.session_id.empty()) return std::nullopt;
    return claims;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace hisx::host
