#include "auth/host_migrations.h"

namespace hisx::host {

namespace {

// The same table on every backend but for how the id is generated.
std::string api_keys_table(const std::string& id_column) {
  return "CREATE TABLE hisx_host_api_keys (\n"
         "  id " +
         id_column +
         ",\n"
         "  name VARCHAR(100) NOT NULL,\n"
         "  role VARCHAR(40) NOT NULL,\n"
         "  prefix VARCHAR(16) NOT NULL UNIQUE,\n"
         "  key_hash VARCHAR(64) NOT NULL,\n"
         "  created_at VARCHAR(32) NOT NULL,\n"
         "  revoked_at VARCHAR(32)\n"
         ");\n";
}

// Device credentials: scopes instead of a role, space-separated.
std::string devices_table(const std::string& id_column) {
  return "CREATE TABLE hisx_host_devices (\n"
         "  id " +
         id_column +
         ",\n"
         "  name VARCHAR(100) NOT NULL,\n"
         "  scopes VARCHAR(1300) NOT NULL,\n"
         "  prefix VARCHAR(16) NOT NULL UNIQUE,\n"
         "  key_hash VARCHAR(64) NOT NULL,\n"
         "  created_at VARCHAR(32) NOT NULL,\n"
         "  revoked_at VARCHAR(32),\n"
         "  last_seen_at VARCHAR(32)\n"
         ");\n";
}

}  // namespace

std::vector<sdk::Migration> host_migrations() {
  return {
      {1, "create api keys", api_keys_table("INTEGER PRIMARY KEY"),
       api_keys_table("BIGSERIAL PRIMARY KEY"),
       api_keys_table("BIGINT AUTO_INCREMENT PRIMARY KEY")},
      {2, "create devices", devices_table("INTEGER PRIMARY KEY"),
       devices_table("BIGSERIAL PRIMARY KEY"), devices_table("BIGINT AUTO_INCREMENT PRIMARY KEY")},
  };
}

}  // namespace hisx::host
