// Jobs through the real hisxd: the good fixture plugin's jobs (tests/fixtures/good/good_jobs.h)
// listed at GET /api/v1/host/jobs; two hosts on one database running each run once; and a
// host killed in the middle of a run whose run another host takes over and completes.
#include <gmock/gmock.h>

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::HasSubstr;

std::string utc_text(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// A host with the good plugin on `backend`; for SQLite every host given the same `shared`
// folder uses the database file in it, so that two processes share one database.
HostOptions job_host(const TestBackend& backend, const std::filesystem::path& shared,
                     const std::vector<std::string>& extra) {
  std::vector<std::string> overrides = small_demo();
  overrides.insert(overrides.end(),
                   {plugin_paths_with_fixtures(), "plugins.enabled=[good]",
                    "plugins.settings.good.job_log=" + (shared / "runs.log").string()});
  if (backend.name == "sqlite3") {
    overrides.push_back("database.his.connection=db=" + (shared / "hisx.db").string());
  }
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  return host_options(backend, overrides);
}

Poco::JSON::Object::Ptr listing(const HostProcess& host, const std::string& key,
                                const std::string& query = "") {
  HttpResult r = host.client().get("/api/v1/host/jobs" + query, key);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
}

Poco::JSON::Object::Ptr job_in(const Poco::JSON::Object::Ptr& body, const std::string& name) {
  auto jobs = body->getArray("jobs");
  for (std::size_t i = 0; jobs && i < jobs->size(); ++i) {
    auto job = jobs->getObject(static_cast<unsigned>(i));
    if (job->getValue<std::string>("name") == name) return job;
  }
  return nullptr;
}

// Asks the host's listing of `job` until `done` holds (background work), for up to `limit`.
Poco::JSON::Object::Ptr wait_for_job(const HostProcess& host, const std::string& key,
                                     const std::string& job,
                                     const std::function<bool(const Poco::JSON::Object&)>& done,
                                     std::chrono::seconds limit = std::chrono::seconds(100)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    auto found = job_in(listing(host, key, "?limit=200&job=" + job), job);
    if ((found && done(*found)) || std::chrono::steady_clock::now() > deadline) return found;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

std::string latest_state(const Poco::JSON::Object& job) {
  auto runs = job.getArray("runs");
  return runs->size() == 0 ? "" : runs->getObject(0)->getValue<std::string>("state");
}

// The lines of the job log for `job`: its due time → how often it ran, and the attempts seen.
struct LoggedRuns {
  std::map<std::string, int> times_run;
  std::vector<int> attempts;
};

LoggedRuns logged(const std::filesystem::path& log, const std::string& job) {
  LoggedRuns out;
  if (!std::filesystem::exists(log)) return out;
  std::istringstream in(read_text(log));
  std::string name, due;
  int attempt = 0;
  long pid = 0;
  while (in >> name >> due >> attempt >> pid) {
    if (name != job) continue;
    ++out.times_run[due];
    out.attempts.push_back(attempt);
  }
  return out;
}

TEST(Jobs, TheListingShowsThePluginsJobsTheirRunsAndFailures) {
  TempDir shared;
  const TestBackend backend = backend_from_env();
  const auto now = std::chrono::system_clock::now();
  HostProcess host(
      job_host(backend, shared.path(),
               {"plugins.settings.good.fail_at=" + utc_text(now - std::chrono::minutes(1)),
                "plugins.settings.good.slow_at=" + utc_text(now + std::chrono::hours(48)),
                "plugins.settings.good.slow_lease_s=120"}));
  host.start();
  const std::string admin = create_key(host, "admin");
  const std::string doctor = create_key(host, "doctor", "a doctor");
  expect_problem(host.client().get("/api/v1/host/jobs"), 401, "unauthorized");
  expect_problem(host.client().get("/api/v1/host/jobs", doctor), 403, "forbidden");

  // good.tick runs every minute: the first run comes within a minute of the start.
  auto tick = wait_for_job(host, admin, "good.tick", [](const Poco::JSON::Object& job) {
    return latest_state(job) == "succeeded";
  });
  ASSERT_TRUE(tick) << host.output();
  ASSERT_EQ(latest_state(*tick), "succeeded") << host.output();

  auto body = listing(host, admin);
  EXPECT_FALSE(body->getValue<std::string>("host").empty());
  EXPECT_EQ(body->getValue<std::string>("timezone"), "Asia/Ho_Chi_Minh");
  tick = job_in(body, "good.tick");
  ASSERT_TRUE(tick) << "good.tick is not listed";
  EXPECT_EQ(tick->getValue<std::string>("kind"), "every");
  EXPECT_EQ(tick->getValue<std::string>("schedule"), "* * * * *");
  EXPECT_THAT(tick->getValue<std::string>("next_run"), EndsWith(":00Z"));
  EXPECT_THAT(tick->getValue<std::string>("next_run_local"), EndsWith(":00+07:00"));
  auto tick_run = tick->getArray("runs")->getObject(0);
  EXPECT_EQ(tick_run->getValue<std::string>("owner"), body->getValue<std::string>("host"));
  EXPECT_EQ(tick_run->getValue<int>("attempts"), 1);
  EXPECT_TRUE(tick_run->isNull("error"));
  const std::string tick_due = tick_run->getValue<std::string>("scheduled_for");
  EXPECT_EQ(logged(shared.path() / "runs.log", "good.tick").times_run[tick_due], 1);

  // good.fail was due a minute before the start: it ran at once, and failed.
  auto fail = job_in(body, "good.fail");
  ASSERT_TRUE(fail) << "good.fail is not listed";
  EXPECT_EQ(fail->getValue<std::string>("kind"), "once");
  EXPECT_TRUE(fail->isNull("next_run"));
  auto fail_run = fail->getArray("runs")->getObject(0);
  EXPECT_EQ(fail_run->getValue<std::string>("state"), "failed");
  EXPECT_EQ(fail_run->getValue<std::string>("error"), "good.fail failed on purpose");
  EXPECT_FALSE(fail_run->isNull("finished_at"));

  // good.slow is two days away: listed with its next run and no runs yet.
  auto slow = job_in(body, "good.slow");
  ASSERT_TRUE(slow) << "good.slow is not listed";
  EXPECT_EQ(slow->getValue<std::string>("next_run"), utc_text(now + std::chrono::hours(48)));
  EXPECT_EQ(slow->getValue<int>("lease_seconds"), 120);
  EXPECT_EQ(slow->getArray("runs")->size(), 0u);

  // One line at the start and one at the end of each run, and the error with its text.
  EXPECT_THAT(
      host.output(),
      AllOf(HasSubstr("job good.tick: run for " + tick_due + " started"),
            HasSubstr("job good.tick: run for " + tick_due + " succeeded in"),
            HasSubstr("job good.fail: run for"), HasSubstr("failed: good.fail failed on purpose")));

  auto only = listing(host, admin, "?job=good.fail&limit=1")->getArray("jobs");
  ASSERT_EQ(only->size(), 1u);
  EXPECT_EQ(only->getObject(0)->getValue<std::string>("name"), "good.fail");
  expect_problem(host.client().get("/api/v1/host/jobs?job=good.nothing", admin), 404, "not-found");
  expect_problem(host.client().get("/api/v1/host/jobs?limit=0", admin), 422, "validation");
}

TEST(Jobs, TwoHostsOnOneDatabaseRunEachRunOnce) {
  TempDir shared;
  const TestBackend backend = backend_from_env();
  // Each host plans good.once at the next eight 2-second marks after its own start; the hosts
  // start a few seconds apart, so they share some marks and each has some of its own.
  const std::vector<std::string> extra = {"plugins.settings.good.once_step_s=2",
                                          "plugins.settings.good.once_count=8"};
  HostProcess a(job_host(backend, shared.path(), extra));
  a.start();
  HostProcess b(job_host(backend, shared.path(), extra));
  b.start();
  const std::string admin = create_key(a, "admin");

  // Done when neither host has a good.once run left to claim and none is running.
  auto all_done = [](const Poco::JSON::Object& job) {
    auto runs = job.getArray("runs");
    for (std::size_t i = 0; i < runs->size(); ++i) {
      if (runs->getObject(static_cast<unsigned>(i))->getValue<std::string>("state") != "succeeded")
        return false;
    }
    return job.isNull("next_run") && runs->size() > 0;
  };
  ASSERT_TRUE(wait_for_job(a, admin, "good.once", all_done)) << a.output();
  auto on_b = wait_for_job(b, admin, "good.once", all_done);
  ASSERT_TRUE(on_b && all_done(*on_b)) << b.output();

  const std::string host_a = listing(a, admin)->getValue<std::string>("host");
  const std::string host_b = listing(b, admin)->getValue<std::string>("host");
  auto runs = job_in(listing(b, admin, "?limit=200"), "good.once")->getArray("runs");
  ASSERT_GE(runs->size(), 8u);
  const auto log = logged(shared.path() / "runs.log", "good.once");
  std::set<std::string> listed;
  for (std::size_t i = 0; i < runs->size(); ++i) {
    auto run = runs->getObject(static_cast<unsigned>(i));
    const std::string due = run->getValue<std::string>("scheduled_for");
    listed.insert(due);
    EXPECT_THAT(run->getValue<std::string>("owner"), testing::AnyOf(host_a, host_b));
    EXPECT_EQ(run->getValue<int>("attempts"), 1);
    EXPECT_EQ(log.times_run.count(due) ? log.times_run.at(due) : 0, 1)
        << "the run due " << due << " did not run exactly once";
  }
  EXPECT_EQ(log.times_run.size(), listed.size()) << "a run happened that is not listed";

  // good.tick runs every minute on both hosts; whatever minutes passed ran once each.
  for (const auto& [due, times] : logged(shared.path() / "runs.log", "good.tick").times_run) {
    EXPECT_EQ(times, 1) << "good.tick due " << due;
  }
}

TEST(Jobs, ARunOfAKilledHostIsTakenOverAndCompleted) {
  TempDir shared;
  const TestBackend backend = backend_from_env();
  const std::string slow_at = utc_text(std::chrono::system_clock::now());
  // Host A starts good.slow (due now) and works on it for ten minutes, renewing a 3 s lease.
  HostProcess a(
      job_host(backend, shared.path(),
               {"plugins.settings.good.slow_at=" + slow_at, "plugins.settings.good.slow_ms=600000",
                "plugins.settings.good.slow_lease_s=3"}));
  a.start();
  const std::string admin = create_key(a, "admin");
  auto slow = wait_for_job(a, admin, "good.slow", [](const Poco::JSON::Object& job) {
    return latest_state(job) == "running";
  });
  ASSERT_TRUE(slow && latest_state(*slow) == "running") << a.output();
  const std::string host_a = listing(a, admin)->getValue<std::string>("host");
  EXPECT_EQ(slow->getArray("runs")->getObject(0)->getValue<std::string>("owner"), host_a);

  a.kill();  // mid-run: the lease is no longer renewed

  // Host B has the same job, quick this time: once A's lease ends, B takes the run over.
  HostProcess b(
      job_host(backend, shared.path(),
               {"plugins.settings.good.slow_at=" + slow_at, "plugins.settings.good.slow_ms=0",
                "plugins.settings.good.slow_lease_s=3"}));
  b.start();
  slow = wait_for_job(b, admin, "good.slow", [](const Poco::JSON::Object& job) {
    return latest_state(job) == "succeeded";
  });
  ASSERT_TRUE(slow && latest_state(*slow) == "succeeded") << b.output();
  auto run = slow->getArray("runs")->getObject(0);
  EXPECT_EQ(run->getValue<std::string>("scheduled_for"), slow_at);
  EXPECT_EQ(run->getValue<std::string>("owner"), listing(b, admin)->getValue<std::string>("host"));
  EXPECT_EQ(run->getValue<int>("attempts"), 2);
  EXPECT_THAT(b.output(), HasSubstr("job good.slow: taking over the run for " + slow_at));

  // Only B's attempt got to the end of the work.
  const auto log = logged(shared.path() / "runs.log", "good.slow");
  ASSERT_EQ(log.attempts.size(), 1u);
  EXPECT_EQ(log.attempts[0], 2);
}

}  // namespace
}  // namespace hisx::test::integration
