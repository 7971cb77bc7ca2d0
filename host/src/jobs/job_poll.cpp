// One poll of the scheduler and the runs it starts. Who runs what is decided by the database
// through JobRunStore; what is kept in memory here only saves asking again.
#include <stdexcept>

#include "jobs/job_scheduler.h"
#include "jobs/utc_time.h"

namespace hisx::host {

namespace {

using std::chrono::milliseconds;

// Error texts are stored and shown; a runaway message is cut (at a UTF-8 boundary).
std::string bounded(std::string text, std::size_t max = 2000) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + " …";
}

}  // namespace

int JobScheduler::poll() {
  std::lock_guard poll_lock(poll_mutex_);
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return 0;
  }
  reap();
  const TimePoint now = clock_.now();
  renew(now);
  int started = take_over_expired(now);
  started += claim_periodic(now);
  started += claim_one_offs(now);
  prune(now);
  return started;
}

void JobScheduler::reap() {
  std::vector<std::shared_ptr<Active>> finished;
  {
    std::lock_guard lock(mutex_);
    for (auto it = active_.begin(); it != active_.end();) {
      if (it->second->done) {
        finished.push_back(it->second);
        it = active_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& run : finished) run->thread.join();
}

// A run's thread could renew its own lease, but the polling thread already wakes in time for
// it; a host that dies stops both.
void JobScheduler::renew(TimePoint now) {
  std::vector<std::shared_ptr<Active>> running;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, run] : active_) {
      if (!run->done) running.push_back(run);
    }
  }
  for (auto& run : running) {
    if (run->lost || now - run->renewed_at < run->lease / 3) continue;
    const bool mine = runs_.renew(run->key, host_id_, utc_millis_text(now + run->lease));
    run->renewed_at = now;
    if (!mine) {
      run->lost = true;
      log_.warning(
          "job %s: the run for %s was taken over by another host (this host did not renew "
          "its lease in time); its result here will not be recorded",
          run->key.job, run->key.scheduled_for);
    }
  }
}

int JobScheduler::take_over_expired(TimePoint now) {
  int started = 0;
  for (const auto& row : runs_.expired(utc_millis_text(now))) {
    const RunKey key{row.job, row.scheduled_for};
    std::shared_ptr<Periodic> periodic;
    std::shared_ptr<OneOff> one_off;
    {
      std::lock_guard lock(mutex_);
      if (active_.count({row.job, row.scheduled_for}) != 0) continue;  // ours, still going
      if (auto it = periodic_.find(row.job); it != periodic_.end()) {
        if (job_active(row.job)) continue;  // one run of a periodic job at a time here
        periodic = it->second;
      }
      auto it = one_offs_.find({row.job, parse_utc_text(row.scheduled_for)});
      if (it != one_offs_.end()) one_off = it->second;
    }
    if (!periodic && !one_off) continue;  // a job this host does not have: left to others
    sdk::JobFunction fn;
    std::chrono::seconds lease{};
    if (periodic) {
      // Only a periodic job's latest occurrence is worth running; an older one is closed.
      const auto due = periodic->schedule.last_at_or_before(now, zone_);
      if (!due || utc_seconds_text(*due) != row.scheduled_for) {
        if (runs_.abandon(key, utc_millis_text(now),
                          "abandoned: owner " + row.owner + " stopped renewing its lease (until " +
                              row.lease_until + ") and a later occurrence was due")) {
          log_.warning(
              "job %s: closed the run for %s as failed: its owner %s is gone and a later "
              "occurrence is due",
              row.job, row.scheduled_for, row.owner);
        }
        continue;
      }
      fn = periodic->fn;
      lease = periodic->lease;
    } else {
      fn = one_off->fn;
      lease = one_off->lease;
    }
    const auto attempt =
        runs_.take_over(key, host_id_, utc_millis_text(now), utc_millis_text(now + lease));
    if (!attempt) continue;  // another host was quicker
    log_.warning("job %s: taking over the run for %s from %s, whose lease ended at %s", row.job,
                 row.scheduled_for, row.owner, row.lease_until);
    if (periodic) {
      periodic->initialised = true;
      periodic->last_handled = parse_utc_text(row.scheduled_for);
    } else {
      std::lock_guard lock(mutex_);
      one_off->handled = true;
    }
    start_run(key, parse_utc_text(row.scheduled_for), fn, lease, *attempt, now);
    ++started;
  }
  return started;
}

int JobScheduler::claim_periodic(TimePoint now) {
  std::vector<std::shared_ptr<Periodic>> jobs;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, job] : periodic_) jobs.push_back(job);
  }
  int started = 0;
  for (auto& job : jobs) {
    if (job->initialised && job->next_due && now < *job->next_due) continue;
    const auto due = job->schedule.last_at_or_before(now, zone_);
    if (!job->initialised) {
      // A job with runs recorded catches up its latest missed occurrence; a new job starts
      // with its next occurrence rather than one that passed before it existed.
      const auto latest = runs_.latest_scheduled(job->name);
      job->last_handled = latest ? std::optional(parse_utc_text(*latest)) : due;
      job->initialised = true;
    }
    if (due && (!job->last_handled || *due > *job->last_handled)) {
      {
        std::lock_guard lock(mutex_);
        if (job_active(job->name)) continue;  // one run of a job at a time on this host
      }
      const RunKey key{job->name, utc_seconds_text(*due)};
      if (runs_.claim_new(key, "every", host_id_, utc_millis_text(now),
                          utc_millis_text(now + job->lease))) {
        start_run(key, *due, job->fn, job->lease, 1, now);
        ++started;
      }
      job->last_handled = due;
    }
    job->next_due = job->schedule.next_after(now, zone_);
  }
  return started;
}

