#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "hisx/export.h"
#include "hisx/problem.h"

namespace hisx::sdk {

/// A named limit: at most `max_hits` hits of one key (an account, a patient, a client
/// address) in any sliding `window`, optionally with a lockout. Since 2.0.
struct RateLimit {
  /// The bucket's name: 1–100 of [a-z0-9_.-], e.g. "link_code". The host keeps it as
  /// "<plugin>:<bucket>", so two plugins never share a bucket.
  std::string bucket;
  /// Hits of one key admitted within the window (at least 1).
  int max_hits = 1;
  /// The sliding window (at least 1 s).
  std::chrono::seconds window{60};
  /// 0: a refused key is admitted again as soon as its oldest counted hit leaves the window.
  /// More: the hit that reaches max_hits locks the key for this long (a lockout, such as "5
  /// wrong codes: locked 15 minutes"); when the lock ends the key starts afresh, and hits from
  /// before it no longer count.
  std::chrono::seconds lockout{0};
};

/// One key under one limit, for RateLimits::hit_all(). Since 2.0.
struct RateKey {
  RateLimit limit;  ///< The limit.
  std::string key;  ///< The key: 1–200 bytes of any text.
};

/// What RateLimits decided. Since 2.0.
struct RateDecision {
  /// True when the hit was admitted (and recorded), or for check(), would be.
  bool admitted = true;
  /// When refused: how long until a hit is admitted again (at least 1 s); 0 when admitted.
  std::chrono::seconds retry_after{0};
  /// Hits the key may still make now: after this hit for hit(), before one for check(); 0
  /// when refused. For hit_all(), the smallest over its keys.
  int remaining = 0;
  /// `admitted`, so that `if (!decision) throw too_many_requests(decision, "…");` reads well.
  explicit operator bool() const noexcept { return admitted; }
};

/// Rate limits and lockouts kept in the store database, so that they hold across every host of
/// a deployment: two hosts hitting one key at the same moment are never both admitted past the
/// limit. Hits of one key are serialised by a row lock in the store; refused hits are not
/// recorded; old hits are removed by the host. Every call is its own short store transaction:
/// call it outside your own transactions (a second lease from the pool, see hisx/database.h).
/// Throws std::invalid_argument for a malformed bucket, limit or key (a bug). Since 2.0.
///
/// For a lockout on guesses (a code, a PIN), hit first, check the guess, then clear() on
/// success: concurrent guesses then count against each other while they are checked.
class HISX_SDK_API RateLimits {
 public:
  virtual ~RateLimits();

  /// Admits and records a hit of `key` under `limit`, or refuses it (nothing recorded) when the
  /// key already has `max_hits` hits in the window or is locked.
  virtual RateDecision hit(const RateLimit& limit, const std::string& key) = 0;
  /// One hit on several keys at once (an account and the client's address): admitted only when
  /// every key admits it, and then recorded on all of them; otherwise recorded on none. The
  /// retry_after of a refusal is the longest among the refusing keys.
  virtual RateDecision hit_all(const std::vector<RateKey>& keys) = 0;
  /// What hit() would decide now, recording nothing.
  virtual RateDecision check(const RateLimit& limit, const std::string& key) = 0;
  /// The hits of `key` that count now (within the window, and since the end of its last lock).
  virtual long long count(const RateLimit& limit, const std::string& key) = 0;
  /// Forgets every hit and any lock of `key` in `limit`'s bucket: after a success, for a
  /// lockout on wrong guesses.
  virtual void clear(const RateLimit& limit, const std::string& key) = 0;
};

/// The answer to a refusal: a 429 problem of type "too-many-requests" with `detail` (English
/// and Vietnamese) and the member "retry_after" (whole seconds), which the host also sends as
/// the `Retry-After` header. Since 2.0.
HISX_SDK_API Problem too_many_requests(const RateDecision& refusal, std::string detail);

}  // namespace hisx::sdk
