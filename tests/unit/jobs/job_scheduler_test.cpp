// Claiming runs on a real database (SQLite and PostgreSQL): several schedulers on one
// database, each on its own connection pool as separate hosts would be, with a manual clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "job_test_db.h"
#include "jobs/plugin_scheduler.h"
#include "metrics/metrics_registry.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;
using ::testing::AllOf;
using ::testing::HasSubstr;

class JobClaims : public ::testing::TestWithParam<std::string> {
 protected:
  // Polls every scheduler at the same moment, each on its own thread, then waits for the
  // runs they started. Returns how many runs were started in total.
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

  JobTestDb db_{GetParam()};
  sdk::ManualClock clock_{utc("2024-05-01T03:00:30Z")};
  RunLog log_;
};

TEST_P(JobClaims, TwoHostsRunEachDueOccurrenceOnce) {
  auto a = db_.scheduler(clock_, "host-a");
  auto b = db_.scheduler(clock_, "host-b");
  a->every("t.tick", "* * * * *", log_.job("host-a"));
  b->every("t.tick", "* * * * *", log_.job("host-b"));

  // A job new to the database starts with its next occurrence, not the one just passed.
  EXPECT_EQ(poll_together({a.get(), b.get()}), 0);
  for (int minute = 1; minute <= 8; ++minute) {
    clock_.advance(1min);
    EXPECT_EQ(poll_together({a.get(), b.get()}), 1) << "minute " << minute;
    clock_.advance(20s);  // later in the same minute: nothing new is due
    EXPECT_EQ(poll_together({a.get(), b.get()}), 0) << "minute " << minute;
    clock_.advance(-20s);
  }

  const auto runs = log_.runs();
  ASSERT_EQ(runs.size(), 8u);
  const auto rows = db_.rows("t.tick");
  ASSERT_EQ(rows.size(), 8u);
  for (int i = 0; i < 8; ++i) {
    const std::string due = "2024-05-01T03:0" + std::to_string(i + 1) + ":00Z";
    EXPECT_EQ(rows[i].scheduled_for, due);
    EXPECT_EQ(rows[i].state, "succeeded");
    EXPECT_EQ(rows[i].kind, "every");
    EXPECT_EQ(rows[i].attempts, 1);
    EXPECT_FALSE(rows[i].finished_at.empty());
    EXPECT_EQ(runs[i].scheduled_for, due);
    EXPECT_EQ(runs[i].attempt, 1);
    EXPECT_EQ(rows[i].owner, runs[i].host) << "the row names the host that ran it";
  }
}

TEST_P(JobClaims, AOneOffRunsOnceAcrossHostsAndRestarts) {
  const auto when = utc("2024-05-01T03:00:40Z");
  auto a = db_.scheduler(clock_, "host-a");
  auto b = db_.scheduler(clock_, "host-b");
  a->once("t.once", when, log_.job("host-a"));
  b->once("t.once", when, log_.job("host-b"));

  EXPECT_EQ(poll_together({a.get(), b.get()}), 0) << "not due before its time";
  clock_.advance(10s);
  EXPECT_EQ(poll_together({a.get(), b.get()}), 1);
  clock_.advance(1h);
  EXPECT_EQ(poll_together({a.get(), b.get()}), 0);

  // A host started later (or after a restart) registers the same one-off: it has run.
  auto c = db_.scheduler(clock_, "host-c");
  c->once("t.once", when, log_.job("host-c"));
  EXPECT_EQ(poll_together({c.get()}), 0);
  ASSERT_EQ(log_.runs().size(), 1u);
  EXPECT_EQ(log_.runs()[0].scheduled_for, "2024-05-01T03:00:40Z");

  const auto rows = db_.rows("t.once");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kind, "once");
  EXPECT_EQ(rows[0].state, "succeeded");

  // A one-off whose time passed while no host was up runs at the first poll.
  c->once("t.late", utc("2024-05-01T02:00:00Z"), log_.job("host-c"));
  EXPECT_EQ(poll_together({c.get()}), 1);
  EXPECT_EQ(db_.rows("t.late").at(0).state, "succeeded");
}

TEST_P(JobClaims, OneOffTimesAreTakenToTheSecond) {
  auto a = db_.scheduler(clock_, "host-a");
  a->once("t.once", utc("2024-05-01T03:00:10.750Z"), log_.job("host-a"));
  EXPECT_THROW(a->once("t.once", utc("2024-05-01T03:00:10.100Z"), log_.job("host-a")),
               std::invalid_argument);
  EXPECT_EQ(poll_together({a.get()}), 1);
  EXPECT_EQ(db_.rows("t.once").at(0).scheduled_for, "2024-05-01T03:00:10Z");
}

TEST_P(JobClaims, AFailingRunIsRecordedFailedWithItsError) {
  auto a = db_.scheduler(clock_, "host-a");
  a->once("t.fails", utc("2024-05-01T03:00:00Z"),
          [](const sdk::JobRun&) { throw std::runtime_error("kaboom: the HIS said no"); });
  a->once("t.odd", utc("2024-05-01T03:00:00Z"), [](const sdk::JobRun&) { throw 42; });
  int calls = 0;
  a->every("t.flaky", "* * * * *", [&calls](const sdk::JobRun&) {
    ++calls;
    throw std::runtime_error("flaky " + std::to_string(calls));
  });
  EXPECT_EQ(poll_together({a.get()}), 2);

  auto fails = db_.rows("t.fails");
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_EQ(fails[0].state, "failed");
  EXPECT_EQ(fails[0].error, "kaboom: the HIS said no");
  EXPECT_FALSE(fails[0].finished_at.empty());
  EXPECT_EQ(db_.rows("t.odd").at(0).error, "an exception that is not a std::exception");

  // A failed periodic run is not retried; the next occurrence runs as usual.
  clock_.advance(1min);
  EXPECT_EQ(poll_together({a.get()}), 1);
  clock_.advance(1min);
  EXPECT_EQ(poll_together({a.get()}), 1);
  const auto flaky = db_.rows("t.flaky");
  ASSERT_EQ(flaky.size(), 2u);
  EXPECT_EQ(flaky[0].error, "flaky 1");
  EXPECT_EQ(flaky[1].error, "flaky 2");
  EXPECT_EQ(flaky[1].state, "failed");
}

