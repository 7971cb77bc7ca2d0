#include "rate_limits/store_rate_limits.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <tuple>

namespace hisx::host {

namespace {

constexpr long long kCleanupEveryMs = 60'000;

std::string random_id() {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  std::string hex(sizeof bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, sizeof bytes);
  hex.pop_back();
  return hex;
}

long long to_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

long long ms_of(std::chrono::seconds s) { return s.count() * 1000; }

// Whole seconds until `later`, at least 1.
std::chrono::seconds wait_until(long long later_ms, long long now_ms) {
  const long long wait = (later_ms - now_ms + 999) / 1000;
  return std::chrono::seconds(std::max<long long>(1, wait));
}

bool bucket_char(char c, bool allow_colon) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' ||
         (allow_colon && c == ':');
}

void check_bucket(const std::string& bucket, std::size_t max_length, bool allow_colon) {
  if (bucket.empty() || bucket.size() > max_length ||
      !std::all_of(bucket.begin(), bucket.end(),
                   [&](char c) { return bucket_char(c, allow_colon); })) {
    throw std::invalid_argument("rate limit bucket '" + bucket + "' must be 1 to " +
                                std::to_string(max_length) + " of [a-z0-9_.-]");
  }
}

void check_key(const sdk::RateKey& k) {
  check_bucket(k.limit.bucket, 200, true);
  if (k.limit.max_hits < 1) {
    throw std::invalid_argument("rate limit '" + k.limit.bucket + "': max_hits must be at least 1");
  }
  if (k.limit.window.count() < 1 || k.limit.lockout.count() < 0) {
    throw std::invalid_argument("rate limit '" + k.limit.bucket +
                                "': the window must be at least 1 s and the lockout not negative");
  }
  if (k.key.empty() || k.key.size() > 200) {
    throw std::invalid_argument("rate limit '" + k.limit.bucket +
                                "': a key must be 1 to 200 bytes");
  }
}

// What one key allows now. The caller holds the key's row lock (a hit) or reads without it
// (check, count).
struct KeyState {
  bool refused = false;
  long long retry_at_ms = 0;  // when refused
  long long counted = 0;      // hits that count now
  long long locked_until = 0;
  long long expires_at = 0;  // of the key row; 0 when there is none
};

KeyState state_of(soci::session& s, const sdk::RateKey& k, long long now_ms) {
  KeyState state;
  soci::indicator found = soci::i_null;
  s << "SELECT locked_until, expires_at FROM hisx_host_rate_keys "
       "WHERE bucket = :bucket AND rate_key = :key",
      soci::use(k.limit.bucket), soci::use(k.key), soci::into(state.locked_until, found),
      soci::into(state.expires_at);
  if (!s.got_data()) state.locked_until = state.expires_at = 0;
  // Hits after `after` count: those in the window, and once a lock has ended, only those after
  // it began (none were recorded while it lasted).
  long long after = now_ms - ms_of(k.limit.window);
  const bool locked = state.locked_until > now_ms;
  if (!locked && state.locked_until > 0) after = std::max(after, state.locked_until - 1);
  s << "SELECT COUNT(*) FROM hisx_host_rate_hits "
       "WHERE bucket = :bucket AND rate_key = :key AND hit_at > :after",
      soci::use(k.limit.bucket), soci::use(k.key), soci::use(after), soci::into(state.counted);
  if (locked) {
    state.refused = true;
    state.retry_at_ms = state.locked_until;
  } else if (state.counted >= k.limit.max_hits) {
    // Admitted again when the max_hits-th newest hit leaves the window.
    std::vector<long long> times(static_cast<std::size_t>(k.limit.max_hits));
    s << "SELECT hit_at FROM hisx_host_rate_hits "
         "WHERE bucket = :bucket AND rate_key = :key AND hit_at > :after ORDER BY hit_at DESC",
        soci::use(k.limit.bucket), soci::use(k.key), soci::use(after), soci::into(times);
    state.refused = true;
    state.retry_at_ms = (times.empty() ? now_ms : times.back()) + ms_of(k.limit.window);
  }
  return state;
}

// Takes the row lock of the key (creating its row), for the rest of the transaction. A plain
// UPDATE locks on every backend; a concurrent first INSERT of the same key fails on the primary
// key, and the caller runs the whole transaction again, when the row is there to lock.
void lock_key(soci::session& s, const sdk::RateKey& k, long long now_ms) {
  soci::statement update = (s.prepare << "UPDATE hisx_host_rate_keys SET expires_at = expires_at "
                                         "WHERE bucket = :bucket AND rate_key = :key",
                            soci::use(k.limit.bucket), soci::use(k.key));
  update.execute(true);
  if (update.get_affected_rows() > 0) return;
  s << "INSERT INTO hisx_host_rate_keys (bucket, rate_key, locked_until, expires_at) "
       "VALUES (:bucket, :key, 0, :now)",
      soci::use(k.limit.bucket), soci::use(k.key), soci::use(now_ms);
}

// The keys in the order they are locked, without repeats.
std::vector<sdk::RateKey> lock_order(const std::vector<sdk::RateKey>& keys) {
  std::vector<sdk::RateKey> out = keys;
  std::sort(out.begin(), out.end(), [](const sdk::RateKey& a, const sdk::RateKey& b) {
    return std::tie(a.limit.bucket, a.key) < std::tie(b.limit.bucket, b.key);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const sdk::RateKey& a, const sdk::RateKey& b) {
                          return a.limit.bucket == b.limit.bucket && a.key == b.key;
                        }),
            out.end());
  return out;
}

}  // namespace

