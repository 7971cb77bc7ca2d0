#include "jobs/jobs_migrations.h"

namespace hisx::host {

std::vector<sdk::Migration> jobs_migrations() {
  // Times are UTC ISO-8601 text: scheduled_for to the second, the others to the millisecond
  // in one fixed form, so that `lease_until < :now` compares them as text on every backend.
  // The primary key is the claim: the first host to insert a due run owns it.
  const std::string sql =
      "CREATE TABLE hisx_host_job_runs (\n"
      "  job VARCHAR(200) NOT NULL,\n"
      "  scheduled_for VARCHAR(32) NOT NULL,\n"
      "  kind VARCHAR(8) NOT NULL,\n"
      "  state VARCHAR(16) NOT NULL,\n"
      "  owner VARCHAR(255) NOT NULL,\n"
      "  lease_until VARCHAR(32) NOT NULL,\n"
      "  started_at VARCHAR(32) NOT NULL,\n"
      "  finished_at VARCHAR(32),\n"
      "  error TEXT,\n"
      "  attempts INTEGER NOT NULL,\n"
      "  PRIMARY KEY (job, scheduled_for)\n"
      ");\n"
      "CREATE INDEX hisx_host_job_runs_state ON hisx_host_job_runs (state, lease_until);\n";
  return {{1, "create job runs", sql, "", ""}};
}

}  // namespace hisx::host