TEST_P(JobClaims, FinishedRunsAreCountedByJobAndOutcome) {
  host::MetricsRegistry metrics;
  auto a = db_.scheduler(clock_, "host-a", {}, "Asia/Ho_Chi_Minh", &metrics);
  a->once("t.ok", utc("2024-05-01T03:00:00Z"), log_.job("host-a"));
  a->once("t.ok", utc("2024-05-01T03:00:10Z"), log_.job("host-a"));
  a->once("t.bad", utc("2024-05-01T03:00:00Z"),
          [](const sdk::JobRun&) { throw std::runtime_error("no"); });
  EXPECT_EQ(poll_together({a.get()}), 3);
  const std::string text = metrics.expose();
  EXPECT_THAT(text, HasSubstr("hisx_job_runs_total{job=\"t.ok\",outcome=\"succeeded\"} 2"));
  EXPECT_THAT(text, HasSubstr("hisx_job_runs_total{job=\"t.bad\",outcome=\"failed\"} 1"));
}

TEST_P(JobClaims, OnlyTheLatestMissedOccurrenceRuns) {
  // The job last ran at 01:00; every host was down until 03:07.
  db_.insert_run({"t.report", "2024-05-01T01:00:00Z", "every", "succeeded", "old-host:1:ab",
                  "2024-05-01T01:10:00.000Z", "2024-05-01T01:00:00.100Z",
                  "2024-05-01T01:00:05.000Z", "", 1});
  clock_.set(utc("2024-05-01T03:07:30Z"));
  auto a = db_.scheduler(clock_, "host-a");
  a->every("t.report", "*/5 * * * *", log_.job("host-a"));
  EXPECT_EQ(poll_together({a.get()}), 1);
  EXPECT_EQ(poll_together({a.get()}), 0);

  ASSERT_EQ(log_.runs().size(), 1u);
  EXPECT_EQ(log_.runs()[0].scheduled_for, "2024-05-01T03:05:00Z");
  const auto rows = db_.rows("t.report");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].scheduled_for, "2024-05-01T01:00:00Z");
  EXPECT_EQ(rows[1].scheduled_for, "2024-05-01T03:05:00Z");
}

TEST_P(JobClaims, RegistrationRefusesWhatCannotWork) {
  auto a = db_.scheduler(clock_, "host-a");
  auto fn = log_.job("host-a");
  EXPECT_THROW(a->every("", "* * * * *", fn), std::invalid_argument);
  EXPECT_THROW(a->every("has space", "* * * * *", fn), std::invalid_argument);
  EXPECT_THROW(a->every("t.a", "* * * * *", fn, 0s), std::invalid_argument);
  EXPECT_THROW(a->every("t.a", "* * * * *", nullptr), std::invalid_argument);
  try {
    a->every("t.a", "61 * * * *", fn);
    ADD_FAILURE() << "accepted a bad schedule";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("job t.a: invalid schedule"),
                                HasSubstr("minute: 61 is outside 0-59")));
  }
  a->every("t.a", "* * * * *", fn);
  EXPECT_THROW(a->every("t.a", "0 * * * *", fn), std::invalid_argument);
  EXPECT_THROW(a->once("t.a", clock_.now(), fn), std::invalid_argument);
  a->once("t.b", utc("2024-05-02T00:00:00Z"), fn);
  a->once("t.b", utc("2024-05-03T00:00:00Z"), fn);  // another time: fine
  EXPECT_THROW(a->once("t.b", utc("2024-05-02T00:00:00Z"), fn), std::invalid_argument);
  EXPECT_THROW(a->every("t.b", "* * * * *", fn), std::invalid_argument);
  EXPECT_TRUE(a->has_job("t.a"));
  EXPECT_TRUE(a->has_job("t.b"));
  EXPECT_FALSE(a->has_job("t.c"));
}

TEST_P(JobClaims, APluginsJobNamesCarryItsName) {
  auto a = db_.scheduler(clock_, "host-a");
  host::PluginScheduler good(*a, "good");
  auto fn = log_.job("host-a");
  good.every("good.tick", "* * * * *", fn);
  good.once("good.once", clock_.now(), fn);
  EXPECT_TRUE(a->has_job("good.tick"));
  EXPECT_TRUE(a->has_job("good.once"));
  for (const char* name : {"other.tick", "good", "good.", "goodness.tick", "tick"}) {
    try {
      good.every(name, "* * * * *", fn);
      ADD_FAILURE() << "accepted " << name;
    } catch (const std::invalid_argument& e) {
      EXPECT_THAT(e.what(), HasSubstr("must start with 'good.'")) << name;
    }
    EXPECT_THROW(good.once(name, clock_.now(), fn), std::invalid_argument) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, JobClaims, ::testing::ValuesIn(job_test_backends()));

}  // namespace
}  // namespace hisx::test
