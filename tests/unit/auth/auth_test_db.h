#pragma once

#include <sodium.h>

#include <chrono>
#include <memory>
#include <string>

#include "auth/password_hasher.h"
#include "db/database_pool.h"
#include "support/pg.h"
#include "support/temp_dir.h"

namespace hisx::test {

/// A fresh store database of one backend ("sqlite3" or "postgresql") with the host's tables
/// (API keys, devices), the auth tables and the rate limit tables migrated, for one test.
class AuthDatabase {
 public:
  explicit AuthDatabase(const std::string& backend, int pool_size = 4);
  host::DatabasePool& db() { return *pool_; }
  /// Another pool on the same database: what a second host would open.
  std::shared_ptr<host::DatabasePool> open_again() const;

 private:
  host::DatabaseConfig config_;
  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  std::shared_ptr<host::DatabasePool> pool_;
};

/// The cheapest Argon2id cost libsodium allows: the tests check behaviour, not strength.
inline host::PasswordCost cheap_cost() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

/// 2024-03-01T08:00:00Z, where the manual clocks of these tests start.
std::chrono::system_clock::time_point test_start();

}  // namespace hisx::test
