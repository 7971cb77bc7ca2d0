// Idempotency-Keys as a client meets them: a retry gets the first answer and nothing is done
// twice, also when the retries race each other; a reused key for another request is refused.
#include "idempotency/store_idempotency.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "db/database_pool.h"
#include "db/migrator.h"
#include "hisx/problem.h"
#include "idempotency/idempotency_migrations.h"
#include "support/pg.h"
#include "support/temp_dir.h"

namespace hisx::test {
namespace {

using sdk::WriteAnswer;

class WriteRequest : public sdk::Request {
 public:
  WriteRequest(std::string principal, std::optional<std::string> key)
      : key_(std::move(key)), principal_{std::move(principal), "test", "cashier"} {}
  const std::string& method() const override { return text_; }
  const std::string& path() const override { return text_; }
  const std::string& param(const std::string&) const override { return text_; }
  std::optional<std::string> query(const std::string&) const override { return std::nullopt; }
  std::optional<std::string> header(const std::string& name) const override {
    if (name == "Idempotency-Key") return key_;
    return std::nullopt;
  }
  const std::string& body() const override { return text_; }
  Poco::JSON::Object::Ptr json() const override { return nullptr; }
  const sdk::Principal* principal() const override { return &principal_; }
  const std::string& request_id() const override { return text_; }
  std::string client_address() const override { return "127.0.0.1"; }
  std::vector<std::string> query_all(const std::string&) const override { return {}; }

 private:
  std::optional<std::string> key_;
  sdk::Principal principal_;
  std::string text_;
};

class StoreIdempotencyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") pg_ = std::make_unique<PgDatabase>();
    host::DatabaseConfig cfg;
    cfg.key = "database.store";
    cfg.backend = GetParam();
    cfg.connection = pg_ ? pg_->conninfo() : "db=" + (dir_.path() / "store.db").string();
    cfg.pool_size = 10;
    cfg.busy_timeout_ms = 10000;
    db_ = host::open_database(cfg);
    host::Migrator(*db_).apply("host_idempotency", host::idempotency_migrations());
    soci::session s(db_->pool());
    s << "CREATE TABLE test_payments (id INTEGER NOT NULL, amount INTEGER NOT NULL)";
    keys_ = std::make_unique<host::StoreIdempotency>(*db_, clock_, std::chrono::hours(168));
  }

  // "Records a payment": inserts a row and answers the payment's number.
  WriteAnswer pay(const WriteRequest& req, const std::string& request) {
    return keys_->run(req, "payment", request, [&](soci::session& tx) {
      ++runs_;
      long long n = 0;
      tx << "SELECT COUNT(*) FROM test_payments", soci::into(n);
      tx << "INSERT INTO test_payments (id, amount) VALUES (:id, 100000)", soci::use(n + 1);
      return WriteAnswer{201, "{\"payment\": " + std::to_string(n + 1) + "}", false};
    });
  }

  long long payments() {
    soci::session s(db_->pool());
    long long n = 0;
    s << "SELECT COUNT(*) FROM test_payments", soci::into(n);
    return n;
  }

  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  std::shared_ptr<host::DatabasePool> db_;
  sdk::ManualClock clock_{std::chrono::system_clock::now()};
  std::unique_ptr<host::StoreIdempotency> keys_;
  std::atomic<int> runs_{0};
};

TEST_P(StoreIdempotencyTest, WithoutAKeyEveryRequestRuns) {
  const WriteRequest req("apikey:1", std::nullopt);
  EXPECT_EQ(pay(req, "{}").body, "{\"payment\": 1}");
  EXPECT_EQ(pay(req, "{}").body, "{\"payment\": 2}");
  EXPECT_EQ(payments(), 2);
}

TEST_P(StoreIdempotencyTest, ARetryGetsTheFirstAnswerAndNothingRunsTwice) {
  const WriteRequest req("apikey:1", "pay-0001");
  const WriteAnswer first = pay(req, R"({"amount":100000})");
  EXPECT_FALSE(first.replayed);
  const WriteAnswer again = pay(req, R"({"amount":100000})");
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(runs_, 1);
  EXPECT_EQ(payments(), 1);
  ASSERT_TRUE(keys_->replayed(req, "payment", R"({"amount":100000})"));
  EXPECT_FALSE(keys_->replayed(WriteRequest("apikey:1", "pay-0002"), "payment", "{}"));
}

TEST_P(StoreIdempotencyTest, AUsedKeyForAnotherRequestIsRefusedNamingTheHeader) {
  const WriteRequest req("apikey:1", "pay-0001");
  pay(req, R"({"amount":100000})");
  try {
    pay(req, R"({"amount":900000})");
    FAIL() << "a different request was accepted under a used key";
  } catch (const sdk::Problem& p) {
    EXPECT_EQ(p.status(), 422);
    EXPECT_EQ(p.field(), "Idempotency-Key");
  }
  EXPECT_EQ(payments(), 1);
}

TEST_P(StoreIdempotencyTest, KeysBelongToTheCallerAndTheScope) {
  pay(WriteRequest("apikey:1", "k"), "{}");
  EXPECT_FALSE(pay(WriteRequest("apikey:2", "k"), "{}").replayed);
  EXPECT_FALSE(keys_
                   ->run(WriteRequest("apikey:1", "k"), "refund", "{}",
                         [](soci::session&) {
                           return WriteAnswer{201, "{}", false};
                         })
                   .replayed);
  EXPECT_EQ(payments(), 2);
}

TEST_P(StoreIdempotencyTest, AFailedRequestStoresNothingAndTheKeyStaysFree) {
  const WriteRequest req("apikey:1", "pay-0001");
  EXPECT_THROW(keys_->run(req, "payment", "{}",
                          [](soci::session& tx) -> WriteAnswer {
                            tx << "INSERT INTO test_payments (id, amount) VALUES (1, 1)";
                            throw sdk::Problem::conflict("the invoice is already paid");
                          }),
               sdk::Problem);
  EXPECT_EQ(payments(), 0);
  EXPECT_FALSE(pay(req, "{}").replayed);
  EXPECT_EQ(payments(), 1);
}

TEST_P(StoreIdempotencyTest, ConcurrentRetriesWithOneKeyWriteOnceAndAnswerAlike) {
  constexpr int kClients = 8;
  std::vector<std::thread> clients;
  std::vector<WriteAnswer> answers(kClients);
  std::vector<std::string> errors(kClients);
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      try {
        answers[i] = pay(WriteRequest("apikey:1", "pay-race"), "{}");
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& c : clients) c.join();
  int replayed = 0;
  for (int i = 0; i < kClients; ++i) {
    EXPECT_EQ(errors[i], "") << i;
    EXPECT_EQ(answers[i].body, "{\"payment\": 1}") << i;
    replayed += answers[i].replayed ? 1 : 0;
  }
  EXPECT_EQ(replayed, kClients - 1);
  EXPECT_EQ(payments(), 1);
}

TEST_P(StoreIdempotencyTest, OldKeysAreRemovedWhenANewOneIsClaimed) {
  pay(WriteRequest("apikey:1", "old"), "{}");
  clock_.advance(std::chrono::hours(169));
  pay(WriteRequest("apikey:1", "new"), "{}");
  // The old key is gone: its retry runs again (here a new payment), the new one replays.
  EXPECT_FALSE(keys_->replayed(WriteRequest("apikey:1", "old"), "payment", "{}"));
  EXPECT_TRUE(keys_->replayed(WriteRequest("apikey:1", "new"), "payment", "{}"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreIdempotencyTest,
                         ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
