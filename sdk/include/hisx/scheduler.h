#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "hisx/export.h"

namespace hisx::sdk {

/// Thrown by a job that ends early because the host is stopping (see
/// JobRun::throw_if_stop_requested()). The run is then not recorded as finished: it stays
/// running with its lease released, so that another host (or this one, restarted) runs it
/// again at once, as a take-over (attempt + 1). Thrown while the host is not stopping, it
/// fails the run like any other exception. Since 2.0.
class HISX_SDK_API JobInterrupted : public std::runtime_error {
 public:
  /// `job`: the job's name, for the message.
  explicit JobInterrupted(const std::string& job);
  ~JobInterrupted() override;
};

/// One run of a job.
struct JobRun {
  std::string job;                                      ///< The job's name.
  std::chrono::system_clock::time_point scheduled_for;  ///< The time this run was due (UTC).
  /// 1 for a first try; 2, 3, … when the run was taken over from a host that died (or lost
  /// its lease) during an earlier attempt, which may have done part of the work.
  int attempt = 1;
  /// Set by the host once it begins to stop; null in a JobRun made by hand (never set). Read
  /// it through stop_requested(). Since 2.0.
  std::shared_ptr<const std::atomic<bool>> stop_flag{};

  /// True once the host has begun to stop. A long job checks it between steps (a batch, a
  /// message) and ends early with throw_if_stop_requested(); the host waits for it either
  /// way. Returning normally records the run as succeeded, so return only when the work is
  /// done. Since 2.0.
  bool stop_requested() const { return stop_flag && stop_flag->load(); }
  /// Throws JobInterrupted when stop_requested(): the run ends, unfinished, and runs again on
  /// another host. Since 2.0.
  void throw_if_stop_requested() const {
    if (stop_requested()) throw JobInterrupted(job);
  }
};

/// The work of a job. Throwing marks the run failed (logged and shown at /api/v1/host/jobs);
/// a failed run is not retried (a periodic job runs again at its next occurrence). The one
/// exception is JobInterrupted at shutdown, which hands the run on unfinished.
using JobFunction = std::function<void(const JobRun& run)>;

/// Periodic and one-off jobs. Each run takes a lease row in the store database, so with
/// several hosts on one database a run happens once. The host renews the lease while `fn`
/// runs; a host that dies mid-run stops renewing, and after `lease` another host takes the
/// run over (JobRun::attempt > 1). A run is therefore at least once, exactly once unless a
/// host dies or loses its database during it: make work that must not repeat idempotent.
/// Runs execute on the host's job threads, never on the caller's; `fn` must stay callable
/// until the plugin's stop() returns. At shutdown the host stops scheduling and waits for
/// every running run to end before it calls the plugin's stop(), without a limit: no job
/// function runs while or after its plugin stops. A long job should watch
/// JobRun::stop_requested() and end early with JobRun::throw_if_stop_requested(); a run still
/// going after `jobs.stop_timeout_ms` is logged, again and again, until it ends.
class HISX_SDK_API Scheduler {
 public:
  virtual ~Scheduler();

  /// Runs `fn` on a cron schedule "minute hour day-of-month month day-of-week" in the
  /// hospital's time zone: numbers, `*`, lists `1,15`, ranges `1-5`, steps `*/10` or `8-18/2`,
  /// names `JAN`–`DEC` and `SUN`–`SAT` (0 and 7 are Sunday), or `@hourly`, `@daily`,
  /// `@weekly`, `@monthly`, `@yearly`. When both day fields are restricted (neither starts
  /// with `*`), a day matching either runs. A local time skipped by a daylight-saving change
  /// runs at the change; a repeated local time runs once, unless the minute or hour field
  /// starts with `*` (then at both). If every host was down over several occurrences, only
  /// the most recent missed one runs, once. A host does not start a second run of a job while
  /// one of its own is in progress. `name` is unique in the host (plugins must prefix it with
  /// "<plugin>."). Throws std::invalid_argument for a malformed name, schedule or lease, or a
  /// name already taken.
  virtual void every(const std::string& name, const std::string& cron, JobFunction fn,
                     std::chrono::seconds lease = std::chrono::minutes(10)) = 0;

  /// Runs `fn` once at `when` (UTC, taken to the second), or as soon as possible when `when`
  /// has passed, unless a run of `name` at that time already happened on any host, ever.
  /// Several one-off runs may share a name at different times. Throws std::invalid_argument
  /// for a malformed name or lease, a name taken by a periodic job, or the same name and time
  /// registered twice.
  virtual void once(const std::string& name, std::chrono::system_clock::time_point when,
                    JobFunction fn, std::chrono::seconds lease = std::chrono::minutes(10)) = 0;
};

}  // namespace hisx::sdk
