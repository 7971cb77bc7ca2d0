#include "jobs/job_runs.h"

#include <soci/soci.h>

#include <utility>

namespace hisx::host {

namespace {

// Parameters are bound by name, each name used once in its statement: SOCI's PostgreSQL
// backend binds only the first occurrence of a repeated name.
using Params = std::vector<std::pair<std::string, std::string>>;

const char* const kColumns =
    "job, scheduled_for, kind, state, owner, lease_until, started_at, finished_at, error, "
    "attempts";

// Runs a write and returns the rows it changed.
long long execute(soci::session& s, const std::string& sql, const Params& params) {
  soci::statement st(s);
  for (const auto& [name, value] : params) st.exchange(soci::use(value, name));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

// Runs a SELECT of kColumns and returns up to `limit` rows (all when limit < 0).
std::vector<RunRecord> select_runs(soci::session& s, const std::string& sql, const Params& params,
                                   int limit = -1) {
  RunRecord r;
  soci::indicator finished_ind = soci::i_ok, error_ind = soci::i_ok;
  soci::statement st(s);
  st.exchange(soci::into(r.job));
  st.exchange(soci::into(r.scheduled_for));
  st.exchange(soci::into(r.kind));
  st.exchange(soci::into(r.state));
  st.exchange(soci::into(r.owner));
  st.exchange(soci::into(r.lease_until));
  st.exchange(soci::into(r.started_at));
  st.exchange(soci::into(r.finished_at, finished_ind));
  st.exchange(soci::into(r.error, error_ind));
  st.exchange(soci::into(r.attempts));
  for (const auto& [name, value] : params) st.exchange(soci::use(value, name));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(false);
  std::vector<RunRecord> out;
  while ((limit < 0 || static_cast<int>(out.size()) < limit) && st.fetch()) {
    if (finished_ind != soci::i_ok) r.finished_at.clear();
    if (error_ind != soci::i_ok) r.error.clear();
    out.push_back(r);
  }
  return out;
}

}  // namespace

JobRunStore::JobRunStore(sdk::Database& store) : store_(store) {}

bool JobRunStore::claim_new(const RunKey& key, const std::string& kind, const std::string& owner,
                            const std::string& now, const std::string& lease_until) {
  const std::string& backend = store_.backend();
  const bool on_conflict = backend == "sqlite3" || backend == "postgresql";
  std::string sql = backend == "mysql" ? "INSERT IGNORE INTO" : "INSERT INTO";
  sql +=
      " hisx_host_job_runs (job, scheduled_for, kind, state, owner, lease_until, started_at, "
      "attempts) VALUES (:job, :scheduled_for, :kind, 'running', :owner, :lease_until, :now, 1)";
  if (on_conflict) sql += " ON CONFLICT (job, scheduled_for) DO NOTHING";
  const Params params{{"job", key.job}, {"scheduled_for", key.scheduled_for}, {"kind", kind},
                      {"owner", owner}, {"lease_until", lease_until},         {"now", now}};
  long long inserted = 0;
  try {
    sdk::with_transaction(store_, [&](soci::session& s) { inserted = execute(s, sql, params); });
  } catch (const soci::soci_error&) {
    // Without an "insert unless present" form (ODBC), the primary key refuses the second
    // host's insert: the run exists, so it is not ours.
    if (on_conflict || backend == "mysql" || !find(key)) throw;
    return false;
  }
  return inserted == 1;
}

std::optional<int> JobRunStore::take_over(const RunKey& key, const std::string& owner,
                                          const std::string& now, const std::string& lease_until) {
  std::optional<int> attempt;
  sdk::with_transaction(store_, [&](soci::session& s) {
    attempt.reset();
    const long long changed =
        execute(s,
                "UPDATE hisx_host_job_runs SET owner = :owner, lease_until = :lease_until, "
                "started_at = :now, attempts = attempts + 1 WHERE job = :job AND scheduled_for = "
                ":scheduled_for AND state = 'running' AND lease_until < :expired_before",
                {{"owner", owner},
                 {"lease_until", lease_until},
                 {"now", now},
                 {"job", key.job},
                 {"scheduled_for", key.scheduled_for},
                 {"expired_before", now}});
    if (changed != 1) return;
    int attempts = 0;
    s << "SELECT attempts FROM hisx_host_job_runs WHERE job = :job AND scheduled_for = :sf",
        soci::use(key.job, "job"), soci::use(key.scheduled_for, "sf"), soci::into(attempts);
    attempt = attempts;
  });
  return attempt;
}

bool JobRunStore::renew(const RunKey& key, const std::string& owner,
                        const std::string& lease_until) {
  long long changed = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    changed = execute(s,
                      "UPDATE hisx_host_job_runs SET lease_until = :lease_until WHERE job = :job "
                      "AND scheduled_for = :scheduled_for AND owner = :owner AND state = 'running'",
                      {{"lease_until", lease_until},
                       {"job", key.job},
                       {"scheduled_for", key.scheduled_for},
                       {"owner", owner}});
  });
  return changed == 1;
}

