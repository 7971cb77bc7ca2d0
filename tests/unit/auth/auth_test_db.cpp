#include "auth_test_db.h"

#include "auth/auth_migrations.h"
#include "auth/host_migrations.h"
#include "db/migrator.h"
#include "rate_limits/rate_limits_migrations.h"

namespace hisx::test {

AuthDatabase::AuthDatabase(const std::string& backend, int pool_size) {
  if (backend == "postgresql") pg_ = std::make_unique<PgDatabase>();
  config_.key = "database.store";
  config_.backend = backend;
  config_.connection = pg_ ? pg_->conninfo() : "db=" + (dir_.path() / "hisx.db").string();
  config_.pool_size = pool_size;
  pool_ = host::open_database(config_);
  host::Migrator(*pool_).apply("host", host::host_migrations());
  host::Migrator(*pool_).apply("host_auth", host::auth_migrations());
  host::Migrator(*pool_).apply("host_rate_limits", host::rate_limits_migrations());
}

std::shared_ptr<host::DatabasePool> AuthDatabase::open_again() const {
  return host::open_database(config_);
}

std::chrono::system_clock::time_point test_start() {
  return std::chrono::sys_days{std::chrono::year{2024} / 3 / 1} + std::chrono::hours(8);
}

}  // namespace hisx::test
