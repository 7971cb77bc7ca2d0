#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "hisx/clock.h"
#include "hisx/database.h"

namespace hisx::host {

/// How long a staff session lasts.
struct SessionPolicy {
  std::chrono::seconds idle{std::chrono::minutes(30)};    ///< Unused longer than this: ended.
  std::chrono::seconds absolute{std::chrono::hours(12)};  ///< After this from login: ended.

  /// How stale last_seen_at may get before a request refreshes it: a minute, or a quarter of
  /// the idle timeout when that is shorter, so that the refresh (a write) happens at most once
  /// per interval per session yet never ends an active session early by more than that.
  std::chrono::milliseconds touch_interval() const;
};

/// A new session row.
struct NewSession {
  std::string id;  ///< Random, 32 hex characters; the token's "sid".
  std::chrono::system_clock::time_point created_at;
  std::chrono::system_clock::time_point expires_at;  ///< Absolute end.
};

/// A session that still counts, with its user as now stored.
struct LiveSession {
  std::string id;
  long long user_id = 0;
  std::string username;
  std::string role;  ///< The user's current role.
};

/// The rows of `hisx_host_sessions`. A session ends when revoked (logout, password change,
/// account disabled), after `absolute` from login, or after `idle` without a request; an
/// ended session's tokens answer 401 on every host, since the row is shared.
class SessionStore {
 public:
  SessionStore(sdk::Database& store, const sdk::Clock& clock, SessionPolicy policy);

  /// Starts a session for `user_id` logging in from `address`.
  NewSession open(long long user_id, const std::string& address);

  /// The session `id` when it is still live and its user enabled; refreshes its last_seen_at
  /// when older than the touch interval (one conditional UPDATE, so that concurrent requests
  /// on several hosts write it once).
  std::optional<LiveSession> resume(const std::string& id);

  /// Ends session `id`; false when it had already ended by revocation or never existed.
  bool revoke(const std::string& id);
  /// Ends every session of `user_id`; returns how many were live.
  long long revoke_all(long long user_id);

  const SessionPolicy& policy() const { return policy_; }

 private:
  sdk::Database& store_;
  const sdk::Clock& clock_;
  SessionPolicy policy_;
};

}  // namespace hisx::host
