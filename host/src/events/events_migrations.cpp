#include "events/events_migrations.h"

#include <string>

namespace hisx::host {

namespace {

// The same tables on every backend but for how `seq` is generated. `seq` orders the outbox;
// it is the primary key because SQLite only auto-increments an INTEGER PRIMARY KEY. The
// event's id (a UUID) is unique and is what deliveries and failures refer to.
std::string outbox_tables(const std::string& seq_column) {
  return "CREATE TABLE hisx_host_outbox (\n"
         "  seq " +
         seq_column +
         ",\n"
         "  id VARCHAR(36) NOT NULL UNIQUE,\n"
         "  name VARCHAR(200) NOT NULL,\n"
         "  source VARCHAR(100) NOT NULL,\n"
         "  payload TEXT NOT NULL,\n"
         "  occurred_at VARCHAR(32) NOT NULL\n"
         ");\n"
         "CREATE INDEX hisx_host_outbox_name_seq ON hisx_host_outbox (name, seq);\n"
         "CREATE TABLE hisx_host_event_subscribers (\n"
         "  subscriber VARCHAR(200) NOT NULL PRIMARY KEY,\n"
         "  event_name VARCHAR(200) NOT NULL,\n"
         "  since VARCHAR(32) NOT NULL\n"
         ");\n"
         "CREATE TABLE hisx_host_event_deliveries (\n"
         "  event_id VARCHAR(36) NOT NULL,\n"
         "  subscriber VARCHAR(200) NOT NULL,\n"
         "  delivered_at VARCHAR(32) NOT NULL,\n"
         "  PRIMARY KEY (event_id, subscriber)\n"
         ");\n"
         "CREATE TABLE hisx_host_event_failures (\n"
         "  event_id VARCHAR(36) NOT NULL,\n"
         "  subscriber VARCHAR(200) NOT NULL,\n"
         "  attempts INTEGER NOT NULL,\n"
         "  last_error TEXT NOT NULL,\n"
         "  failed_at VARCHAR(32) NOT NULL,\n"
         "  next_attempt_at VARCHAR(32) NOT NULL,\n"
         "  dead_at VARCHAR(32),\n"
         "  PRIMARY KEY (event_id, subscriber)\n"
         ");\n";
}

// Step 2: the version of each event's declaration (hisx/event_schemas.h). Events written
// before it were undeclared: version 1.
constexpr const char* kEventVersions =
    "ALTER TABLE hisx_host_outbox ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n";

}  // namespace

std::vector<sdk::Migration> events_migrations() {
  return {
      {1, "create outbox", outbox_tables("INTEGER PRIMARY KEY AUTOINCREMENT"),
       outbox_tables("BIGSERIAL PRIMARY KEY"), outbox_tables("BIGINT AUTO_INCREMENT PRIMARY KEY")},
      {2, "event versions", kEventVersions, "", ""},
  };
}

}  // namespace hisx::host
