// The scheduler's life: registration, the polling thread, stopping, the listing. The poll
// itself and the runs are in job_poll.cpp.
#include "jobs/job_scheduler.h"

#include <algorithm>
#include <stdexcept>

#include "jobs/utc_time.h"

namespace hisx::host {

namespace {

using std::chrono::milliseconds;

bool valid_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == ':';
}

}  // namespace

JobScheduler::JobScheduler(sdk::Database& store, const sdk::Clock& clock,
                           const std::string& timezone, JobsConfig config, sdk::Metrics* metrics,
                           std::string host_id)
    : clock_(clock),
      zone_(sdk::TimeZone::locate(timezone)),
      config_(config),
      host_id_(std::move(host_id)),
      runs_(store),
      log_(Poco::Logger::get("hisx.jobs")) {
  if (metrics != nullptr) {
    runs_total_ = &metrics->counter("hisx_job_runs_total",
                                    "Job runs finished on this host, by job and outcome");
  }
}

JobScheduler::~JobScheduler() { stop(); }

void JobScheduler::check_registration(const std::string& name, std::chrono::seconds lease,
                                      const sdk::JobFunction& fn) const {
  if (name.empty() || name.size() > 200 ||
      !std::all_of(name.begin(), name.end(), valid_name_char)) {
    throw std::invalid_argument("job name '" + name +
                                "' must be 1 to 200 letters, digits, '.', '_', '-' or ':'");
  }
  if (lease < std::chrono::seconds(1)) {
    throw std::invalid_argument("job " + name + ": the lease must be at least 1 second");
  }
  if (!fn) throw std::invalid_argument("job " + name + ": no function to run");
}

void JobScheduler::every(const std::string& name, const std::string& cron, sdk::JobFunction fn,
                         std::chrono::seconds lease) {
  check_registration(name, lease, fn);
  std::optional<CronSchedule> parsed;
  try {
    parsed.emplace(cron);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("job " + name + ": " + e.what());
  }
  CronSchedule schedule = std::move(*parsed);
  std::lock_guard lock(mutex_);
  const auto once_it = one_offs_.lower_bound({name, TimePoint::min()});
  if (periodic_.count(name) != 0 || (once_it != one_offs_.end() && once_it->first.first == name)) {
    throw std::invalid_argument("job " + name + " is already registered");
  }
  auto job = std::make_shared<Periodic>(Periodic{name, std::move(schedule), std::move(fn), lease});
  periodic_.emplace(name, std::move(job));
}

void JobScheduler::once(const std::string& name, TimePoint when, sdk::JobFunction fn,
                        std::chrono::seconds lease) {
  check_registration(name, lease, fn);
  when = std::chrono::floor<std::chrono::seconds>(when);
  std::lock_guard lock(mutex_);
  if (periodic_.count(name) != 0) {
    throw std::invalid_argument("job " + name + " is already registered as a periodic job");
  }
  if (one_offs_.count({name, when}) != 0) {
    throw std::invalid_argument("job " + name + " at " + utc_seconds_text(when) +
                                " is already registered");
  }
  one_offs_.emplace(std::make_pair(name, when),
                    std::make_shared<OneOff>(OneOff{name, when, std::move(fn), lease}));
}

void JobScheduler::start() {
  if (!config_.enabled) {
    log_.information("jobs.enabled is false: this host runs no jobs");
    return;
  }
  std::lock_guard lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { loop(); });
  log_.information("job scheduler started as %s (time zone %s, %z job(s))", host_id_, zone_.name(),
                   periodic_.size() + one_offs_.size());
}

void JobScheduler::loop() {
  while (true) {
    try {
      poll();
    } catch (const std::exception& e) {
      report_poll_error(e.what());
    }
    const auto wait = next_wait();
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, wait, [this] { return stopping_ || wake_requested_; });
    wake_requested_ = false;
    if (stopping_) return;
  }
}

// Until the next due time or lease renewal, at most the poll interval (which also bounds how
// late a run is found when another host's lease ends).
milliseconds JobScheduler::next_wait() {
  const auto now = clock_.now();
  auto wait =
      std::chrono::duration_cast<std::chrono::system_clock::duration>(config_.poll_interval);
  std::lock_guard lock(mutex_);
  for (const auto& [name, job] : periodic_) {
    if (job->next_due) wait = std::min(wait, *job->next_due - now);
  }
  for (const auto& [key, job] : one_offs_) {
    if (!job->handled) wait = std::min(wait, job->when - now);
  }
  for (const auto& [key, run] : active_) {
    if (!run->done) wait = std::min(wait, run->renewed_at + run->lease / 3 - now);
  }
  return std::max(std::chrono::ceil<milliseconds>(wait), milliseconds(10));
}

