#include "app/host_migration_sets.h"

#include "audit/audit_migrations.h"
#include "auth/auth_migrations.h"
#include "auth/host_migrations.h"
#include "events/events_migrations.h"
#include "idempotency/idempotency_migrations.h"
#include "jobs/jobs_migrations.h"
#include "notify/notify_migrations.h"
#include "rate_limits/rate_limits_migrations.h"

namespace hisx::host {

std::vector<MigrationSet> host_migration_sets() {
  return {
      {"host", host_migrations()},
      {"host_auth", auth_migrations()},
      {"host_audit", audit_migrations()},
      {"host_events", events_migrations()},
      MigrationSet{"host_jobs", jobs_migrations()},
      {"host_notify", notify_migrations()},
      {"host_idempotency", idempotency_migrations()},
      {"host_rate_limits", rate_limits_migrations()},
      // Each host service adds its own line here: {"host_<service>", <service>_migrations()}.
  };
}

}  // namespace hisx::host
