// Rate limits and lockouts in the store database, as a plugin meets them: a sliding window, a
// lockout that a success clears, one hit on several keys, buckets kept apart per plugin, old
// rows removed; and, on PostgreSQL, several hosts hitting one key at the same moment never get
// past the limit together.
#include "rate_limits/store_rate_limits.h"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "db/database_pool.h"
#include "db/migrator.h"
#include "rate_limits/rate_limits_migrations.h"
#include "support/pg.h"
#include "support/temp_dir.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;
using sdk::RateLimit;

class RateLimitsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") pg_ = std::make_unique<PgDatabase>();
    config_.key = "database.store";
    config_.backend = GetParam();
    config_.connection = pg_ ? pg_->conninfo() : "db=" + (dir_.path() / "store.db").string();
    config_.pool_size = 4;
    config_.busy_timeout_ms = 10000;
    db_ = host::open_database(config_);
    host::Migrator(*db_).apply("host_rate_limits", host::rate_limits_migrations());
    limits_ = std::make_unique<host::StoreRateLimits>(*db_, clock_);
  }

  long long rows(const std::string& table) {
    const auto s = db_->session();
    long long n = 0;
    *s << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  }

  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  host::DatabaseConfig config_;
  std::shared_ptr<host::DatabasePool> db_;
  // 2026-03-02T08:00:00Z.
  sdk::ManualClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + 8h};
  std::unique_ptr<host::StoreRateLimits> limits_;
};

TEST_P(RateLimitsTest, ASlidingWindowRefusesUntilTheOldestCountedHitLeavesIt) {
  const RateLimit lookups{"test:lookups", 3, 60s};
  for (int i = 0; i < 3; ++i) {
    const auto d = limits_->hit(lookups, "10.0.0.7");
    ASSERT_TRUE(d) << "hit " << i + 1;
    EXPECT_EQ(d.remaining, 2 - i);
    EXPECT_EQ(d.retry_after, 0s);
    clock_.advance(10s);
  }
  // 08:00:30; hits at :00, :10, :20. The next is admitted when :00 leaves the window.
  const auto refused = limits_->hit(lookups, "10.0.0.7");
  EXPECT_FALSE(refused);
  EXPECT_EQ(refused.retry_after, 30s);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_EQ(limits_->count(lookups, "10.0.0.7"), 3) << "a refused hit is not counted";
  EXPECT_TRUE(limits_->hit(lookups, "10.0.0.8")) << "another key is not concerned";

  clock_.advance(29s);
  EXPECT_EQ(limits_->hit(lookups, "10.0.0.7").retry_after, 1s);
  clock_.advance(1s);
  EXPECT_TRUE(limits_->hit(lookups, "10.0.0.7"));
  const auto again = limits_->hit(lookups, "10.0.0.7");
  EXPECT_FALSE(again);
  EXPECT_EQ(again.retry_after, 10s) << ":10 leaves the window at 08:01:10";
}

TEST_P(RateLimitsTest, CheckTellsWhatAHitWouldGetAndRecordsNothing) {
  const RateLimit codes{"test:codes", 2, 60s};
  auto d = limits_->check(codes, "acc-1");
  EXPECT_TRUE(d);
  EXPECT_EQ(d.remaining, 2);
  limits_->hit(codes, "acc-1");
  limits_->hit(codes, "acc-1");
  d = limits_->check(codes, "acc-1");
  EXPECT_FALSE(d);
  EXPECT_EQ(d.retry_after, 60s);
  EXPECT_EQ(limits_->count(codes, "acc-1"), 2);
  EXPECT_EQ(rows("hisx_host_rate_hits"), 2);
}

