#include "rate_limits/rate_limits_migrations.h"

namespace hisx::host {

std::vector<sdk::Migration> rate_limits_migrations() {
  // Times are milliseconds since the Unix epoch (UTC): the window and the retry time are
  // arithmetic on them, and nobody reads these rows. expires_at is when a row stops mattering
  // (a hit leaves its window, a key's last hit and lock are over), for the clean-up.
  const std::string sql =
      "CREATE TABLE hisx_host_rate_keys (\n"
      "  bucket VARCHAR(200) NOT NULL,\n"
      "  rate_key VARCHAR(200) NOT NULL,\n"
      "  locked_until BIGINT NOT NULL,\n"
      "  expires_at BIGINT NOT NULL,\n"
      "  PRIMARY KEY (bucket, rate_key)\n"
      ");\n"
      "CREATE INDEX hisx_host_rate_keys_expires ON hisx_host_rate_keys (expires_at);\n"
      "CREATE TABLE hisx_host_rate_hits (\n"
      "  hit_id VARCHAR(32) NOT NULL,\n"
      "  bucket VARCHAR(200) NOT NULL,\n"
      "  rate_key VARCHAR(200) NOT NULL,\n"
      "  hit_at BIGINT NOT NULL,\n"
      "  expires_at BIGINT NOT NULL,\n"
      "  PRIMARY KEY (hit_id, bucket, rate_key)\n"
      ");\n"
      "CREATE INDEX hisx_host_rate_hits_key ON hisx_host_rate_hits (bucket, rate_key, hit_at);\n"
      "CREATE INDEX hisx_host_rate_hits_expires ON hisx_host_rate_hits (expires_at);\n";
  return {{1, "create rate limit keys and hits", sql, "", ""}};
}

}  // namespace hisx::host
