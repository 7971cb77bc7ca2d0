#include "job_test_db.h"

#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "db/migrator.h"
#include "jobs/jobs_migrations.h"
#include "jobs/utc_time.h"

namespace hisx::test {

JobTestDb::JobTestDb(const std::string& backend) : backend_(backend) {
  if (backend == "postgresql") pg_ = std::make_unique<PgDatabase>();
  config_.key = "database.store";
  config_.backend = backend;
  config_.connection = pg_ ? pg_->conninfo() : "db=" + (dir_.path() / "hisx.db").string();
  config_.pool_size = 3;
  config_.busy_timeout_ms = 10000;
  auto pool = host::open_database(config_);
  host::Migrator(*pool).apply("host_jobs", host::jobs_migrations());
  pools_.push_back(pool);
}

std::unique_ptr<host::JobScheduler> JobTestDb::scheduler(const sdk::Clock& clock,
                                                         const std::string& host_id,
                                                         host::JobsConfig config,
                                                         const std::string& timezone,
                                                         sdk::Metrics* metrics) {
  auto pool = host::open_database(config_);
  pools_.push_back(pool);
  return std::make_unique<host::JobScheduler>(*pool, clock, timezone, config, metrics, host_id);
}

std::unique_ptr<soci::session> JobTestDb::session() const {
  if (pg_) return std::make_unique<soci::session>(*soci::factory_postgresql(), pg_->conninfo());
  return std::make_unique<soci::session>(
      *soci::factory_sqlite3(), "db=" + (dir_.path() / "hisx.db").string() + " timeout=10");
}

void JobTestDb::insert_run(const host::RunRecord& run) {
  auto s = session();
  soci::indicator finished_ind = run.finished_at.empty() ? soci::i_null : soci::i_ok;
  soci::indicator error_ind = run.error.empty() ? soci::i_null : soci::i_ok;
  *s << "INSERT INTO hisx_host_job_runs (job, scheduled_for, kind, state, owner, lease_until, "
        "started_at, finished_at, error, attempts) VALUES (:job, :sf, :kind, :state, :owner, "
        ":lease, :started, :finished, :error, :attempts)",
      soci::use(run.job), soci::use(run.scheduled_for), soci::use(run.kind), soci::use(run.state),
      soci::use(run.owner), soci::use(run.lease_until), soci::use(run.started_at),
      soci::use(run.finished_at, finished_ind), soci::use(run.error, error_ind),
      soci::use(run.attempts);
}

std::vector<host::RunRecord> JobTestDb::rows(const std::string& job) {
  auto runs = pools_.front();
  auto all = host::JobRunStore(*runs).recent(job, 100000);
  return {all.rbegin(), all.rend()};
}

sdk::JobFunction RunLog::job(const std::string& host) {
  return [this, host](const sdk::JobRun& run) {
    std::lock_guard lock(mutex_);
    runs_.push_back({host, host::utc_seconds_text(run.scheduled_for), run.attempt});
  };
}

std::vector<SeenRun> RunLog::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

class LogCapture::Channel : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override {
    {
      std::lock_guard lock(mutex_);
      lines_.push_back(message.getText());
    }
    added_.notify_all();
  }

  std::vector<std::string> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }

  bool wait_for(const std::string& needle, std::size_t count,
                std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return added_.wait_for(lock, timeout, [&] {
      std::size_t found = 0;
      for (const auto& line : lines_) {
        if (line.find(needle) != std::string::npos) ++found;
      }
      return found >= count;
    });
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable added_;
  std::vector<std::string> lines_;
};

LogCapture::LogCapture(const std::string& logger) : logger_(logger), channel_(new Channel) {
  auto& log = Poco::Logger::get(logger_);
  previous_ = log.getChannel();
  log.setChannel(channel_);
}

LogCapture::~LogCapture() { Poco::Logger::get(logger_).setChannel(previous_); }

std::vector<std::string> LogCapture::lines() const { return channel_->lines(); }

bool LogCapture::wait_for(const std::string& needle, std::size_t count,
                          std::chrono::milliseconds timeout) const {
  return channel_->wait_for(needle, count, timeout);
}

std::chrono::system_clock::time_point utc(const std::string& text) {
  return host::parse_utc_text(text);
}

std::vector<std::string> job_test_backends() { return {"sqlite3", "postgresql"}; }

}  // namespace hisx::test
