#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

// Low-level process control shared by run_process() and HostProcess. Exit codes follow the
// shell: the exit status of a process that exited, 128 + the signal of one that was killed.

namespace hisx::test {

/// The descriptors a spawned process gets as its stdin, stdout and stderr.
struct StdioFds {
  int in;   ///< Becomes fd 0.
  int out;  ///< Becomes fd 1.
  int err;  ///< Becomes fd 2.
};

/// Starts `argv[0]` (looked up in PATH when it has no '/') with `argv`, no shell, the current
/// environment plus `extra_env` (which wins), and `fds` as its stdio; every other descriptor
/// is closed in the child. The child leads its own process group (so that a kill reaches its
/// children too) and gets SIGKILL when the calling thread exits, so that a crashed test leaves
/// no server holding a port. Throws std::runtime_error naming the program when it cannot run.
pid_t spawn_process(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& extra_env, StdioFds fds);

/// Reaps `pid` if it has exited and returns its exit code; nothing while it still runs.
std::optional<int> try_reap(pid_t pid);

/// Waits for `pid` to exit until `deadline`; its exit code, or nothing if it still runs.
std::optional<int> wait_until(pid_t pid, std::chrono::steady_clock::time_point deadline);

/// Sends SIGKILL to the process group of `pid`, reaps `pid` and returns its exit code.
int kill_and_reap(pid_t pid);

/// `argv` joined with spaces, arguments with spaces or quotes in single quotes: for messages.
std::string describe_command(const std::vector<std::string>& argv);

}  // namespace hisx::test
