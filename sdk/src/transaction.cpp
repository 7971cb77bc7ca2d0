#include <soci/soci.h>

#include <chrono>
#include <string>
#include <thread>

#include "hisx/database.h"

namespace hisx::sdk {

bool is_retryable(const std::exception& e) {
  if (dynamic_cast<const soci::soci_error*>(&e) == nullptr) return false;
  const std::string what = e.what();
  return what.find("40001") != std::string::npos || what.find("40P01") != std::string::npos ||
         what.find("could not serialize") != std::string::npos ||
         what.find("deadlock detected") != std::string::npos ||
         what.find("database is locked") != std::string::npos ||
         what.find("database is busy") != std::string::npos;
}

namespace {

// SQLite: BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout).
// A deferred transaction that reads and then writes fails at once with "database is
// locked" when another connection wrote since its read began, and no wait can help it.
void run_sqlite(soci::session& session, const std::function<void(soci::session&)>& work) {
  session << "BEGIN IMMEDIATE";
  try {
    work(session);
    session << "COMMIT";
  } catch (...) {
    try {
      session << "ROLLBACK";
    } catch (const soci::soci_error&) {
      // Nothing was begun or it already rolled back; the first error is the one to report.
    }
    throw;
  }
}

}  // namespace

void with_transaction(Database& db, const std::function<void(soci::session&)>& work, int attempts) {
  const bool sqlite = db.backend() == "sqlite3";
  for (int attempt = 1;; ++attempt) {
    LeasedSession lease = db.session();
    soci::session& session = *lease;
    try {
      if (sqlite) {
        run_sqlite(session, work);
        return;
      }
      soci::transaction tx(session);
      work(session);
      tx.commit();
      return;
    } catch (const soci::soci_error& e) {
      if (attempt >= attempts || !is_retryable(e)) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
  }
}

bool is_duplicate_key(const std::exception& e) {
  const std::string what = e.what();
  return what.find("UNIQUE constraint failed") != std::string::npos ||
         what.find("duplicate key") != std::string::npos ||
         what.find("23505") != std::string::npos ||
         what.find("Duplicate entry") != std::string::npos;
}

}  // namespace hisx::sdk
