#pragma once

#include <optional>
#include <string>

#include "hisx/http.h"

namespace hisx::host {

/// Turns a bearer credential into a principal. The auth module implements it (API keys,
/// session tokens). Called from many request threads at once, so implementations must be
/// thread-safe. Throwing is allowed: the request is answered with a 500 problem.
class Authenticator {
 public:
  virtual ~Authenticator();
  /// The principal the token belongs to, or nothing when the token is unknown, revoked or
  /// expired (answered with 401).
  virtual std::optional<sdk::Principal> authenticate(const std::string& bearer_token) = 0;
};

}  // namespace hisx::host
