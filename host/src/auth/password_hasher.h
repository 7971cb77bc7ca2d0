#pragma once

#include <cstddef>
#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>

namespace hisx::host {

/// Argon2id cost of a password hash (libsodium crypto_pwhash).
struct PasswordCost {
  unsigned long long ops = 0;  ///< Passes over memory.
  std::size_t memory = 0;      ///< Bytes of memory per hash.

  /// crypto_pwhash_OPSLIMIT/MEMLIMIT_INTERACTIVE: 2 passes over 64 MiB, a fraction of a
  /// second on a small server, the cost libsodium recommends for interactive logins.
  static PasswordCost interactive();
};

/// Staff passwords hashed with Argon2id through libsodium's crypto_pwhash_str: the stored text
/// carries algorithm, cost and salt, so hashes made at another cost keep verifying and are
/// recognised by needs_rehash(). Thread-safe.
class PasswordHasher {
 public:
  /// At most `parallel` hashes run at once: each takes `cost.memory` bytes, and a burst of
  /// logins must not take a small server's memory.
  explicit PasswordHasher(PasswordCost cost = PasswordCost::interactive(), int parallel = 2);

  /// The storable hash ("$argon2id$v=19$m=…"). Throws std::runtime_error when out of memory.
  std::string hash(std::string_view password) const;
  /// True when `password` matches `stored`; false also for a malformed `stored`.
  bool verify(const std::string& stored, std::string_view password) const;
  /// True when `stored` was made at another cost (or is not a hash this class makes): hash the
  /// password again after a successful verify.
  bool needs_rehash(const std::string& stored) const;
  /// Verifies `password` against a hash of nothing anyone knows, so that a login for a user
  /// who does not exist takes as long as one for a user who does.
  void verify_dummy(std::string_view password) const;

  const PasswordCost& cost() const { return cost_; }

 private:
  PasswordCost cost_;
  mutable std::counting_semaphore<64> slots_;
  mutable std::once_flag dummy_once_;
  mutable std::string dummy_hash_;
};

}  // namespace hisx::host
