#pragma once

#include <soci/soci.h>

#include <functional>
#include <string>

#include "hisx/export.h"

namespace hisx::sdk {

/// One configured database: a SOCI connection pool and the name of its backend, for the
/// rare statement whose SQL differs between backends.
class HISX_SDK_API Database {
 public:
  virtual ~Database();
  /// "sqlite3", "postgresql", "mysql" or "odbc".
  virtual const std::string& backend() const = 0;
  /// The pool; take a session with `soci::session s(db.pool());`.
  virtual soci::connection_pool& pool() = 0;
};

/// Runs `work` in a transaction on a session from `db`, committing when it returns and
/// rolling back when it throws. Serialization failures and deadlocks (PostgreSQL SQLSTATE
/// 40001/40P01, SQLite busy) are retried up to `attempts` times; every other error is
/// rethrown after rollback. `work` must therefore be safe to run again. On SQLite the
/// transaction is BEGIN IMMEDIATE: it takes the database's write lock first (waiting up to
/// the busy timeout), so that a transaction that reads and then writes cannot fail halfway.
HISX_SDK_API void with_transaction(Database& db, const std::function<void(soci::session&)>& work,
                                   int attempts = 5);

/// True when `e` reports a unique-constraint violation (SQLite, PostgreSQL, MySQL/MariaDB
/// wording): the usual sign that a concurrent writer claimed the same key first. Since 2.0.
HISX_SDK_API bool is_duplicate_key(const std::exception& e);

}  // namespace hisx::sdk
