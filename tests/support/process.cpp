#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "support/spawn.h"

namespace hisx::test {
namespace {

/// A descriptor closed on destruction or on demand; -1 once closed.
struct Fd {
  int fd = -1;
  Fd() = default;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { close(); }
  void close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

void make_pipe(Fd& read_end, Fd& write_end) {
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("run_process: pipe: ") + std::strerror(errno));
  }
  read_end.fd = p[0];
  write_end.fd = p[1];
}

/// Reads what is available into `sink`; closes `fd` at end of file or on error.
void drain(Fd& fd, std::string& sink) {
  char buf[65536];
  ssize_t n = ::read(fd.fd, buf, sizeof buf);
  if (n > 0) {
    sink.append(buf, static_cast<std::size_t>(n));
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    fd.close();
  }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdin_text,
                          std::chrono::seconds timeout,
                          const std::map<std::string, std::string>& extra_env) {
  // A child that exits without reading its stdin must give EPIPE here, not kill the test.
  static std::once_flag sigpipe_ignored;
  std::call_once(sigpipe_ignored, [] { ::signal(SIGPIPE, SIG_IGN); });

  Fd in_r, in_w, out_r, out_w, err_r, err_w;
  make_pipe(in_r, in_w);
  make_pipe(out_r, out_w);
  make_pipe(err_r, err_w);
  pid_t pid = spawn_process(argv, extra_env, {in_r.fd, out_w.fd, err_w.fd});
  in_r.close();
  out_w.close();
  err_w.close();
  ::fcntl(in_w.fd, F_SETFL, ::fcntl(in_w.fd, F_GETFL) | O_NONBLOCK);
  if (stdin_text.empty()) in_w.close();

  ProcessResult result{0, {}, {}};
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t written = 0;
  while (out_r.fd >= 0 || err_r.fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd fds[3];
    Fd* owners[3];
    nfds_t count = 0;
    for (Fd* fd : {&out_r, &err_r}) {
      if (fd->fd >= 0) {
        fds[count] = {fd->fd, POLLIN, 0};
        owners[count++] = fd;
      }
    }
    if (in_w.fd >= 0) {
      fds[count] = {in_w.fd, POLLOUT, 0};
      owners[count++] = &in_w;
    }
    int ready = ::poll(fds, count, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) {
      throw std::runtime_error(std::string("run_process: poll: ") + std::strerror(errno));
    }
    for (nfds_t i = 0; ready > 0 && i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (owners[i] == &in_w) {
        ssize_t n = ::write(in_w.fd, stdin_text.data() + written, stdin_text.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (written == stdin_text.size() || (n < 0 && errno != EAGAIN && errno != EINTR)) {
          in_w.close();  // All given, or the child closed its stdin (EPIPE).
        }
      } else {
        drain(*owners[i], owners[i] == &out_r ? result.out : result.err);
      }
    }
  }
  in_w.close();

  if (!result.timed_out) {
    // Both pipes are closed, but the process may not have exited yet (or may have handed
    // them to nobody and kept running).
    if (auto code = wait_until(pid, deadline)) {
      result.exit_code = *code;
    } else {
      result.timed_out = true;
    }
  }
  if (result.timed_out) {
    result.exit_code = kill_and_reap(pid);
    result.err += "\n[run_process] " + describe_command(argv) + " did not finish within " +
                  std::to_string(timeout.count()) + " s and was killed\n";
  }
  return result;
}

}  // namespace hisx::test
