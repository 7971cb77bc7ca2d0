// Leasing sessions from a pool with a bound. By default `his` and `store` are one database and
// one pool: code that holds a session inside a transaction and asks the pool for a second one
// would wait for itself forever once the pool is exhausted (at once with pool_size 1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>

#include "hisx/database.h"
#include "hisx/problem.h"
#include "test_database.h"

namespace hisx::host {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

// Runs `body` on a thread of its own and waits up to `limit` for it. A body still running then
// is a failure; its thread is left behind with what it holds (shared pointers to the pools),
// so that a regression fails the test instead of hanging the suite.
::testing::AssertionResult ends_within(std::chrono::seconds limit, std::function<void()> body) {
  auto promise = std::make_shared<std::promise<void>>();
  auto ended = promise->get_future();
  std::thread([body = std::move(body), promise] {
    try {
      body();
      promise->set_value();
    } catch (...) {
      promise->set_exception(std::current_exception());
    }
  }).detach();
  if (ended.wait_for(limit) != std::future_status::ready) {
    return ::testing::AssertionFailure()
           << "still waiting after " << limit.count() << " s: a lease that never gives up";
  }
  try {
    ended.get();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "threw: " << e.what();
  }
  return ::testing::AssertionSuccess();
}

class DatabaseLease : public ::testing::TestWithParam<std::string> {
 protected:
  // A pool of `size` sessions that waits `timeout_ms` for a free one.
  std::shared_ptr<DatabasePool> open(int size, int timeout_ms,
                                     const std::string& key = "database.his") {
    auto cfg = db_.config(key);
    cfg.pool_size = size;
    cfg.lease_timeout_ms = timeout_ms;
    return open_database(cfg);
  }

  test::TestDatabase db_{GetParam()};
};

TEST_P(DatabaseLease, ATransactionThatAsksItsFullPoolForAnotherGetsABusyProblem) {
  auto pool = open(1, 300);
  int status = 0;
  std::string type, detail;
  std::chrono::milliseconds waited{};
  const auto ended = ends_within(60s, [pool, &status, &type, &detail, &waited] {
    try {
      sdk::with_transaction(*pool, [&](soci::session&) {
        const auto began = std::chrono::steady_clock::now();
        try {
          sdk::with_transaction(*pool, [](soci::session&) {});
        } catch (...) {
          waited = std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::steady_clock::now() - began);
          throw;
        }
      });
    } catch (const sdk::Problem& p) {
      status = p.status();
      type = p.type();
      detail = p.detail();
    }
  });
  ASSERT_TRUE(ended);
  EXPECT_EQ(status, 503);
  EXPECT_EQ(type, "busy");
  EXPECT_THAT(detail, HasSubstr("database.his"));
  EXPECT_THAT(detail, HasSubstr("try again"));
  EXPECT_THAT(detail, HasSubstr("Cơ sở dữ liệu đang bận"));
  EXPECT_GE(waited, 300ms) << "it waited for a connection to come free first";

  // The outer transaction rolled back and gave its session back: the pool serves again.
  const auto again = ends_within(
      60s, [pool] { sdk::with_transaction(*pool, [](soci::session& s) { s << "SELECT 1"; }); });
  ASSERT_TRUE(again);
}

TEST_P(DatabaseLease, ASecondSessionInsideATransactionIsRefusedTooAndTheFirstStillWorks) {
  auto pool = open(1, 200);
  std::string refused;
  int one = 0;
  const auto ended = ends_within(60s, [pool, &refused, &one] {
    sdk::with_transaction(*pool, [&](soci::session& s) {
      try {
        auto second = pool->session();
      } catch (const sdk::Problem& p) {
        refused = std::to_string(p.status()) + " " + p.type() + ": " + p.detail();
      }
      s << "SELECT 1", soci::into(one);
    });
  });
  ASSERT_TRUE(ended);
  EXPECT_THAT(refused, HasSubstr("503 busy: The database is busy (database.his: no free "
                                 "connection within 200 ms)"));
  EXPECT_EQ(one, 1);
}

TEST_P(DatabaseLease, ASessionIsGivenBackWhenItGoesAndALeaseWaitsForIt) {
  auto pool = open(1, 30000);
  {
    auto first = pool->session();
    auto moved = std::move(first);
    int one = 0;
    *moved << "SELECT 1", soci::into(one);
    EXPECT_EQ(one, 1);
    EXPECT_FALSE(moved.borrowed());
  }  // given back here, once, by the object it was moved into
  std::promise<void> taken;
  std::promise<void> release;
  std::thread holder([&] {
    auto held = pool->session();
    taken.set_value();
    release.get_future().wait();
  });
  taken.get_future().wait();
  // The holder gives its session back while (or before) this lease waits; either way the
  // lease gets it well within its 30 s.
  std::thread releaser([&] { release.set_value(); });
  const auto ended = ends_within(60s, [pool] {
    auto s = pool->session();
    *s << "SELECT 1";
  });
  releaser.join();
  holder.join();
  ASSERT_TRUE(ended);
}

TEST_P(DatabaseLease, TheHisBesideAStoreTransactionOnOnePoolIsThatTransactionsSession) {
  // The default configuration: the store is the HIS database, one pool object for both.
  auto pool = open(1, 200);
  sdk::Database& his = *pool;
  sdk::Database& store = *pool;
  EXPECT_TRUE(his.same_pool_as(store));
  { *his.session() << "CREATE TABLE his_patient (id INTEGER PRIMARY KEY, phone VARCHAR(20))"; }
  std::string phone;
  bool borrowed = false;
  const auto ended = ends_within(60s, [pool, &phone, &borrowed] {
    sdk::Database& db = *pool;
    try {
      sdk::with_transaction(db, [&](soci::session& store_tx) {
        store_tx << "INSERT INTO his_patient (id, phone) VALUES (1, '0912000001')";
        auto his_session = db.session_beside(store_tx, db);
        borrowed = his_session.borrowed();
        // The same session: it sees the transaction's own uncommitted row.
        *his_session << "SELECT phone FROM his_patient WHERE id = 1", soci::into(phone);
        throw std::runtime_error("roll back");
      });
    } catch (const std::runtime_error&) {
    }
  });
  ASSERT_TRUE(ended);
  EXPECT_TRUE(borrowed);
  EXPECT_EQ(phone, "0912000001");
  int rows = -1;
  *his.session() << "SELECT COUNT(*) FROM his_patient", soci::into(rows);
  EXPECT_EQ(rows, 0) << "the HIS statement ran inside the store transaction, rolled back with it";
}

TEST_P(DatabaseLease, TheHisBesideAStoreOfItsOwnIsALeaseFromTheHisPool) {
  auto his = open(1, 200, "database.his");
  auto store = open(1, 200, "database.store");
  EXPECT_FALSE(his->same_pool_as(*store));
  bool borrowed = true;
  int one = 0;
  std::string busy;
  const auto ended = ends_within(60s, [his, store, &borrowed, &one, &busy] {
    sdk::with_transaction(*store, [&](soci::session& store_tx) {
      auto his_session = his->session_beside(store_tx, *store);
      borrowed = his_session.borrowed();
      *his_session << "SELECT 1", soci::into(one);
      try {
        his->session_beside(store_tx, *store);  // the HIS pool's one session is taken
      } catch (const sdk::Problem& p) {
        busy = p.detail();
      }
    });
  });
  ASSERT_TRUE(ended);
  EXPECT_FALSE(borrowed);
  EXPECT_EQ(one, 1);
  EXPECT_THAT(busy, HasSubstr("database.his: no free connection"));
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseLease, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::host
