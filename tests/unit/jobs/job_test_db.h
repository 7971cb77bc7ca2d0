#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/database_pool.h"
#include "hisx/clock.h"
#include "jobs/job_scheduler.h"
#include "support/pg.h"
#include "support/temp_dir.h"

namespace hisx::test {

/// A fresh store database of one backend ("sqlite3" or "postgresql") with the scheduler's
/// table, on which tests start several schedulers as if they were several hosts.
class JobTestDb {
 public:
  explicit JobTestDb(const std::string& backend);
  const std::string& backend() const { return backend_; }

  /// A scheduler on its own connection pool ("a host" called `host_id`), in Asia/Ho_Chi_Minh
  /// unless `timezone` says otherwise, counting into `metrics` when given. The pool lives as
  /// long as this object.
  std::unique_ptr<host::JobScheduler> scheduler(const sdk::Clock& clock, const std::string& host_id,
                                                host::JobsConfig config = {},
                                                const std::string& timezone = "Asia/Ho_Chi_Minh",
                                                sdk::Metrics* metrics = nullptr);

  /// A session on the database, for looking at and preparing rows.
  std::unique_ptr<soci::session> session() const;

  /// Inserts a row into hisx_host_job_runs as another (perhaps dead) host left it.
  void insert_run(const host::RunRecord& run);

  /// Every row of `job`, by due time.
  std::vector<host::RunRecord> rows(const std::string& job);

 private:
  std::string backend_;
  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  host::DatabaseConfig config_;
  std::vector<std::shared_ptr<host::DatabasePool>> pools_;
};

/// One run a test job saw: which host ran it, for which due time, which attempt.
struct SeenRun {
  std::string host;
  std::string scheduled_for;
  int attempt = 0;
};

/// Collects the runs of test jobs, from any thread.
class RunLog {
 public:
  /// A job function that records each run under `host`.
  sdk::JobFunction job(const std::string& host);
  std::vector<SeenRun> runs() const;

 private:
  mutable std::mutex mutex_;
  std::vector<SeenRun> runs_;
};

/// The lines of one logger (e.g. "hisx.jobs") as an operator's log would receive them, for as
/// long as this object lives (the logger's channel is restored afterwards).
class LogCapture {
 public:
  explicit LogCapture(const std::string& logger);
  ~LogCapture();
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  /// Every line so far.
  std::vector<std::string> lines() const;
  /// Waits up to `timeout` until `count` lines contain `needle`; true when they do.
  bool wait_for(const std::string& needle, std::size_t count = 1,
                std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;

 private:
  class Channel;
  std::string logger_;
  Poco::AutoPtr<Channel> channel_;
  Poco::AutoPtr<Poco::Channel> previous_;
};

/// "2024-05-01T03:00:30Z" as a time point.
std::chrono::system_clock::time_point utc(const std::string& text);

/// The backends every database test runs on.
std::vector<std::string> job_test_backends();

}  // namespace hisx::test
