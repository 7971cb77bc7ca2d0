#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "rate_limits/store_rate_limits.h"

namespace hisx::host {

/// How many failed logins are tolerated.
struct LoginLimits {
  int per_account = 5;                                    ///< Failures per username per window.
  int per_address = 20;                                   ///< Failures per address per window.
  std::chrono::seconds window{std::chrono::minutes(15)};  ///< The sliding window.
};

/// The outcome of asking to try a login.
struct LoginAdmission {
  /// Set when the attempt is refused: seconds until the oldest counted failure leaves the
  /// window (at least 1).
  std::optional<std::chrono::seconds> retry_after;
  /// "account" or "address" when refused: which limit was reached (both: "account").
  std::string limit;
  /// The recorded attempt (admitted only): a failure until succeeded() says otherwise.
  std::string attempt_id;
};

/// Login rate limiting on the store's rate limits (StoreRateLimits: buckets
/// "host:login.account" and "host:login.address"), so that it holds across hosts. Every
/// admitted attempt is recorded first as a failure on both keys and forgotten once it
/// succeeds, so concurrent guesses count against each other while the password is being
/// checked. A success does not clear earlier failures: they age out of the window.
class LoginLimiter {
 public:
  LoginLimiter(sdk::Database& store, const sdk::Clock& clock, LoginLimits limits);

  /// Refuses when `account` or `address` already has its maximum of failures in the window;
  /// otherwise records the attempt (as a failure) and admits it.
  LoginAdmission admit(const std::string& account, const std::string& address);
  /// Marks an admitted attempt as a successful login.
  void succeeded(const std::string& attempt_id);

  /// Failures of `account` within the window.
  long long failures_of_account(const std::string& account);
  /// Failures from `address` within the window.
  long long failures_from_address(const std::string& address);

  const LoginLimits& limits() const { return limits_; }

 private:
  sdk::RateLimit per_account() const;
  sdk::RateLimit per_address() const;

  StoreRateLimits store_;
  LoginLimits limits_;
};

}  // namespace hisx::host
