#include "auth/auth_migrations.h"

namespace hisx::host {

namespace {

// The same tables on every backend but for how the user id is generated.
std::string accounts_schema(const std::string& id_column) {
  return "CREATE TABLE hisx_host_users (\n"
         "  id " +
         id_column +
         ",\n"
         "  username VARCHAR(64) NOT NULL UNIQUE,\n"
         "  display_name VARCHAR(200) NOT NULL,\n"
         "  role VARCHAR(40) NOT NULL,\n"
         "  password_hash VARCHAR(255) NOT NULL,\n"
         "  created_at VARCHAR(32) NOT NULL,\n"
         "  disabled_at VARCHAR(32)\n"
         ");\n"
         "CREATE TABLE hisx_host_sessions (\n"
         "  id VARCHAR(64) PRIMARY KEY,\n"
         "  user_id BIGINT NOT NULL REFERENCES hisx_host_users (id),\n"
         "  created_at VARCHAR(32) NOT NULL,\n"
         "  last_seen_at VARCHAR(32) NOT NULL,\n"
         "  expires_at VARCHAR(32) NOT NULL,\n"
         "  revoked_at VARCHAR(32),\n"
         "  address VARCHAR(64) NOT NULL\n"
         ");\n"
         "CREATE INDEX hisx_host_sessions_user ON hisx_host_sessions (user_id);\n"
         "CREATE TABLE hisx_host_login_attempts (\n"
         "  id VARCHAR(32) PRIMARY KEY,\n"
         "  username VARCHAR(64) NOT NULL,\n"
         "  address VARCHAR(64) NOT NULL,\n"
         "  attempted_at VARCHAR(32) NOT NULL,\n"
         "  success INTEGER NOT NULL\n"
         ");\n"
         "CREATE INDEX hisx_host_login_attempts_user ON hisx_host_login_attempts "
         "(username, attempted_at);\n"
         "CREATE INDEX hisx_host_login_attempts_address ON hisx_host_login_attempts "
         "(address, attempted_at);\n"
         "CREATE INDEX hisx_host_login_attempts_at ON hisx_host_login_attempts (attempted_at);\n"
         "CREATE TABLE hisx_host_secrets (\n"
         "  name VARCHAR(64) PRIMARY KEY,\n"
         "  value VARCHAR(255) NOT NULL,\n"
         "  created_at VARCHAR(32) NOT NULL\n"
         ");\n";
}

}  // namespace

std::vector<sdk::Migration> auth_migrations() {
  return {
      {1, "create staff users, sessions, login attempts, secrets",
       accounts_schema("INTEGER PRIMARY KEY"), accounts_schema("BIGSERIAL PRIMARY KEY"),
       accounts_schema("BIGINT AUTO_INCREMENT PRIMARY KEY")},
      // Login attempts are counted by the store's rate limits (host_rate_limits) since then.
      {2, "drop login attempts", "DROP TABLE hisx_host_login_attempts;\n", "", ""},
  };
}

}  // namespace hisx::host
