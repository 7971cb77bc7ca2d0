// The scheduler's own thread with the real clock, stopping (waiting for a run, or giving up
// on it), and the clean-up of old runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "job_test_db.h"
#include "jobs/utc_time.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;

class JobLifecycle : public ::testing::TestWithParam<std::string> {
 protected:
  // Polls `done` until it holds or `deadline` passes (background work, real time).
  template <typename Done>
  bool eventually(Done done, std::chrono::seconds deadline = 30s) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
      if (done()) return true;
      std::this_thread::sleep_for(20ms);
    }
    return done();
  }

  JobTestDb db_{GetParam()};
  RunLog log_;
};

TEST_P(JobLifecycle, TheSchedulersThreadRunsDueJobs) {
  sdk::SystemClock clock;
  host::JobsConfig config;
  config.poll_interval = 50ms;
  auto a = db_.scheduler(clock, "host-a", config);
  a->once("t.now", clock.now(), log_.job("host-a"));
  a->once("t.soon", clock.now() + 1s, log_.job("host-a"));
  a->start();
  EXPECT_TRUE(eventually([&] {
    const auto now_rows = db_.rows("t.now");
    const auto soon_rows = db_.rows("t.soon");
    return now_rows.size() == 1 && now_rows[0].state == "succeeded" && soon_rows.size() == 1 &&
           soon_rows[0].state == "succeeded";
  }));
  a->stop();
  EXPECT_EQ(log_.runs().size(), 2u);
}

TEST_P(JobLifecycle, StopWaitsForARunningJob) {
  sdk::ManualClock clock(utc("2024-05-01T03:00:30Z"));
  auto a = db_.scheduler(clock, "host-a");
  std::atomic<bool> finished{false};
  std::promise<void> started;
  a->once("t.slow", utc("2024-05-01T03:00:00Z"), [&](const sdk::JobRun&) {
    started.set_value();
    std::this_thread::sleep_for(300ms);
    finished = true;
  });
  EXPECT_EQ(a->poll(), 1);
  started.get_future().wait();
  a->stop();
  EXPECT_TRUE(finished);
  EXPECT_EQ(db_.rows("t.slow").at(0).state, "succeeded");
  EXPECT_EQ(a->poll(), 0) << "a stopped scheduler starts nothing";
}

TEST_P(JobLifecycle, StopWaitsPastItsTimeoutForARunStillGoingAndSaysWhichOne) {
  // The plugin's stop() follows the scheduler's stop() and frees what the job uses: stop()
  // must not return while a run still executes, however long it takes.
  sdk::ManualClock clock(utc("2024-05-01T03:00:30Z"));
  host::JobsConfig config;
  config.stop_timeout = 100ms;
  auto a = db_.scheduler(clock, "host-a", config);
  LogCapture log("hisx.jobs");
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> ended{false};
  a->once("t.stuck", utc("2024-05-01T03:00:00Z"), [&](const sdk::JobRun&) {
    released.wait();
    ended = true;
  });
  EXPECT_EQ(a->poll(), 1);
  auto stopped = std::async(std::launch::async, [&] { a->stop(); });

  // Past the timeout the log names the run, and says so again while stop() keeps waiting.
  const std::string still = "job t.stuck: the run for 2024-05-01T03:00:00Z is still going after";
  EXPECT_TRUE(log.wait_for(still, 2)) << ::testing::PrintToString(log.lines());
  EXPECT_EQ(stopped.wait_for(0ms), std::future_status::timeout)
      << "stop() returned while the job still runs";
  EXPECT_FALSE(ended);
  EXPECT_EQ(db_.rows("t.stuck").at(0).state, "running");
  EXPECT_EQ(db_.rows("t.stuck").at(0).owner, "host-a");

  // Once the job ends, stop() returns and the run is recorded as any other.
  release.set_value();
  ASSERT_EQ(stopped.wait_for(30s), std::future_status::ready);
  EXPECT_TRUE(ended);
  EXPECT_EQ(db_.rows("t.stuck").at(0).state, "succeeded");
  EXPECT_TRUE(log.wait_for("job t.stuck: run for 2024-05-01T03:00:00Z succeeded"));
}

