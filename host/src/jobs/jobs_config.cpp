#include "jobs/jobs_config.h"

#include "config/config_reader.h"

namespace hisx::host {

JobsConfig read_jobs_config(const ConfigReader& reader) {
  reader.only_keys("jobs", {"enabled", "poll_interval_ms", "stop_timeout_ms", "keep_days"});
  JobsConfig cfg;
  cfg.enabled = reader.boolean("jobs.enabled", cfg.enabled);
  cfg.poll_interval = std::chrono::milliseconds(
      reader.integer("jobs.poll_interval_ms", cfg.poll_interval.count(), 50, 60000));
  cfg.stop_timeout = std::chrono::milliseconds(
      reader.integer("jobs.stop_timeout_ms", cfg.stop_timeout.count(), 0, 3600000));
  cfg.keep_days = static_cast<int>(reader.integer("jobs.keep_days", cfg.keep_days, 1, 36500));
  return cfg;
}

}  // namespace hisx::host