void JobScheduler::report_poll_error(const std::string& what) {
  // A database outage fails every poll: say so once a minute, not every second.
  const auto now = std::chrono::steady_clock::now();
  if (what == last_error_ && now - last_error_at_ < std::chrono::minutes(1)) return;
  last_error_ = what;
  last_error_at_ = now;
  log_.error("job scheduler: a poll failed (retrying every %ld ms): %s",
             static_cast<long>(config_.poll_interval.count()), what);
}

void JobScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopping_ = true;
  }
  stop_flag_->store(true);  // cooperative jobs end early while the polling thread winds down
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();

  std::lock_guard poll_lock(poll_mutex_);
  wait_for_runs();
  std::map<std::pair<std::string, std::string>, std::shared_ptr<Active>> runs;
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    runs = std::move(active_);
    active_.clear();
  }
  for (auto& [key, run] : runs) run->thread.join();
}

// The plugins' stop() comes next and may free what a job still uses, so no run is left
// behind, however long it takes: a job that never ends holds the shutdown, visibly, rather
// than touch freed memory. Past jobs.stop_timeout_ms the runs still going are logged, and
// again every timeout (at least a second) while the wait goes on; their leases are renewed
// meanwhile, since this host still runs them and no other host may start them again.
void JobScheduler::wait_for_runs() {
  const auto began = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  if (idle_.wait_for(lock, config_.stop_timeout, [this] { return all_done(); })) return;
  const milliseconds report_every = std::max(config_.stop_timeout, milliseconds(1000));
  auto next_report = std::chrono::steady_clock::now();
  while (!all_done()) {
    const auto now = std::chrono::steady_clock::now();
    std::vector<RunKey> going;
    if (now >= next_report) {
      for (const auto& [key, run] : active_) {
        if (!run->done) going.push_back(run->key);
      }
      next_report = now + report_every;
    }
    lock.unlock();
    const auto waited = std::chrono::duration_cast<milliseconds>(now - began);
    for (const auto& key : going) {
      log_.error(
          "job %s: the run for %s is still going after %?d ms of stopping; waiting for it to "
          "end before the plugins stop",
          key.job, key.scheduled_for, static_cast<long long>(waited.count()));
    }
    try {
      renew(clock_.now());
    } catch (const std::exception& e) {
      report_poll_error(std::string("renewing the leases of runs still going: ") + e.what());
    }
    lock.lock();
    idle_.wait_until(lock, std::min(next_report, now + config_.poll_interval),
                     [this] { return all_done(); });
  }
}

bool JobScheduler::wait_idle(milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [this] { return all_done(); });
}

bool JobScheduler::all_done() const {
  return std::all_of(active_.begin(), active_.end(),
                     [](const auto& entry) { return entry.second->done; });
}

bool JobScheduler::job_active(const std::string& job) const {
  for (auto it = active_.lower_bound({job, ""}); it != active_.end() && it->first.first == job;
       ++it) {
    if (!it->second->done) return true;
  }
  return false;
}

std::vector<JobInfo> JobScheduler::jobs() const {
  const auto now = clock_.now();
  std::map<std::string, JobInfo> by_name;
  std::lock_guard lock(mutex_);
  for (const auto& [name, job] : periodic_) {
    by_name[name] = JobInfo{name, "every", job->schedule.expression(), job->lease,
                            job->schedule.next_after(now, zone_)};
  }
  for (const auto& [key, job] : one_offs_) {
    auto [it, added] =
        by_name.try_emplace(key.first, JobInfo{key.first, "once", "", job->lease, {}});
    if (!job->handled && (!it->second.next_run || job->when < *it->second.next_run)) {
      it->second.next_run = job->when;
    }
  }
  std::vector<JobInfo> out;
  for (auto& [name, info] : by_name) out.push_back(std::move(info));
  return out;
}

bool JobScheduler::has_job(const std::string& name) const {
  std::lock_guard lock(mutex_);
  const auto once_it = one_offs_.lower_bound({name, TimePoint::min()});
  return periodic_.count(name) != 0 || (once_it != one_offs_.end() && once_it->first.first == name);
}

}  // namespace hisx::host