// app_link's self-linking: five wrong codes lock the account for 15 minutes; a right code
// clears its wrong ones.
TEST_P(RateLimitsTest, ALockoutHoldsForItsTimeThenTheKeyStartsAfresh) {
  const RateLimit self_link{"test:self_link", 5, 15min, 15min};
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(limits_->hit(self_link, "account-9")) << "guess " << i + 1;
    clock_.advance(1min);
  }
  // The fifth guess, at 08:04, locked the account until 08:19.
  auto refused = limits_->hit(self_link, "account-9");
  EXPECT_FALSE(refused);
  EXPECT_EQ(refused.retry_after, 14min);
  EXPECT_FALSE(limits_->check(self_link, "account-9"));
  clock_.advance(10min);  // 08:15: the first guesses left the window, the lock holds
  EXPECT_EQ(limits_->hit(self_link, "account-9").retry_after, 4min);
  clock_.advance(4min);  // 08:19
  EXPECT_EQ(limits_->count(self_link, "account-9"), 0) << "hits before the lock no longer count";
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(limits_->hit(self_link, "account-9")) << "after the lock, guess " << i + 1;
  }
  EXPECT_FALSE(limits_->hit(self_link, "account-9"));
  EXPECT_EQ(limits_->hit(self_link, "account-9").retry_after, 15min);
}

TEST_P(RateLimitsTest, ClearForgetsTheHitsAndTheLockOfOneKey) {
  const RateLimit self_link{"test:self_link", 3, 15min, 15min};
  limits_->hit(self_link, "account-1");
  limits_->hit(self_link, "account-1");
  limits_->hit(self_link, "account-2");
  limits_->clear(self_link, "account-1");  // the right code at last
  EXPECT_EQ(limits_->count(self_link, "account-1"), 0);
  EXPECT_EQ(limits_->count(self_link, "account-2"), 1);

  for (int i = 0; i < 3; ++i) limits_->hit(self_link, "account-1");
  EXPECT_FALSE(limits_->check(self_link, "account-1"));
  limits_->clear(self_link, "account-1");
  const auto d = limits_->hit(self_link, "account-1");
  EXPECT_TRUE(d);
  EXPECT_EQ(d.remaining, 2);
}

TEST_P(RateLimitsTest, OneHitOnSeveralKeysIsRecordedOnAllOrNone) {
  const RateLimit per_account{"test:account", 5, 15min};
  const RateLimit per_address{"test:address", 2, 15min};
  ASSERT_TRUE(limits_->hit_all({{per_account, "lan"}, {per_address, "203.0.113.9"}}));
  ASSERT_TRUE(limits_->hit_all({{per_account, "hoa"}, {per_address, "203.0.113.9"}}));
  const auto refused = limits_->admit({{per_account, "binh"}, {per_address, "203.0.113.9"}});
  EXPECT_FALSE(refused.decision);
  EXPECT_EQ(refused.refused_by, 1u) << "the address refused";
  EXPECT_EQ(refused.decision.retry_after, 15min);
  EXPECT_EQ(limits_->count(per_account, "binh"), 0) << "nothing recorded on the admitting key";

  const auto admitted = limits_->admit({{per_account, "lan"}, {per_address, "10.0.0.7"}});
  ASSERT_TRUE(admitted.decision);
  EXPECT_EQ(admitted.decision.remaining, 1) << "the smallest: 2 - 1 from the address";
  EXPECT_FALSE(admitted.hit_id.empty());
  EXPECT_EQ(limits_->count(per_account, "lan"), 2);
  // A login that succeeded forgets its own hit on every key, and only that one.
  limits_->forget(admitted.hit_id);
  EXPECT_EQ(limits_->count(per_account, "lan"), 1);
  EXPECT_EQ(limits_->count(per_address, "10.0.0.7"), 0);
}