int JobScheduler::claim_one_offs(TimePoint now) {
  std::vector<std::shared_ptr<OneOff>> due;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, job] : one_offs_) {
      if (!job->handled && job->when <= now) due.push_back(job);
    }
  }
  int started = 0;
  for (auto& job : due) {
    const RunKey key{job->name, utc_seconds_text(job->when)};
    if (runs_.claim_new(key, "once", host_id_, utc_millis_text(now),
                        utc_millis_text(now + job->lease))) {
      start_run(key, job->when, job->fn, job->lease, 1, now);
      ++started;
    }
    std::lock_guard lock(mutex_);
    job->handled = true;
  }
  return started;
}

void JobScheduler::prune(TimePoint now) {
  if (last_prune_ && now - *last_prune_ < std::chrono::hours(1)) return;
  last_prune_ = now;
  const auto before = now - std::chrono::hours(24) * config_.keep_days;
  if (const auto deleted = runs_.prune(utc_seconds_text(before)); deleted > 0) {
    log_.information("jobs: deleted %?d finished run(s) due before %s (jobs.keep_days)", deleted,
                     utc_seconds_text(before));
  }
}

void JobScheduler::start_run(const RunKey& key, TimePoint scheduled_for, const sdk::JobFunction& fn,
                             std::chrono::seconds lease, int attempt, TimePoint now) {
  auto run = std::make_shared<Active>();
  run->key = key;
  run->scheduled_for = scheduled_for;
  run->lease = lease;
  run->renewed_at = now;
  log_.information("job %s: run for %s started (attempt %d)", key.job, key.scheduled_for, attempt);
  {
    std::lock_guard lock(mutex_);
    active_[{key.job, key.scheduled_for}] = run;
  }
  // stop() joins every run's thread before the scheduler goes, so `this` outlives it.
  run->thread = std::thread([this, run, fn, attempt] {
    const auto started = std::chrono::steady_clock::now();
    bool ok = true;
    bool interrupted = false;
    std::string error;
    try {
      fn(sdk::JobRun{run->key.job, run->scheduled_for, attempt, stop_flag_});
    } catch (const sdk::JobInterrupted& e) {
      // Only a stopping host lets a run go unfinished; otherwise it would be taken over by
      // this very host at its next poll, again and again.
      interrupted = stop_flag_->load();
      if (!interrupted) {
        ok = false;
        error = std::string(e.what()) + ", but the host was not stopping";
      }
    } catch (const std::exception& e) {
      ok = false;
      error = e.what();
    } catch (...) {
      ok = false;
      error = "an exception that is not a std::exception";
    }
    if (!ok && error.empty()) error = "an exception with an empty message";
    const auto elapsed =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started);
    if (interrupted) {
      interrupt_run(*run, elapsed);
    } else {
      finish_run(*run, ok, error, elapsed);
    }
  });
}

void JobScheduler::finish_run(Active& run, bool ok, const std::string& error,
                              milliseconds elapsed) {
  const std::string outcome = ok ? "succeeded" : "failed";
  try {
    if (!runs_.finish(run.key, host_id_, outcome, utc_millis_text(clock_.now()), bounded(error))) {
      log_.warning(
          "job %s: the run for %s %s here, but another host took it over meanwhile; "
          "this result is not recorded",
          run.key.job, run.key.scheduled_for, outcome);
    }
  } catch (const std::exception& e) {
    log_.error(
        "job %s: the end of the run for %s could not be recorded (%s); another host "
        "runs it again once its lease ends",
        run.key.job, run.key.scheduled_for, std::string(e.what()));
  }
  record_end(run, outcome, elapsed, error);
}

// The job ended early because the host is stopping: the run is not done. Its row stays
// running, with the lease ended now instead of at its time, so that another host takes it
// over at its next poll (a restarted host too: it has a new owner id).
void JobScheduler::interrupt_run(Active& run, milliseconds elapsed) {
  try {
    if (!runs_.release(run.key, host_id_, utc_millis_text(clock_.now()))) {
      log_.warning(
          "job %s: the run for %s was interrupted here, but another host took it over "
          "meanwhile",
          run.key.job, run.key.scheduled_for);
    }
  } catch (const std::exception& e) {
    log_.error(
        "job %s: the lease of the interrupted run for %s could not be released (%s); another "
        "host runs it again once its lease ends",
        run.key.job, run.key.scheduled_for, std::string(e.what()));
  }
  log_.warning(
      "job %s: run for %s interrupted by the host stopping; its lease is released and another "
      "host runs it again",
      run.key.job, run.key.scheduled_for);
  record_end(run, "interrupted", elapsed, {});
}

// Counts and logs the end of a run, then marks it done; after that, stop() may return and
// the scheduler go, so nothing of `this` is touched here afterwards.
void JobScheduler::record_end(Active& run, const std::string& outcome, milliseconds elapsed,
                              const std::string& error) {
  if (runs_total_ != nullptr) {
    try {
      runs_total_->inc({{"job", run.key.job}, {"outcome", outcome}});
    } catch (const std::exception& e) {
      log_.warning("jobs: metrics: %s", std::string(e.what()));
    }
  }
  log_.information("job %s: run for %s %s in %?d ms", run.key.job, run.key.scheduled_for, outcome,
                   static_cast<long long>(elapsed.count()));
  if (!error.empty()) {
    log_.error("job %s: run for %s failed: %s", run.key.job, run.key.scheduled_for, error);
  }
  {
    std::lock_guard lock(mutex_);
    run.done = true;
    wake_requested_ = true;
  }
  idle_.notify_all();
  wake_.notify_all();
}

}  // namespace hisx::host
