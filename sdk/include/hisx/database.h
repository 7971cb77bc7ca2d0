#pragma once

#include <soci/soci.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "hisx/export.h"

namespace hisx::sdk {

/// A session leased from a Database's pool, given back when this object goes (it is
/// move-only), or one that borrows a session its caller already holds (see
/// Database::session_beside()). Use it like a pointer: `*s` is the soci::session.
/// Since 2.0.
class HISX_SDK_API LeasedSession {
 public:
  /// Gives the session back to its pool (nothing for a borrowed one).
  ~LeasedSession();
  /// Takes over `other`'s lease; `other` is left empty.
  LeasedSession(LeasedSession&& other) noexcept;
  /// Gives back this lease, then takes over `other`'s.
  LeasedSession& operator=(LeasedSession&& other) noexcept;
  LeasedSession(const LeasedSession&) = delete;
  LeasedSession& operator=(const LeasedSession&) = delete;

  /// The session. Not for an object moved from.
  soci::session& operator*() const noexcept { return *session_; }
  /// The session. Not for an object moved from.
  soci::session* operator->() const noexcept { return session_; }
  /// True when this is a session held elsewhere (Database::session_beside() on one pool),
  /// not a lease of its own: then it runs inside that holder's transaction, if any.
  bool borrowed() const noexcept { return pool_ == nullptr; }

 private:
  friend class Database;
  LeasedSession(soci::connection_pool* pool, std::size_t position, soci::session* session);
  void give_back() noexcept;

  soci::connection_pool* pool_;
  std::size_t position_;
  soci::session* session_;
};

/// One configured database: a SOCI connection pool and the name of its backend, for the
/// rare statement whose SQL differs between backends.
///
/// By default `his` and `store` are the same database and share one pool. Never lease a
/// second session from a pool while holding one inside a transaction (an event handler's
/// `store_tx` included): with the pool exhausted, every holder waits for the others. Reach
/// the other database with session_beside(), which reuses the held session when both share
/// a pool. Every lease, session() and with_transaction() alike, waits at most
/// lease_timeout() and then throws a 503 Problem instead of hanging.
class HISX_SDK_API Database {
 public:
  virtual ~Database();
  /// "sqlite3", "postgresql", "mysql" or "odbc".
  virtual const std::string& backend() const = 0;
  /// The pool. Prefer session(): `soci::session s(db.pool());` waits for a free session
  /// without a limit.
  virtual soci::connection_pool& pool() = 0;
  /// The configuration key of this database, e.g. "database.his", for messages (the HIS's
  /// key when the store is the HIS database). Since 2.0.
  virtual const std::string& name() const = 0;
  /// How long a lease waits for a free session (`database.<name>.lease_timeout_ms`).
  /// Since 2.0.
  virtual std::chrono::milliseconds lease_timeout() const = 0;

  /// A session from the pool, waiting up to lease_timeout() for one to come free. Throws
  /// Problem(503, "busy") naming the database when none does (answered to an HTTP client
  /// as it is; logged as a warning on `hisx.db`). Since 2.0.
  LeasedSession session();
  /// True when this and `other` lease from one pool (by default his and store do).
  /// Since 2.0.
  bool same_pool_as(Database& other);
  /// A session on this database for use while `held`, a session of `held_from` (typically
  /// a transaction's, such as an event handler's `store_tx`), stays open: `held` itself when
  /// both share one pool, so that no second connection is needed (the statements then run
  /// inside `held`'s transaction, and see its uncommitted changes); otherwise session().
  /// Since 2.0.
  LeasedSession session_beside(soci::session& held, Database& held_from);
};

/// Runs `work` in a transaction on a session from `db` (leased as Database::session() does,
/// so a busy pool throws a 503 Problem), committing when it returns and rolling back when it
/// throws. Serialization failures and deadlocks (PostgreSQL SQLSTATE 40001/40P01, SQLite busy)
/// are retried up to `attempts` times; every other error is rethrown after rollback. `work`
/// must therefore be safe to run again. On SQLite the transaction is BEGIN IMMEDIATE: it takes
/// the database's write lock first (waiting up to the busy timeout), so that a transaction that
/// reads and then writes cannot fail halfway. Inside `work`, reach the other database with
/// Database::session_beside(), never with a second lease from the same pool.
HISX_SDK_API void with_transaction(Database& db, const std::function<void(soci::session&)>& work,
                                   int attempts = 5);

/// True when `e` is a database error that means "nothing was written, try again": a
/// serialization failure or deadlock (PostgreSQL SQLSTATE 40001/40P01) or a busy SQLite
/// database. with_transaction() retries these. Since 2.0.
HISX_SDK_API bool is_retryable(const std::exception& e);

/// True when `e` reports a unique-constraint violation (SQLite, PostgreSQL, MySQL/MariaDB
/// wording): the usual sign that a concurrent writer claimed the same key first. Since 2.0.
HISX_SDK_API bool is_duplicate_key(const std::exception& e);

/// The whole number in column `i` of a `soci::row`, whatever integer type the backend reports
/// it as (SQLite gives INTEGER columns as int or long long, PostgreSQL BIGINT as long long,
/// some drivers text); `fallback` when it is NULL. Since 2.1.
HISX_SDK_API long long row_integer(const soci::row& row, std::size_t i, long long fallback = 0);

/// The text in column `i` of a `soci::row`, "" when it is NULL. Since 2.1.
HISX_SDK_API std::string row_text(const soci::row& row, std::size_t i);

}  // namespace hisx::sdk
