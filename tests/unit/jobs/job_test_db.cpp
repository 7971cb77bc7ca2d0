#include "job_test_db.h"

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

std::chrono::system_clock::time_point utc(const std::string& text) {
  return host::parse_utc_text(text);
}

std::vector<std::string> job_test_backends() { return {"sqlite3", "postgresql"}; }

}  // namespace hisx::test
