#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/rate_limits.h"

namespace hisx::host {

/// What StoreRateLimits::admit() decided, with what the host needs beyond the SDK's decision.
struct RateAdmission {
  sdk::RateDecision decision;
  /// When refused: the position in the keys given of the first key that refused.
  std::size_t refused_by = 0;
  /// When admitted: the id of the recorded hit, for forget().
  std::string hit_id;
};

/// Rate limits in hisx_host_rate_keys and hisx_host_rate_hits, in the store database, shared by
/// every host: the login limiter and, through PluginRateLimits, every plugin.
///
/// A hit first locks its key's row (created on first use): hits of one key are serialised in
/// the database, so two hosts hitting a key at once count each other's hits and are never both
/// admitted past the limit. Keys are locked in a fixed order, so that hit_all() calls never
/// wait on each other in a cycle. Expired hits and keys are removed at most once a minute per
/// host, after a hit. Buckets here are full names: 1–200 of [a-z0-9_.:-].
class StoreRateLimits final : public sdk::RateLimits {
 public:
  StoreRateLimits(sdk::Database& store, const sdk::Clock& clock);

  /// hit_all(), also telling which key refused and the id of the hit recorded.
  RateAdmission admit(const std::vector<sdk::RateKey>& keys);
  /// Removes one admitted hit from every key it was recorded on (a login that succeeded is not
  /// a failure); the other hits stay.
  void forget(const std::string& hit_id);

  sdk::RateDecision hit(const sdk::RateLimit& limit, const std::string& key) override;
  sdk::RateDecision hit_all(const std::vector<sdk::RateKey>& keys) override;
  sdk::RateDecision check(const sdk::RateLimit& limit, const std::string& key) override;
  long long count(const sdk::RateLimit& limit, const std::string& key) override;
  void clear(const sdk::RateLimit& limit, const std::string& key) override;

 private:
  void remove_expired(long long now_ms);

  sdk::Database& store_;
  const sdk::Clock& clock_;
  std::atomic<long long> last_cleanup_ms_{0};
};

/// A plugin's view: buckets are kept as "<plugin>:<bucket>", so two plugins never share one.
/// Refuses (std::invalid_argument) a bucket that is not 1–100 of [a-z0-9_.-].
class PluginRateLimits final : public sdk::RateLimits {
 public:
  PluginRateLimits(sdk::RateLimits& inner, std::string plugin)
      : inner_(inner), plugin_(std::move(plugin)) {}
  sdk::RateDecision hit(const sdk::RateLimit& limit, const std::string& key) override;
  sdk::RateDecision hit_all(const std::vector<sdk::RateKey>& keys) override;
  sdk::RateDecision check(const sdk::RateLimit& limit, const std::string& key) override;
  long long count(const sdk::RateLimit& limit, const std::string& key) override;
  void clear(const sdk::RateLimit& limit, const std::string& key) override;

 private:
  sdk::RateLimit scoped(const sdk::RateLimit& limit) const;

  sdk::RateLimits& inner_;
  std::string plugin_;
};

}  // namespace hisx::host
