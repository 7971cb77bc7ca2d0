#pragma once

#include <Poco/Logger.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/metrics.h"
#include "hisx/scheduler.h"
#include "jobs/cron_schedule.h"
#include "jobs/host_id.h"
#include "jobs/job_runs.h"
#include "jobs/jobs_config.h"

namespace hisx::host {

/// A registered job, as GET /api/v1/host/jobs shows it.
struct JobInfo {
  std::string name;
  std::string kind;      ///< "every" (periodic) or "once".
  std::string schedule;  ///< The cron expression of a periodic job; empty for "once".
  std::chrono::seconds lease{0};
  /// The next occurrence of a periodic job; for "once", the earliest time registered here
  /// that this host has not yet tried to claim.
  std::optional<std::chrono::system_clock::time_point> next_run;
};

/// The host's job scheduler (sdk::Scheduler) over hisx_host_job_runs.
///
/// A poll (every `jobs.poll_interval_ms`, or sooner when a run is due) renews the leases of
/// this host's running runs, takes over runs whose owner stopped renewing, and claims due
/// runs: a periodic job's latest occurrence (so of several missed occurrences only the most
/// recent runs) and one-off runs whose time has come. Each claimed run executes on its own
/// thread. Every decision about who runs what is made by the database (JobRunStore); the
/// memory here only avoids asking twice.
class JobScheduler final : public sdk::Scheduler {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  /// `store` and `clock` must outlive the scheduler; `metrics`, when given, receives the
  /// counter hisx_job_runs_total{job,outcome}. Throws std::runtime_error for an unknown
  /// `timezone`.
  JobScheduler(sdk::Database& store, const sdk::Clock& clock, const std::string& timezone,
               JobsConfig config = {}, sdk::Metrics* metrics = nullptr,
               std::string host_id = make_host_id());
  /// Stops (see stop()).
  ~JobScheduler() override;
  JobScheduler(const JobScheduler&) = delete;
  JobScheduler& operator=(const JobScheduler&) = delete;

  void every(const std::string& name, const std::string& cron, sdk::JobFunction fn,
             std::chrono::seconds lease = std::chrono::minutes(10)) override;
  void once(const std::string& name, TimePoint when, sdk::JobFunction fn,
            std::chrono::seconds lease = std::chrono::minutes(10)) override;

  /// Starts the polling thread, unless `jobs.enabled` is false.
  void start();
  /// Stops polling, tells the running runs (sdk::JobRun::stop_requested()), then waits for
  /// them to end, without a limit: the plugins' stop() follows and may free what a job uses.
  /// A run that ends with sdk::JobInterrupted stays running with its lease released, so that
  /// another host runs it again at once. Past `jobs.stop_timeout_ms` each
  /// run still going is logged, again every timeout (at least every second) while the wait
  /// lasts, and its lease is renewed. Nothing runs afterwards. Idempotent.
  void stop();

  /// One poll, on the calling thread (the polling thread's step; tests call it directly
  /// with a ManualClock). Returns the runs it started; they execute on their own threads.
  /// Throws what the database throws.
  int poll();
  /// Waits up to `timeout` until none of this host's runs is executing; true when idle.
  bool wait_idle(std::chrono::milliseconds timeout);

  /// Every registered job by name.
  std::vector<JobInfo> jobs() const;
  /// Whether a job of that name is registered.
  bool has_job(const std::string& name) const;
  /// The runs table.
  JobRunStore& runs() { return runs_; }
  /// This process's owner id in the runs table.
  const std::string& host_id() const { return host_id_; }
  /// The hospital's time zone.
  const sdk::TimeZone& zone() const { return zone_; }
  /// "Now" on the scheduler's clock.
  TimePoint now() const { return clock_.now(); }

 private:
  struct Periodic {
    std::string name;
    CronSchedule schedule;
    sdk::JobFunction fn;
    std::chrono::seconds lease;
    // Touched by the polling thread only:
    bool initialised = false;                 // last_handled read from the database
    std::optional<TimePoint> last_handled{};  // latest occurrence claimed or seen taken
    std::optional<TimePoint> next_due{};      // nothing to do before this
  };
  struct OneOff {
    std::string name;
    TimePoint when;
    sdk::JobFunction fn;
    std::chrono::seconds lease;
    bool handled = false;  // claimed, or found claimed by another host (mutex_)
  };
  // A run executing on this host.
  struct Active {
    RunKey key;
    TimePoint scheduled_for;
    std::chrono::seconds lease;
    // The polling thread's, then stop()'s once that thread has ended:
    TimePoint renewed_at;
    bool lost = false;  // another host took it over
    bool done = false;  // mutex_
    std::thread thread;
  };

  void check_registration(const std::string& name, std::chrono::seconds lease,
                          const sdk::JobFunction& fn) const;
  void loop();
  void wait_for_runs();
  std::chrono::milliseconds next_wait();
  void report_poll_error(const std::string& what);
  void reap();
  void renew(TimePoint now);
  int take_over_expired(TimePoint now);
  int claim_periodic(TimePoint now);
  int claim_one_offs(TimePoint now);
  void prune(TimePoint now);
  void start_run(const RunKey& key, TimePoint scheduled_for, const sdk::JobFunction& fn,
                 std::chrono::seconds lease, int attempt, TimePoint now);
  void finish_run(Active& run, bool ok, const std::string& error,
                  std::chrono::milliseconds elapsed);
  void interrupt_run(Active& run, std::chrono::milliseconds elapsed);
  void record_end(Active& run, const std::string& outcome, std::chrono::milliseconds elapsed,
                  const std::string& error);
  bool job_active(const std::string& job) const;  // mutex_ held
  bool all_done() const;                          // mutex_ held

  const sdk::Clock& clock_;
  sdk::TimeZone zone_;
  JobsConfig config_;
  sdk::Counter* runs_total_ = nullptr;
  std::string host_id_;
  JobRunStore runs_;
  Poco::Logger& log_;

  mutable std::mutex mutex_;  // guards the maps, the done flags and the flags below
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::map<std::string, std::shared_ptr<Periodic>> periodic_;
  std::map<std::pair<std::string, TimePoint>, std::shared_ptr<OneOff>> one_offs_;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<Active>> active_;
  bool stopping_ = false;
  bool stopped_ = false;
  bool wake_requested_ = false;

  std::mutex poll_mutex_;  // one poll at a time; stop() waits for it
  std::thread thread_;
  // sdk::JobRun::stop_requested() of every run: set when stop() begins.
  std::shared_ptr<std::atomic<bool>> stop_flag_ = std::make_shared<std::atomic<bool>>(false);
  std::optional<TimePoint> last_prune_;
  std::string last_error_;
  std::chrono::steady_clock::time_point last_error_at_{};
};

}  // namespace hisx::host
