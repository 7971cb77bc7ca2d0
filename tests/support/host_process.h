#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/backend.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace hisx::test {

/// How to start hisxd for one test.
/// Designated initializers read well: `HostProcess host({.backend = backend_from_env(),
/// .overrides = {"plugins.enabled=[reports]"}});`.
struct HostOptions {
  /// The database: its overrides go before `overrides`, and its PostgreSQL database (if any)
  /// lives as long as the host. Default: the host's own SQLite in its data dir.
  TestBackend backend;
  /// `key=value` settings, each passed as `-D`. The harness adds `http.port=<free port>`,
  /// `data_dir=<temp folder>` and `plugins.paths=[$HISX_PLUGIN_DIR]` unless a key is given
  /// here (`http.port=0` lets hisxd pick; the port is then read from its "listening" line).
  std::vector<std::string> overrides;
  /// The configuration file; empty means $HISX_SOURCE_DIR/config/hisx.yaml.
  std::filesystem::path config;
  /// Variables added to the inherited environment (e.g. secrets read through `*_env` keys).
  std::map<std::string, std::string> env;
  /// How long start() waits for hisxd to answer GET /healthz with 200.
  std::chrono::seconds ready_timeout{90};
};

/// The real server, $HISX_BIN_DIR/hisxd, run as a child process for an integration test.
/// Its stdout and stderr go to hisxd.stdout.log and hisxd.stderr.log in its data dir. It is
/// killed if the test process dies, and stopped when this object is destroyed. Use from the
/// thread that will stay alive (the test's): the child is tied to the starting thread.
class HostProcess {
 public:
  /// Prepares (does not start) a host with `options`; creates the data dir.
  explicit HostProcess(HostOptions options = {});
  /// Stops the host (SIGTERM, then SIGKILL after 15 s).
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  /// Starts hisxd and returns once it printed "hisxd listening on http://…:<port>" and
  /// GET /healthz answered 200. Throws std::runtime_error with the command line and its
  /// output when it exits first or is not ready in time (then it is killed). May be called
  /// again after stop() or kill(): same data dir, a new free port unless one was given, and
  /// the log files start afresh.
  void start();
  /// The port hisxd listens on (valid after start()).
  int port() const { return port_; }
  /// A client for this host on 127.0.0.1:port().
  HttpClient client() const;
  /// What hisxd wrote so far in this run: its stdout followed by its stderr.
  std::string output() const;
  /// Waits up to `timeout` for output() to contain `text` (a log line may be written just
  /// after the response it describes was sent) and returns output() as it then is.
  std::string wait_for_output(const std::string& text,
                              std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  /// Sends SIGTERM, waits up to 15 s, then SIGKILL; returns the exit code (128 + signal when
  /// killed). Returns the last exit code (-1 if never started) when not running.
  int stop();
  /// SIGKILL at once, like a crash or a power cut; returns the exit code (137).
  int kill();
  /// True while the process runs; records the exit code once it has exited on its own.
  bool running();
  /// The exit code of the last run that ended; nothing while running or before the first.
  std::optional<int> exit_code() const { return exit_code_; }
  /// The data dir: given with `data_dir=`, else a temporary folder removed with this object.
  const std::filesystem::path& data_dir() const { return data_dir_; }
  /// The arguments after the program name for this host: `--config FILE -D key=value …`
  /// (those of the current run once started).
  std::vector<std::string> config_args() const;
  /// Runs $HISX_BIN_DIR/hisx with config_args() and then `args` (the CLI then sees the same
  /// configuration, database and data dir as the server), `stdin_text` on its stdin.
  ProcessResult run_cli(const std::vector<std::string>& args,
                        const std::string& stdin_text = {}) const;

  /// Runs hisxd with `options` (defaults as for start()) and expects it to refuse to start:
  /// returns its output when it exits non-zero within `timeout`; throws std::runtime_error
  /// with the output when it exits 0 or is still running at the timeout (then killed).
  static ProcessResult start_and_expect_failure(
      HostOptions options, std::chrono::seconds timeout = std::chrono::seconds(60));

 private:
  std::vector<std::string> build_args(int port) const;
  /// Waits for the listening line and /healthz; true when ready, false if the process
  /// exited first; throws after the ready timeout.
  bool wait_ready(int port);
  /// Adds a test failure naming the line when this run's output holds a log line whose
  /// arguments did not fit its format (Poco writes "[ERRFMT]" there).
  void expect_well_formed_log() const;

  HostOptions options_;
  std::unique_ptr<TempDir> own_data_dir_;
  std::filesystem::path data_dir_;
  std::optional<int> given_port_;
  int port_ = 0;
  pid_t pid_ = -1;
  std::vector<std::string> args_;
  std::optional<int> exit_code_;
};

/// Runs the admin CLI $HISX_BIN_DIR/hisx with exactly `args` and `stdin_text` on its stdin,
/// the environment plus `env`; see run_process() for the result and the timeout.
ProcessResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = {},
                      const std::map<std::string, std::string>& env = {},
                      std::chrono::seconds timeout = std::chrono::seconds(120));

/// The port of the first complete "listening on http://HOST:PORT" line in `output` (the
/// port followed by a space, '/' or the end of the line); nothing if none.
std::optional<int> listening_port(const std::string& output);

}  // namespace hisx::test
