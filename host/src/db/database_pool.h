#pragma once

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

#include "config/config.h"
#include "hisx/database.h"

namespace hisx::host {

/// A database that cannot be reached or used. The message names the configuration key
/// (e.g. `database.his`), the backend and the driver's message, never the password.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One configured database (`database.his` or `database.store`): a pool of SOCI sessions
/// opened with the backend factories linked into the host, never loaded by name.
class DatabasePool : public sdk::Database {
 public:
  /// Opens `cfg.pool_size` sessions. Throws ConfigError for an unknown backend or pool size
  /// and DatabaseError when a connection fails.
  explicit DatabasePool(const DatabaseConfig& cfg);
  ~DatabasePool() override;
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  const std::string& backend() const override { return backend_; }
  soci::connection_pool& pool() override { return pool_; }
  /// The configuration key, e.g. "database.his".
  const std::string& name() const override { return key_; }
  /// `lease_timeout_ms` of the configuration.
  std::chrono::milliseconds lease_timeout() const override { return lease_timeout_; }

  /// The configuration key, e.g. "database.his", for messages.
  const std::string& key() const { return key_; }

  /// Runs `SELECT 1` on a pooled session (for /readyz), reconnecting broken idle sessions.
  /// Returns false and sets `*error` (when given) if the database does not answer.
  bool ping(std::string* error = nullptr);

 private:
  bool check_session(soci::session& s, std::string& message);

  std::string key_;
  std::string backend_;
  std::string password_;  // Only to keep it out of error messages.
  int busy_timeout_ms_;
  std::chrono::milliseconds lease_timeout_;
  std::size_t pool_size_;
  soci::connection_pool pool_;
};

/// The backends hisx links in: "sqlite3, postgresql, mysql, odbc".
const char* supported_backends();

/// Opens the pool for `cfg` (see DatabasePool).
std::shared_ptr<DatabasePool> open_database(const DatabaseConfig& cfg);

/// One session on `cfg`'s database outside any pool, set up like the pool's (SQLite pragmas,
/// UTC), for tools and tests that look at the rows beside a running host. Throws
/// DatabaseError naming cfg.key.
std::unique_ptr<soci::session> open_session(const DatabaseConfig& cfg);

}  // namespace hisx::host
