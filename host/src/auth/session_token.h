#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace hisx::host {

/// What a staff session token says. The token only proves who issued it and until when; the
/// session row (hisx_host_sessions) decides whether it still counts.
struct SessionClaims {
  long long user_id = 0;   ///< "sub".
  std::string role;        ///< "role", as at login (requests use the user's current role).
  std::string session_id;  ///< "sid": the row in hisx_host_sessions.
  std::chrono::system_clock::time_point issued_at;   ///< "iat" (whole seconds).
  std::chrono::system_clock::time_point expires_at;  ///< "exp" (whole seconds): absolute end.
};

/// Signs and checks session tokens: JWTs signed with HMAC-SHA256 (Poco::JWT) under the
/// hosts' shared secret.
class SessionTokenCodec {
 public:
  /// `secret`: the raw key bytes (32 random bytes, see load_signing_secret()).
  explicit SessionTokenCodec(std::string secret);

  /// The signed token for `claims`.
  std::string sign(const SessionClaims& claims) const;

  /// The claims of `token` when it is a well-formed HS256 JWT signed with this secret whose
  /// "exp" is after `now`; nothing otherwise (tampered, foreign, expired, "alg":"none", …).
  std::optional<SessionClaims> verify(const std::string& token,
                                      std::chrono::system_clock::time_point now) const;

 private:
  std::string secret_;
};

}  // namespace hisx::host
