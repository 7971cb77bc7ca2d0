#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace hisx::test {

/// What a finished process left behind.
struct ProcessResult {
  int exit_code;           ///< Exit status; 128 + signal number when it was killed.
  std::string out;         ///< Everything it wrote to stdout.
  std::string err;         ///< Everything it wrote to stderr (plus a note if it timed out).
  bool timed_out = false;  ///< True when run_process() killed it at the timeout.
};

/// Runs `argv` (argv[0] looked up in PATH when it has no '/'; no shell) with `stdin_text` on
/// its stdin, the current environment plus `extra_env`, and collects stdout and stderr
/// (both read as they come, so a chatty process never blocks on a full pipe). A process still
/// running after `timeout` is killed with its process group; `err` then ends with a line
/// saying so and `timed_out` is set. Throws std::runtime_error when the program cannot run.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdin_text = {},
                          std::chrono::seconds timeout = std::chrono::seconds(120),
                          const std::map<std::string, std::string>& extra_env = {});

}  // namespace hisx::test
