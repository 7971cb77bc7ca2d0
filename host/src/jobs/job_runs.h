#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/database.h"

namespace hisx::host {

/// Which run: the job's name and its due time (UTC text to the second).
struct RunKey {
  std::string job;
  std::string scheduled_for;
};

/// One row of hisx_host_job_runs. Times are UTC text; finished_at and error are empty while
/// running (and error when it succeeded).
struct RunRecord {
  std::string job;
  std::string scheduled_for;
  std::string kind;   ///< "every" (periodic) or "once".
  std::string state;  ///< "running", "succeeded" or "failed".
  std::string owner;  ///< The host that ran it last: "hostname:pid:random".
  std::string lease_until;
  std::string started_at;
  std::string finished_at;
  std::string error;
  int attempts = 0;  ///< 1, or more after take-overs.
};

/// The SQL of the scheduler's runs table. Every claim is decided by the database (the primary
/// key for a new run, a conditional UPDATE for an expired lease), so that with several hosts
/// on one database exactly one of them gets each run. Times are the texts of utc_time.h.
class JobRunStore {
 public:
  explicit JobRunStore(sdk::Database& store);

  /// Inserts `key` as running for `owner` unless a row for it exists. True when this call
  /// inserted it (the run is ours); false when any host has or had it.
  bool claim_new(const RunKey& key, const std::string& kind, const std::string& owner,
                 const std::string& now, const std::string& lease_until);

  /// Takes over a running row whose lease ended before `now`. Returns the attempt number
  /// (previous attempts + 1) when this call got it, nothing when another host did or the
  /// row is no longer a running run with an expired lease.
  std::optional<int> take_over(const RunKey& key, const std::string& owner, const std::string& now,
                               const std::string& lease_until);

  /// Extends the lease of `owner`'s running run; false when it is no longer theirs.
  bool renew(const RunKey& key, const std::string& owner, const std::string& lease_until);

  /// Records the end of `owner`'s running run ("succeeded" or "failed" with `error`); false
  /// when it is no longer theirs (taken over meanwhile), then nothing is written.
  bool finish(const RunKey& key, const std::string& owner, const std::string& state,
              const std::string& finished_at, const std::string& error);

  /// Ends the lease of `owner`'s running run at `now`, leaving it running, so that another
  /// host takes it over at its next poll (a run interrupted by its host stopping); false when
  /// it is no longer theirs.
  bool release(const RunKey& key, const std::string& owner, const std::string& now);

  /// Marks a running run whose lease ended before `now` failed with `error`, without running
  /// it; false when it is no longer such a run.
  bool abandon(const RunKey& key, const std::string& now, const std::string& error);

  /// Running runs whose lease ended before `now`, oldest due first.
  std::vector<RunRecord> expired(const std::string& now);

  /// The latest due time recorded for `job`, if any.
  std::optional<std::string> latest_scheduled(const std::string& job);

  /// One run, if recorded.
  std::optional<RunRecord> find(const RunKey& key);

  /// The last `limit` runs of `job`, latest due time first.
  std::vector<RunRecord> recent(const std::string& job, int limit);

  /// Deletes finished runs of periodic jobs due before `before`, keeping each job's latest
  /// run (it tells a starting host whether occurrences were missed). One-off runs are kept:
  /// they are what stops a one-off from running again. Returns the rows deleted.
  long long prune(const std::string& before);

 private:
  sdk::Database& store_;
};

}  // namespace hisx::host