StoreRateLimits::StoreRateLimits(sdk::Database& store, const sdk::Clock& clock)
    : store_(store), clock_(clock) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

RateAdmission StoreRateLimits::admit(const std::vector<sdk::RateKey>& keys) {
  if (keys.empty()) throw std::invalid_argument("a rate limit hit needs at least one key");
  for (const auto& k : keys) check_key(k);
  const std::vector<sdk::RateKey> ordered = lock_order(keys);
  const long long now_ms = to_ms(clock_.now());
  RateAdmission out;
  for (int attempt = 1;; ++attempt) {
    try {
      sdk::with_transaction(store_, [&](soci::session& s) {
        out = {};
        std::vector<KeyState> states;
        for (const auto& k : ordered) {
          lock_key(s, k, now_ms);
          states.push_back(state_of(s, k, now_ms));
        }
        long long retry_at = 0;
        out.refused_by = keys.size();
        for (std::size_t i = 0; i < ordered.size(); ++i) {
          if (!states[i].refused) continue;
          retry_at = std::max(retry_at, states[i].retry_at_ms);
          for (std::size_t j = 0; j < keys.size(); ++j) {
            if (keys[j].limit.bucket == ordered[i].limit.bucket && keys[j].key == ordered[i].key) {
              out.refused_by = std::min(out.refused_by, j);
            }
          }
        }
        if (retry_at > 0) {
          out.decision.admitted = false;
          out.decision.retry_after = wait_until(retry_at, now_ms);
          out.decision.remaining = 0;
          return;
        }
        out.hit_id = random_id();
        long long remaining = -1;
        for (std::size_t i = 0; i < ordered.size(); ++i) {
          const auto& k = ordered[i];
          const long long hit_expires = now_ms + ms_of(k.limit.window);
          s << "INSERT INTO hisx_host_rate_hits (hit_id, bucket, rate_key, hit_at, expires_at) "
               "VALUES (:id, :bucket, :key, :at, :expires)",
              soci::use(out.hit_id), soci::use(k.limit.bucket), soci::use(k.key), soci::use(now_ms),
              soci::use(hit_expires);
          const long long counted = states[i].counted + 1;
          long long locked_until = states[i].locked_until;
          if (k.limit.lockout.count() > 0 && counted >= k.limit.max_hits) {
            locked_until = now_ms + ms_of(k.limit.lockout);
          }
          const long long expires = std::max({states[i].expires_at, hit_expires, locked_until});
          s << "UPDATE hisx_host_rate_keys SET locked_until = :locked, expires_at = :expires "
               "WHERE bucket = :bucket AND rate_key = :key",
              soci::use(locked_until), soci::use(expires), soci::use(k.limit.bucket),
              soci::use(k.key);
          const long long left = std::max<long long>(0, k.limit.max_hits - counted);
          remaining = remaining < 0 ? left : std::min(remaining, left);
        }
        out.decision.admitted = true;
        out.decision.remaining = static_cast<int>(remaining);
      });
      break;
    } catch (const soci::soci_error& e) {
      // Two first hits of one key inserted its row at once: the row is there now.
      if (attempt >= 3 || !sdk::is_duplicate_key(e)) throw;
    }
  }
  remove_expired(now_ms);
  return out;
}