TEST_P(RateLimitsTest, EachPluginHasItsOwnBuckets) {
  host::PluginRateLimits app_link(*limits_, "app_link");
  host::PluginRateLimits fast_lane(*limits_, "fast_lane");
  const RateLimit codes{"codes", 1, 60s};
  EXPECT_TRUE(app_link.hit(codes, "k"));
  EXPECT_FALSE(app_link.hit(codes, "k"));
  EXPECT_TRUE(fast_lane.hit(codes, "k"));
  EXPECT_EQ(limits_->count({"app_link:codes", 1, 60s}, "k"), 1);
  EXPECT_THROW(app_link.hit({"other:codes", 1, 60s}, "k"), std::invalid_argument);
  EXPECT_THROW(app_link.hit({"Codes", 1, 60s}, "k"), std::invalid_argument);
  EXPECT_THROW(app_link.hit({"codes", 0, 60s}, "k"), std::invalid_argument);
  EXPECT_THROW(app_link.hit({"codes", 1, 0s}, "k"), std::invalid_argument);
  EXPECT_THROW(app_link.hit(codes, ""), std::invalid_argument);
  EXPECT_THROW(app_link.hit(codes, std::string(201, 'k')), std::invalid_argument);
  EXPECT_THROW(app_link.hit_all({}), std::invalid_argument);
}

TEST_P(RateLimitsTest, HitsAndKeysAreRemovedOnceTheyNoLongerCount) {
  limits_->hit({"test:short", 5, 60s}, "a");
  limits_->hit({"test:short", 5, 60s}, "b");
  limits_->hit({"test:locked", 1, 60s, 1h}, "c");  // locked for an hour
  EXPECT_EQ(rows("hisx_host_rate_hits"), 3);
  EXPECT_EQ(rows("hisx_host_rate_keys"), 3);
  clock_.advance(2min);
  limits_->hit({"test:short", 5, 60s}, "d");
  EXPECT_EQ(rows("hisx_host_rate_hits"), 1) << "only d's hit is in a window";
  EXPECT_EQ(rows("hisx_host_rate_keys"), 2) << "c is still locked, d is new";
  EXPECT_FALSE(limits_->check({"test:locked", 1, 60s, 1h}, "c"));
  clock_.advance(2h);
  limits_->hit({"test:short", 5, 60s}, "e");
  EXPECT_EQ(rows("hisx_host_rate_keys"), 1);
}

TEST(RateLimitProblem, ARefusalIsA429WithRetryAfter) {
  sdk::RateDecision refused;
  refused.admitted = false;
  refused.retry_after = 840s;
  const sdk::Problem p = sdk::too_many_requests(refused, "Too many wrong codes / Sai mã quá nhiều");
  EXPECT_EQ(p.status(), 429);
  EXPECT_EQ(p.type(), "too-many-requests");
  ASSERT_TRUE(p.members());
  EXPECT_EQ(p.members()->getValue<long long>("retry_after"), 840);
}

// Several hosts (a pool each, as each hisxd opens its own) and several threads on each hit one
// key at the same moment, again and again: the limit holds every time.
TEST_P(RateLimitsTest, ConcurrentHitsFromSeveralHostsNeverPassTheLimit) {
  constexpr int kHosts = 3;
  constexpr int kThreadsPerHost = 4;
  constexpr int kRounds = 5;
  constexpr int kLimit = 5;
  std::vector<std::shared_ptr<host::DatabasePool>> pools;
  std::vector<std::unique_ptr<host::StoreRateLimits>> hosts;
  for (int h = 0; h < kHosts; ++h) {
    pools.push_back(host::open_database(config_));
    hosts.push_back(std::make_unique<host::StoreRateLimits>(*pools.back(), clock_));
  }
  for (int round = 0; round < kRounds; ++round) {
    const std::string key = "patient-" + std::to_string(round);
    const RateLimit limit{"test:concurrent", kLimit, 1h};
    std::atomic<int> admitted{0};
    std::atomic<int> failed{0};
    std::barrier start(kHosts * kThreadsPerHost);
    std::vector<std::thread> threads;
    for (int h = 0; h < kHosts; ++h) {
      for (int t = 0; t < kThreadsPerHost; ++t) {
        threads.emplace_back([&, h] {
          start.arrive_and_wait();
          try {
            if (hosts[static_cast<std::size_t>(h)]->hit(limit, key)) ++admitted;
          } catch (const std::exception& e) {
            ++failed;
            ADD_FAILURE() << e.what();
          }
        });
      }
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(admitted.load(), kLimit) << "round " << round;
    EXPECT_EQ(limits_->count(limit, key), kLimit) << "round " << round;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, RateLimitsTest, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
