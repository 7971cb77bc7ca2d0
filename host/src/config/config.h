#pragma once

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hisx::host {

class ConfigReader;

/// A configuration that cannot be used. The message names the file, the key, what was
/// found and what is expected, so that an IT officer can fix it without reading code.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::string& file, const std::string& key, const std::string& problem);
  const std::string& file() const { return file_; }
  const std::string& key() const { return key_; }

 private:
  std::string file_;
  std::string key_;
};

/// One database connection: `database.his` or `database.store`.
struct DatabaseConfig {
  std::string key;             ///< "database.his" or "database.store", for messages.
  std::string backend;         ///< sqlite3 | postgresql | mysql | odbc
  std::string connection;      ///< SOCI connection string, `${data_dir}` expanded, no password.
  std::string password;        ///< Read from password_env / password_file; never from the YAML.
  int pool_size = 4;           ///< Sessions in the pool.
  int busy_timeout_ms = 5000;  ///< SQLite busy timeout.
  /// `lease_timeout_ms`: how long a lease from the pool waits for a free session.
  int lease_timeout_ms = 10000;
};

/// The validated host configuration (config/hisx.yaml plus `-D key=value` overrides).
/// Relative paths in the file are resolved against the file's folder; relative paths given
/// with -D against the current folder.
struct HostConfig {
  std::filesystem::path file;                 ///< The configuration file read.
  std::filesystem::path data_dir;             ///< `data_dir`: SQLite database and runtime files.
  std::string timezone = "Asia/Ho_Chi_Minh";  ///< `timezone`.
  /// `clock.start`: the instant the host's clock reads at start (then it runs on); none: the
  /// system clock.
  std::optional<std::chrono::system_clock::time_point> clock_start;
  std::string log_level = "information";  ///< `log.level`.
  bool access_log = true;                 ///< `log.access`.

  struct Http {
    std::string host = "127.0.0.1";        ///< `http.host`
    int port = 8080;                       ///< `http.port` (0 = any free port)
    std::size_t max_body_bytes = 1 << 20;  ///< `http.max_body_bytes` (413 above)
    int threads = 16;                      ///< `http.threads`
    /// `http.trusted_proxies`: peers whose X-Forwarded-For names the client (login limits,
    /// audit trail, Request::client_address()); nginx on the same machine by default.
    std::vector<std::string> trusted_proxies = {"127.0.0.1", "::1"};
  } http;

  DatabaseConfig his;            ///< `database.his`
  DatabaseConfig store;          ///< `database.store` (defaults to `database.his`)
  bool store_is_his = true;      ///< True when `database.store` is absent.
  bool migrate_on_start = true;  ///< `database.migrate_on_start`

  std::filesystem::path his_profile;  ///< `his_profile`: the HIS profile file.

  struct Demo {
    bool seed_on_empty = false;  ///< `demo.seed_on_empty`: create the demo HIS if empty.
    int patients = 3000;         ///< `demo.patients`
    int days = 7;                ///< `demo.days`
    unsigned seed = 42;          ///< `demo.seed`
  } demo;

  std::vector<std::filesystem::path> plugin_paths;  ///< `plugins.paths`
  std::vector<std::string> plugins_enabled;         ///< `plugins.enabled`
  YAML::Node plugin_settings;                       ///< `plugins.settings` (map by plugin)

  /// The whole validated tree, for the host services that read their own section
  /// (`auth`, `audit`, `events`, `jobs`, `notify`, `web`) with the same checks and messages.
  std::shared_ptr<const ConfigReader> reader;
};

/// Reads and validates `file`, applying each `key=value` of `overrides` (dotted keys; a
/// value in [a, b] form is a list). Throws ConfigError.
HostConfig load_config(const std::filesystem::path& file,
                       const std::vector<std::string>& overrides);

}  // namespace hisx::host
