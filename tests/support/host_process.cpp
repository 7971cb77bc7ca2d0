#include "support/host_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/port.h"
#include "support/spawn.h"

namespace hisx::test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kStdoutLog = "hisxd.stdout.log";
constexpr const char* kStderrLog = "hisxd.stderr.log";
constexpr std::chrono::seconds kStopGrace{15};

std::string required_env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(std::string(name) + " is not set: run the test through ctest");
  }
  return value;
}

std::filesystem::path binary(const std::string& name) {
  std::filesystem::path path = std::filesystem::path(required_env("HISX_BIN_DIR")) / name;
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error(path.string() + " does not exist: build the target '" + name + "'");
  }
  return path;
}

/// The value of the last `key=…` in `overrides`, if any.
std::optional<std::string> given(const std::vector<std::string>& overrides,
                                 const std::string& key) {
  std::optional<std::string> value;
  for (const auto& o : overrides) {
    if (o.rfind(key + "=", 0) == 0) value = o.substr(key.size() + 1);
  }
  return value;
}

/// The backend's overrides, then the test's own.
std::vector<std::string> all_overrides(const HostOptions& options) {
  std::vector<std::string> all = options.backend.overrides;
  all.insert(all.end(), options.overrides.begin(), options.overrides.end());
  return all;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

int open_or_throw(const std::filesystem::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
  if (fd < 0)
    throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
  return fd;
}

std::vector<std::string> with_program(const std::string& program,
                                      const std::vector<std::string>& args) {
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

std::vector<std::string> config_arguments(const HostOptions& options, int port,
                                          const std::filesystem::path& data_dir) {
  std::filesystem::path config =
      options.config.empty()
          ? std::filesystem::path(required_env("HISX_SOURCE_DIR")) / "config" / "hisx.yaml"
          : options.config;
  std::vector<std::string> overrides = all_overrides(options);
  std::vector<std::string> args{"--config", config.string()};
  auto define = [&](const std::string& setting) {
    args.push_back("-D");
    args.push_back(setting);
  };
  if (!given(overrides, "http.port")) define("http.port=" + std::to_string(port));
  if (!given(overrides, "data_dir")) define("data_dir=" + data_dir.string());
  if (!given(overrides, "plugins.paths")) {
    define("plugins.paths=[" + required_env("HISX_PLUGIN_DIR") + "]");
  }
  for (const auto& o : overrides) define(o);
  return args;
}

}  // namespace

std::optional<int> listening_port(const std::string& output) {
  const std::string marker = "listening on http://";
  for (auto pos = output.find(marker); pos != std::string::npos;
       pos = output.find(marker, pos + 1)) {
    auto start = pos + marker.size();
    // Only a finished line counts: a line read while being written could cut the port short.
    auto end = output.find_first_of(" \t\r\n/", start);
    if (end == std::string::npos) break;
    std::string authority = output.substr(start, end - start);
    auto colon = authority.rfind(':');
    if (colon == std::string::npos || colon + 1 == authority.size()) continue;
    std::string digits = authority.substr(colon + 1);
    if (digits.size() > 5 || !std::all_of(digits.begin(), digits.end(),
                                          [](unsigned char c) { return std::isdigit(c); })) {
      continue;
    }
    return std::stoi(digits);
  }
  return std::nullopt;
}

HostProcess::HostProcess(HostOptions options) : options_(std::move(options)) {
  std::vector<std::string> overrides = all_overrides(options_);
  if (auto port = given(overrides, "http.port")) given_port_ = std::stoi(*port);
  if (auto dir = given(overrides, "data_dir")) {
    data_dir_ = *dir;
    std::filesystem::create_directories(data_dir_);
  } else {
    own_data_dir_ = std::make_unique<TempDir>();
    data_dir_ = own_data_dir_->path();
  }
}

HostProcess::~HostProcess() {
  try {
    stop();
  } catch (...) {
    // A destructor must not throw; the child dies with the test process anyway.
  }
}

std::vector<std::string> HostProcess::build_args(int port) const {
  return config_arguments(options_, port, data_dir_);
}

std::vector<std::string> HostProcess::config_args() const {
  return args_.empty() ? build_args(given_port_.value_or(0)) : args_;
}

void HostProcess::start() {
  if (pid_ > 0) throw std::logic_error("HostProcess::start: hisxd is already running");
  std::string program = binary("hisxd").string();
  // A free port can be taken by another test between free_port() and hisxd's bind; only
  // then is a start retried.
  for (int attempt = 1;; ++attempt) {
    int port = given_port_ ? *given_port_ : free_port();
    args_ = build_args(port);
    int in = open_or_throw("/dev/null", O_RDONLY);
    int out = open_or_throw(data_dir_ / kStdoutLog, O_WRONLY | O_CREAT | O_TRUNC);
    int err = open_or_throw(data_dir_ / kStderrLog, O_WRONLY | O_CREAT | O_TRUNC);
    try {
      pid_ = spawn_process(with_program(program, args_), options_.env, {in, out, err});
    } catch (...) {
      ::close(in);
      ::close(out);
      ::close(err);
      throw;
    }
    ::close(in);
    ::close(out);
    ::close(err);
    exit_code_.reset();
    if (wait_ready(port)) return;
    std::string log = output();
    bool port_taken = log.find("already in use") != std::string::npos;
    if (given_port_ || !port_taken || attempt == 3) {
      throw std::runtime_error(
          "hisxd exited with code " + std::to_string(exit_code_.value_or(-1)) +
          " before it was ready.\nCommand: " + describe_command(with_program(program, args_)) +
          "\n--- output ---\n" + log);
    }
  }
}

bool HostProcess::wait_ready(int port) {
  auto deadline = Clock::now() + options_.ready_timeout;
  while (true) {
    if (!running()) return false;
    auto listening = listening_port(output());
    if (listening && (port == 0 || *listening == port)) {
      port_ = *listening;
      try {
        if (HttpClient("127.0.0.1", port_, std::chrono::seconds(2)).get("/healthz").status == 200) {
          return true;
        }
      } catch (const std::exception&) {
        // Not accepting connections yet.
      }
    }
    if (Clock::now() >= deadline) {
      int code = kill();
      throw std::runtime_error(
          "hisxd was not ready within " + std::to_string(options_.ready_timeout.count()) +
          " s (waiting for \"hisxd listening on http://…:" + std::to_string(port) +
          "\" and GET /healthz 200); killed, exit code " + std::to_string(code) +
          ".\nCommand: " + describe_command(with_program(binary("hisxd").string(), args_)) +
          "\n--- output ---\n" + output());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

HttpClient HostProcess::client() const { return HttpClient("127.0.0.1", port_); }

std::string HostProcess::output() const {
  return read_file(data_dir_ / kStdoutLog) + read_file(data_dir_ / kStderrLog);
}

std::string HostProcess::wait_for_output(const std::string& text,
                                         std::chrono::milliseconds timeout) const {
  const auto deadline = Clock::now() + timeout;
  std::string now = output();
  while (now.find(text) == std::string::npos && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    now = output();
  }
  return now;
}

int HostProcess::stop() {
  if (pid_ <= 0) return exit_code_.value_or(-1);
  ::kill(pid_, SIGTERM);
  auto code = wait_until(pid_, Clock::now() + kStopGrace);
  exit_code_ = code ? *code : kill_and_reap(pid_);
  pid_ = -1;
  expect_well_formed_log();
  return *exit_code_;
}

int HostProcess::kill() {
  if (pid_ <= 0) return exit_code_.value_or(-1);
  exit_code_ = kill_and_reap(pid_);
  pid_ = -1;
  expect_well_formed_log();
  return *exit_code_;
}

void HostProcess::expect_well_formed_log() const {
  // Poco writes [ERRFMT] where a log argument did not fit its format: a bug in the log call.
  const std::string text = output();
  const auto at = text.find("[ERRFMT]");
  if (at == std::string::npos) return;
  const auto begin = text.rfind('\n', at);
  const auto end = text.find('\n', at);
  ADD_FAILURE() << "hisxd logged a line whose arguments did not fit its format: "
                << text.substr(begin == std::string::npos ? 0 : begin + 1,
                               end == std::string::npos ? std::string::npos : end - begin - 1);
}

bool HostProcess::running() {
  if (pid_ <= 0) return false;
  if (auto code = try_reap(pid_)) {
    exit_code_ = code;
    pid_ = -1;
    return false;
  }
  return true;
}

ProcessResult HostProcess::run_cli(const std::vector<std::string>& args,
                                   const std::string& stdin_text) const {
  std::vector<std::string> all = config_args();
  all.insert(all.end(), args.begin(), args.end());
  return hisx::test::run_cli(all, stdin_text, options_.env);
}

ProcessResult HostProcess::start_and_expect_failure(HostOptions options,
                                                    std::chrono::seconds timeout) {
  std::unique_ptr<TempDir> temp;
  std::filesystem::path data_dir;
  std::vector<std::string> overrides = all_overrides(options);
  if (auto dir = given(overrides, "data_dir")) {
    data_dir = *dir;
  } else {
    temp = std::make_unique<TempDir>();
    data_dir = temp->path();
  }
  int port = given(overrides, "http.port") ? 0 : free_port();
  auto argv = with_program(binary("hisxd").string(), config_arguments(options, port, data_dir));
  ProcessResult result = run_process(argv, {}, timeout, options.env);
  std::string problem;
  if (result.timed_out) {
    problem = "was still running after " + std::to_string(timeout.count()) + " s";
  } else if (result.exit_code == 0) {
    problem = "exited with code 0";
  }
  if (!problem.empty()) {
    throw std::runtime_error(
        "hisxd " + problem +
        " but was expected to refuse to start.\nCommand: " + describe_command(argv) +
        "\n--- stdout ---\n" + result.out + "\n--- stderr ---\n" + result.err);
  }
  return result;
}

ProcessResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text,
                      const std::map<std::string, std::string>& env, std::chrono::seconds timeout) {
  return run_process(with_program(binary("hisx").string(), args), stdin_text, timeout, env);
}

}  // namespace hisx::test
