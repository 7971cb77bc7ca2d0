// Leases: a run whose host died (its lease ended) is taken over by another host and runs;
// a live lease is respected and renewed while a long run goes on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "job_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;
using ::testing::AllOf;
using ::testing::HasSubstr;

class JobLeases : public ::testing::TestWithParam<std::string> {
 protected:
  int poll_together(const std::vector<host::JobScheduler*>& hosts) {
    std::vector<int> started(hosts.size(), 0);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      threads.emplace_back([&, i] { started[i] = hosts[i]->poll(); });
    }
    for (auto& t : threads) t.join();
    for (auto* h : hosts) EXPECT_TRUE(h->wait_idle(30s));
    int total = 0;
    for (int n : started) total += n;
    return total;
  }

  // A run another host started and left: it died with the lease ending at `lease_until`.
  void dead_host_left(const std::string& job, const std::string& scheduled_for,
                      const std::string& lease_until, const std::string& kind = "every") {
    db_.insert_run({job, scheduled_for, kind, "running", "dead-host:4242:0bad", lease_until,
                    "2024-05-01T02:59:59.000Z", "", "", 1});
  }

  JobTestDb db_{GetParam()};
  sdk::ManualClock clock_{utc("2024-05-01T03:00:30Z")};
  RunLog log_;
};

TEST_P(JobLeases, ARunOfADeadHostIsTakenOverOnceAndRuns) {
  dead_host_left("t.tick", "2024-05-01T03:00:00Z", "2024-05-01T03:00:20.000Z");
  auto a = db_.scheduler(clock_, "host-a");
  auto b = db_.scheduler(clock_, "host-b");
  a->every("t.tick", "* * * * *", log_.job("host-a"));
  b->every("t.tick", "* * * * *", log_.job("host-b"));

  EXPECT_EQ(poll_together({a.get(), b.get()}), 1);
  EXPECT_EQ(poll_together({a.get(), b.get()}), 0);

  const auto runs = log_.runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].scheduled_for, "2024-05-01T03:00:00Z");
  EXPECT_EQ(runs[0].attempt, 2);
  const auto rows = db_.rows("t.tick");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, "succeeded");
  EXPECT_EQ(rows[0].attempts, 2);
  EXPECT_EQ(rows[0].owner, runs[0].host);
  EXPECT_EQ(rows[0].started_at, "2024-05-01T03:00:30.000Z");
}

TEST_P(JobLeases, AOneOffOfADeadHostIsTakenOver) {
  dead_host_left("t.once", "2024-05-01T03:00:00Z", "2024-05-01T03:00:29.999Z", "once");
  auto a = db_.scheduler(clock_, "host-a");
  a->once("t.once", utc("2024-05-01T03:00:00Z"), log_.job("host-a"));
  EXPECT_EQ(poll_together({a.get()}), 1);
  const auto rows = db_.rows("t.once");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, "succeeded");
  EXPECT_EQ(rows[0].owner, "host-a");
  EXPECT_EQ(log_.runs().at(0).attempt, 2);
}

TEST_P(JobLeases, ALiveLeaseIsLeftAlone) {
  dead_host_left("t.once", "2024-05-01T03:00:00Z", "2024-05-01T03:00:30.000Z", "once");
  auto a = db_.scheduler(clock_, "host-a");
  a->once("t.once", utc("2024-05-01T03:00:00Z"), log_.job("host-a"));
  // The lease ends at 03:00:30.000 exactly: not yet expired at that instant.
  EXPECT_EQ(poll_together({a.get()}), 0);
  const auto rows = db_.rows("t.once");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, "running");
  EXPECT_EQ(rows[0].owner, "dead-host:4242:0bad");
  EXPECT_TRUE(log_.runs().empty());

  clock_.advance(1ms);
  EXPECT_EQ(poll_together({a.get()}), 1);
  EXPECT_EQ(db_.rows("t.once").at(0).owner, "host-a");
}

TEST_P(JobLeases, AnOlderOccurrenceOfADeadHostIsClosedAndTheLatestRuns) {
  dead_host_left("t.sweep", "2024-05-01T02:50:00Z", "2024-05-01T02:55:00.000Z");
  auto a = db_.scheduler(clock_, "host-a");
  a->every("t.sweep", "*/10 * * * *", log_.job("host-a"));
  EXPECT_EQ(poll_together({a.get()}), 1);

  const auto rows = db_.rows("t.sweep");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].scheduled_for, "2024-05-01T02:50:00Z");
  EXPECT_EQ(rows[0].state, "failed");
  EXPECT_THAT(rows[0].error, AllOf(HasSubstr("abandoned"), HasSubstr("dead-host:4242:0bad")));
  EXPECT_EQ(rows[1].scheduled_for, "2024-05-01T03:00:00Z");
  EXPECT_EQ(rows[1].state, "succeeded");
  ASSERT_EQ(log_.runs().size(), 1u);
  EXPECT_EQ(log_.runs()[0].scheduled_for, "2024-05-01T03:00:00Z");
}

TEST_P(JobLeases, ALongRunRenewsItsLease) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  auto a = db_.scheduler(clock_, "host-a");
  auto b = db_.scheduler(clock_, "host-b");
  const auto when = utc("2024-05-01T03:00:00Z");
  a->once(
      "t.long", when, [released](const sdk::JobRun&) { released.wait(); }, 30s);
  b->once("t.long", when, log_.job("host-b"), 30s);

  EXPECT_EQ(a->poll(), 1);
  EXPECT_EQ(db_.rows("t.long").at(0).lease_until, "2024-05-01T03:01:00.000Z");
  clock_.advance(20s);  // past a third of the lease: the next poll renews it
  EXPECT_EQ(a->poll(), 0);
  EXPECT_EQ(db_.rows("t.long").at(0).lease_until, "2024-05-01T03:01:20.000Z");

  clock_.advance(15s);  // 03:01:05: the first lease would have ended
  EXPECT_EQ(b->poll(), 0);
  EXPECT_EQ(db_.rows("t.long").at(0).owner, "host-a");

  release.set_value();
  ASSERT_TRUE(a->wait_idle(30s));
  const auto row = db_.rows("t.long").at(0);
  EXPECT_EQ(row.state, "succeeded");
  EXPECT_EQ(row.attempts, 1);
  EXPECT_TRUE(log_.runs().empty());
}

TEST_P(JobLeases, AHostThatLostItsLeaseDoesNotOverwriteTheNewOwnersResult) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  auto a = db_.scheduler(clock_, "host-a");
  auto b = db_.scheduler(clock_, "host-b");
  const auto when = utc("2024-05-01T03:00:00Z");
  a->once(
      "t.stalled", when,
      [released](const sdk::JobRun&) {
        released.wait();
        throw std::runtime_error("host-a finished late");
      },
      30s);
  b->once("t.stalled", when, log_.job("host-b"), 30s);

  EXPECT_EQ(a->poll(), 1);
  clock_.advance(1min);  // host-a stalled: it did not renew in time
  EXPECT_EQ(b->poll(), 1);
  ASSERT_TRUE(b->wait_idle(30s));
  release.set_value();
  ASSERT_TRUE(a->wait_idle(30s));

  const auto row = db_.rows("t.stalled").at(0);
  EXPECT_EQ(row.owner, "host-b");
  EXPECT_EQ(row.state, "succeeded");
  EXPECT_EQ(row.attempts, 2);
  EXPECT_EQ(row.error, "");
}

INSTANTIATE_TEST_SUITE_P(Backends, JobLeases, ::testing::ValuesIn(job_test_backends()));

}  // namespace
}  // namespace hisx::test
