#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/auth_config.h"
#include "auth/login_limiter.h"
#include "auth/password_hasher.h"
#include "auth/session_store.h"
#include "auth/session_token.h"
#include "auth/user_store.h"
#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/http.h"

namespace hisx::host {

/// A login that was not accepted.
class LoginRefused : public std::runtime_error {
 public:
  /// `retry_after` set: too many failures (429); unset: wrong username or password (401).
  LoginRefused(std::string message, std::optional<std::chrono::seconds> retry_after = {});
  const std::optional<std::chrono::seconds>& retry_after() const { return retry_after_; }

 private:
  std::optional<std::chrono::seconds> retry_after_;
};

/// A successful login.
struct LoginResult {
  std::string token;  ///< The signed session token, sent as `Authorization: Bearer <token>`.
  std::chrono::system_clock::time_point expires_at;  ///< Absolute end of the session.
  User user;
  /// expires_at less the login's time: what a client adds to its own clock, which may differ
  /// from the host's.
  std::chrono::seconds expires_in{0};
};

/// Staff accounts and their sessions: users with Argon2id password hashes, logins limited per
/// account and per address, sessions as signed tokens (JWT) backed by a row each host checks.
/// Thread-safe; every state lives in the store database, so several hosts share it.
class Accounts {
 public:
  /// Nothing touches the database until used: the CLI creates this before migrating.
  Accounts(sdk::Database& store, const sdk::Clock& clock, AuthConfig config,
           PasswordCost cost = PasswordCost::interactive());

  /// Creates a user. Throws std::invalid_argument (message for the administrator) for a
  /// malformed or taken username, a role not in `roles`, or a password that breaks the rules.
  User add_user(const std::string& username, const std::string& display_name,
                const std::string& role, const std::string& password,
                const std::vector<std::string>& roles);
  /// Every user, by username.
  std::vector<User> users() const;
  /// The user with `id`.
  std::optional<User> user(long long id) const;
  /// Disables `username` and ends its sessions. Throws std::invalid_argument for an unknown
  /// user; false when it was already disabled.
  bool disable_user(const std::string& username);
  /// Sets a new password and ends the user's sessions. Throws std::invalid_argument for an
  /// unknown user or a password that breaks the rules.
  void set_password(const std::string& username, const std::string& password);

  /// Checks the password and opens a session. Throws LoginRefused; the same refusal, after
  /// about the same time, whether the user is unknown, disabled or the password wrong.
  /// `address` is the client's (see client_address_of()). Logs the outcome, never the password.
  LoginResult login(const std::string& username, const std::string& password,
                    const std::string& address);
  /// The principal ("user:<id>", username, current role) of a session token whose session is
  /// live; nothing otherwise.
  std::optional<sdk::Principal> authenticate(const std::string& token);
  /// Ends the session of `token`; false when the token is not valid or already ended.
  bool logout(const std::string& token);

  const AuthConfig& config() const { return config_; }
  const PasswordHasher& hasher() const { return hasher_; }
  LoginLimiter& limiter() { return limiter_; }
  SessionStore& sessions() { return sessions_; }

 private:
  /// The token codec on the shared signing key, read (or created) on first use.
  const SessionTokenCodec& codec();
  User require_user(const std::string& username) const;

  sdk::Database& store_;
  const sdk::Clock& clock_;
  AuthConfig config_;
  PasswordHasher hasher_;
  UserStore users_;
  SessionStore sessions_;
  LoginLimiter limiter_;
  std::once_flag codec_once_;
  std::unique_ptr<SessionTokenCodec> codec_;
};

}  // namespace hisx::host
