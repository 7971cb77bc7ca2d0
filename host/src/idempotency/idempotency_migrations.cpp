#include "idempotency/idempotency_migrations.h"

namespace hisx::host {

std::vector<sdk::Migration> idempotency_migrations() {
  // The primary key is the claim: the first request to insert a key owns it. created_at is
  // UTC ISO-8601 text, compared as text when old keys are removed.
  const std::string sql =
      "CREATE TABLE hisx_host_idempotency (\n"
      "  principal VARCHAR(64) NOT NULL,\n"
      "  scope VARCHAR(200) NOT NULL,\n"
      "  idem_key VARCHAR(200) NOT NULL,\n"
      "  request TEXT NOT NULL,\n"
      "  status INTEGER NOT NULL,\n"
      "  response TEXT NOT NULL,\n"
      "  created_at VARCHAR(32) NOT NULL,\n"
      "  PRIMARY KEY (principal, scope, idem_key)\n"
      ");\n"
      "CREATE INDEX hisx_host_idempotency_created ON hisx_host_idempotency (created_at);\n";
  return {{1, "create idempotency keys", sql, "", ""}};
}

}  // namespace hisx::host
