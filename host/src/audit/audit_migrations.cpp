#include "audit/audit_migrations.h"

#include <string>

namespace hisx::host {

namespace {

// The same table on every backend but for how the id is generated. `at` keeps microseconds
// ("2024-05-01T08:00:00.123456Z") so that rows written within one second still sort.
std::string audit_table(const std::string& id_column) {
  return "CREATE TABLE hisx_host_audit (\n"
         "  id " +
         id_column +
         ",\n"
         "  at VARCHAR(32) NOT NULL,\n"
         "  actor_id VARCHAR(64) NOT NULL,\n"
         "  actor_name VARCHAR(200) NOT NULL,\n"
         "  role VARCHAR(40) NOT NULL,\n"
         "  address VARCHAR(64) NOT NULL,\n"
         "  method VARCHAR(10) NOT NULL,\n"
         "  route VARCHAR(300) NOT NULL,\n"
         "  target VARCHAR(1000) NOT NULL,\n"
         "  status INTEGER NOT NULL,\n"
         "  outcome VARCHAR(10) NOT NULL,\n"
         "  request_id VARCHAR(64) NOT NULL\n"
         ");\n"
         "CREATE INDEX hisx_host_audit_at ON hisx_host_audit (at);\n"
         "CREATE INDEX hisx_host_audit_actor ON hisx_host_audit (actor_id, at);\n";
}

// One statement-level trigger refuses every UPDATE, DELETE and TRUNCATE, even one that
// would touch no row.
const char* const kPostgresqlGuard =
    "CREATE FUNCTION hisx_host_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  RAISE EXCEPTION 'hisx_host_audit is append-only: % refused', TG_OP;\n"
    "END\n"
    "$$;\n"
    "CREATE TRIGGER hisx_host_audit_append_only\n"
    "  BEFORE UPDATE OR DELETE OR TRUNCATE ON hisx_host_audit\n"
    "  FOR EACH STATEMENT EXECUTE FUNCTION hisx_host_audit_refuse_change();\n";

// A MySQL trigger body of one statement needs no ';' inside, so it survives the splitter.
const char* const kMysqlGuard =
    "CREATE TRIGGER hisx_host_audit_no_update BEFORE UPDATE ON hisx_host_audit FOR EACH ROW\n"
    "  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'hisx_host_audit is append-only';\n"
    "CREATE TRIGGER hisx_host_audit_no_delete BEFORE DELETE ON hisx_host_audit FOR EACH ROW\n"
    "  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'hisx_host_audit is append-only';\n";

}  // namespace

std::vector<sdk::Migration> audit_migrations() {
  return {
      {1, "create audit trail", audit_table("INTEGER PRIMARY KEY"),
       audit_table("BIGSERIAL PRIMARY KEY") + kPostgresqlGuard,
       audit_table("BIGINT AUTO_INCREMENT PRIMARY KEY") + kMysqlGuard},
  };
}

}  // namespace hisx::host