bool JobRunStore::finish(const RunKey& key, const std::string& owner, const std::string& state,
                         const std::string& finished_at, const std::string& error) {
  long long changed = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::indicator error_ind = error.empty() ? soci::i_null : soci::i_ok;
    soci::statement st =
        (s.prepare << "UPDATE hisx_host_job_runs SET state = :state, finished_at = :finished_at, "
                      "error = :error WHERE job = :job AND scheduled_for = :scheduled_for AND "
                      "owner = :owner AND state = 'running'",
         soci::use(state, "state"), soci::use(finished_at, "finished_at"),
         soci::use(error, error_ind, "error"), soci::use(key.job, "job"),
         soci::use(key.scheduled_for, "scheduled_for"), soci::use(owner, "owner"));
    st.execute(true);
    changed = st.get_affected_rows();
  });
  return changed == 1;
}

bool JobRunStore::release(const RunKey& key, const std::string& owner, const std::string& now) {
  long long changed = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    changed = execute(
        s,
        "UPDATE hisx_host_job_runs SET lease_until = :now WHERE job = :job AND "
        "scheduled_for = :scheduled_for AND owner = :owner AND state = 'running'",
        {{"now", now}, {"job", key.job}, {"scheduled_for", key.scheduled_for}, {"owner", owner}});
  });
  return changed == 1;
}

bool JobRunStore::abandon(const RunKey& key, const std::string& now, const std::string& error) {
  long long changed = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    changed = execute(s,
                      "UPDATE hisx_host_job_runs SET state = 'failed', finished_at = :now, error = "
                      ":error WHERE job = :job AND scheduled_for = :scheduled_for AND state = "
                      "'running' AND lease_until < :expired_before",
                      {{"now", now},
                       {"error", error},
                       {"job", key.job},
                       {"scheduled_for", key.scheduled_for},
                       {"expired_before", now}});
  });
  return changed == 1;
}

std::vector<RunRecord> JobRunStore::expired(const std::string& now) {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return select_runs(s,
                     std::string("SELECT ") + kColumns +
                         " FROM hisx_host_job_runs WHERE state = 'running' AND lease_until < :now "
                         "ORDER BY scheduled_for",
                     {{"now", now}});
}

std::optional<std::string> JobRunStore::latest_scheduled(const std::string& job) {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  std::string latest;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(scheduled_for) FROM hisx_host_job_runs WHERE job = :job", soci::use(job, "job"),
      soci::into(latest, ind);
  if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
  return latest;
}

std::optional<RunRecord> JobRunStore::find(const RunKey& key) {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  auto rows = select_runs(s,
                          std::string("SELECT ") + kColumns +
                              " FROM hisx_host_job_runs WHERE job = :job AND scheduled_for = :sf",
                          {{"job", key.job}, {"sf", key.scheduled_for}});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<RunRecord> JobRunStore::recent(const std::string& job, int limit) {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM hisx_host_job_runs WHERE job = :job ORDER BY scheduled_for DESC";
  // SQL Server (ODBC) has no LIMIT; there the fetch stops after `limit` rows instead.
  if (store_.backend() != "odbc") sql += " LIMIT " + std::to_string(limit);
  return select_runs(s, sql, {{"job", job}}, limit);
}

long long JobRunStore::prune(const std::string& before) {
  // MySQL refuses a subquery on the table a DELETE changes; it gets the same rule as a join.
  const std::string sql =
      store_.backend() == "mysql"
          ? "DELETE r FROM hisx_host_job_runs r JOIN (SELECT job, MAX(scheduled_for) AS latest "
            "FROM hisx_host_job_runs GROUP BY job) l ON l.job = r.job WHERE r.kind = 'every' AND "
            "r.state <> 'running' AND r.scheduled_for < :before AND r.scheduled_for < l.latest"
          : "DELETE FROM hisx_host_job_runs WHERE kind = 'every' AND state <> 'running' AND "
            "scheduled_for < :before AND scheduled_for < (SELECT MAX(l.scheduled_for) FROM "
            "hisx_host_job_runs l WHERE l.job = hisx_host_job_runs.job)";
  long long deleted = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    deleted = execute(s, sql, {{"before", before}});
  });
  return deleted;
}

}  // namespace hisx::host