void StoreRateLimits::forget(const std::string& hit_id) {
  sdk::with_transaction(store_, [&](soci::session& s) {
    s << "DELETE FROM hisx_host_rate_hits WHERE hit_id = :id", soci::use(hit_id);
  });
}

sdk::RateDecision StoreRateLimits::hit(const sdk::RateLimit& limit, const std::string& key) {
  return admit({{limit, key}}).decision;
}

sdk::RateDecision StoreRateLimits::hit_all(const std::vector<sdk::RateKey>& keys) {
  return admit(keys).decision;
}

sdk::RateDecision StoreRateLimits::check(const sdk::RateLimit& limit, const std::string& key) {
  const sdk::RateKey k{limit, key};
  check_key(k);
  const long long now_ms = to_ms(clock_.now());
  const auto lease = store_.session();
  const KeyState state = state_of(*lease, k, now_ms);
  sdk::RateDecision out;
  out.admitted = !state.refused;
  if (state.refused) {
    out.retry_after = wait_until(state.retry_at_ms, now_ms);
  } else {
    out.remaining = static_cast<int>(limit.max_hits - state.counted);
  }
  return out;
}

long long StoreRateLimits::count(const sdk::RateLimit& limit, const std::string& key) {
  const sdk::RateKey k{limit, key};
  check_key(k);
  const auto lease = store_.session();
  return state_of(*lease, k, to_ms(clock_.now())).counted;
}

void StoreRateLimits::clear(const sdk::RateLimit& limit, const std::string& key) {
  const sdk::RateKey k{limit, key};
  check_key(k);
  sdk::with_transaction(store_, [&](soci::session& s) {
    s << "DELETE FROM hisx_host_rate_hits WHERE bucket = :bucket AND rate_key = :key",
        soci::use(limit.bucket), soci::use(key);
    s << "DELETE FROM hisx_host_rate_keys WHERE bucket = :bucket AND rate_key = :key",
        soci::use(limit.bucket), soci::use(key);
  });
}

void StoreRateLimits::remove_expired(long long now_ms) {
  long long last = last_cleanup_ms_.load();
  if (now_ms - last < kCleanupEveryMs && now_ms >= last) return;
  if (!last_cleanup_ms_.compare_exchange_strong(last, now_ms)) return;
  sdk::with_transaction(store_, [&](soci::session& s) {
    s << "DELETE FROM hisx_host_rate_hits WHERE expires_at < :now", soci::use(now_ms);
    s << "DELETE FROM hisx_host_rate_keys WHERE expires_at < :now", soci::use(now_ms);
  });
}

sdk::RateLimit PluginRateLimits::scoped(const sdk::RateLimit& limit) const {
  check_bucket(limit.bucket, 100, false);
  sdk::RateLimit out = limit;
  out.bucket = plugin_ + ":" + limit.bucket;
  return out;
}

sdk::RateDecision PluginRateLimits::hit(const sdk::RateLimit& limit, const std::string& key) {
  return inner_.hit(scoped(limit), key);
}

sdk::RateDecision PluginRateLimits::hit_all(const std::vector<sdk::RateKey>& keys) {
  std::vector<sdk::RateKey> out;
  out.reserve(keys.size());
  for (const auto& k : keys) out.push_back({scoped(k.limit), k.key});
  return inner_.hit_all(out);
}

sdk::RateDecision PluginRateLimits::check(const sdk::RateLimit& limit, const std::string& key) {
  return inner_.check(scoped(limit), key);
}

long long PluginRateLimits::count(const sdk::RateLimit& limit, const std::string& key) {
  return inner_.count(scoped(limit), key);
}

void PluginRateLimits::clear(const sdk::RateLimit& limit, const std::string& key) {
  inner_.clear(scoped(limit), key);
}

}  // namespace hisx::host