TEST_P(JobLifecycle, AJobThatSeesTheStopRequestEndsEarlyAndAnotherHostRunsItAgain) {
  sdk::ManualClock clock(utc("2024-05-01T03:00:30Z"));
  host::JobsConfig config;
  config.stop_timeout = 1h;  // stop() can only return this test's way if the job ends early
  auto a = db_.scheduler(clock, "host-a", config);
  const auto due = utc("2024-05-01T03:00:00Z");
  std::promise<void> started;
  std::atomic<bool> asked_before_stop{true};
  std::atomic<bool> saw_stop{false};
  std::atomic<bool> give_up{false};  // ends the job when the request never comes
  a->once("t.batches", due, [&](const sdk::JobRun& run) {
    asked_before_stop = run.stop_requested();
    started.set_value();
    while (!run.stop_requested() && !give_up) {
      std::this_thread::sleep_for(5ms);  // one batch of work
    }
    saw_stop = run.stop_requested();
    run.throw_if_stop_requested();
  });
  EXPECT_EQ(a->poll(), 1);
  started.get_future().wait();
  EXPECT_FALSE(asked_before_stop);

  auto stopped = std::async(std::launch::async, [&] { a->stop(); });
  const bool ended = stopped.wait_for(30s) == std::future_status::ready;
  if (!ended) {
    give_up = true;
    stopped.wait();
  }
  ASSERT_TRUE(ended) << "the job never saw the stop request";
  EXPECT_TRUE(saw_stop);
  // Not done: still running, but with its lease given up at once rather than in 10 minutes.
  const auto row = db_.rows("t.batches").at(0);
  EXPECT_EQ(row.state, "running");
  EXPECT_EQ(row.owner, "host-a");
  EXPECT_TRUE(row.finished_at.empty());
  EXPECT_LE(row.lease_until, host::utc_millis_text(clock.now()));

  clock.advance(1s);
  auto b = db_.scheduler(clock, "host-b");
  b->once("t.batches", due, log_.job("host-b"));
  EXPECT_EQ(b->poll(), 1) << "another host takes the interrupted run over at its next poll";
  EXPECT_TRUE(b->wait_idle(30s));
  const auto runs = log_.runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].host, "host-b");
  EXPECT_EQ(runs[0].attempt, 2);
  const auto after = db_.rows("t.batches").at(0);
  EXPECT_EQ(after.state, "succeeded");
  EXPECT_EQ(after.owner, "host-b");
  EXPECT_EQ(after.attempts, 2);
}

TEST_P(JobLifecycle, JobInterruptedWhileTheHostIsNotStoppingFailsTheRun) {
  sdk::ManualClock clock(utc("2024-05-01T03:00:30Z"));
  auto a = db_.scheduler(clock, "host-a");
  a->once("t.early", utc("2024-05-01T03:00:00Z"),
          [](const sdk::JobRun& run) { throw sdk::JobInterrupted(run.job); });
  EXPECT_EQ(a->poll(), 1);
  EXPECT_TRUE(a->wait_idle(30s));
  const auto row = db_.rows("t.early").at(0);
  EXPECT_EQ(row.state, "failed");
  EXPECT_THAT(row.error, ::testing::HasSubstr("interrupted"));
}

TEST_P(JobLifecycle, OldRunsOfPeriodicJobsAreDeleted) {
  auto old = [&](const std::string& job, const std::string& day, const std::string& kind,
                 const std::string& state) {
    db_.insert_run({job, day + "T00:00:00Z", kind, state, "old-host:1:ab", day + "T00:10:00.000Z",
                    day + "T00:00:00.000Z", state == "running" ? "" : day + "T00:00:01.000Z", "",
                    1});
  };
  old("t.daily", "2024-03-01", "every", "succeeded");
  old("t.daily", "2024-03-02", "every", "failed");
  old("t.daily", "2024-04-30", "every", "succeeded");
  old("t.gone", "2024-03-01", "every", "succeeded");
  old("t.gone", "2024-03-05", "every", "succeeded");  // its latest: kept
  old("t.once", "2024-03-01", "once", "succeeded");   // one-offs are kept
  old("t.stuck", "2024-03-01", "every", "running");
  old("t.stuck", "2024-03-03", "every", "succeeded");

  sdk::ManualClock clock(utc("2024-05-01T03:00:30Z"));
  host::JobsConfig config;
  config.keep_days = 30;
  auto a = db_.scheduler(clock, "host-a", config);
  EXPECT_EQ(a->poll(), 0);

  auto days = [&](const std::string& job) {
    std::vector<std::string> out;
    for (const auto& r : db_.rows(job)) out.push_back(r.scheduled_for.substr(0, 10));
    return out;
  };
  EXPECT_THAT(days("t.daily"), ::testing::ElementsAre("2024-04-30"));
  EXPECT_THAT(days("t.gone"), ::testing::ElementsAre("2024-03-05"));
  EXPECT_THAT(days("t.once"), ::testing::ElementsAre("2024-03-01"));
  EXPECT_THAT(days("t.stuck"), ::testing::ElementsAre("2024-03-01", "2024-03-03"));
}

INSTANTIATE_TEST_SUITE_P(Backends, JobLifecycle, ::testing::ValuesIn(job_test_backends()));

}  // namespace
}  // namespace hisx::test
