#pragma once

#include <chrono>

namespace hisx::host {

class ConfigReader;

/// The `jobs` section of hisx.yaml.
struct JobsConfig {
  /// `jobs.enabled`: false makes this host run no jobs (others on the database still do).
  bool enabled = true;
  /// `jobs.poll_interval_ms`: how often the scheduler looks for due runs and expired leases.
  std::chrono::milliseconds poll_interval{1000};
  /// `jobs.stop_timeout_ms`: how long stopping waits for running jobs before logging those
  /// still going (and again every this long while it keeps waiting for them).
  std::chrono::milliseconds stop_timeout{30000};
  /// `jobs.keep_days`: finished runs of periodic jobs older than this are deleted.
  int keep_days = 30;
};

/// Reads and checks the `jobs` section; throws ConfigError naming the key.
JobsConfig read_jobs_config(const ConfigReader& reader);

}  // namespace hisx::host
