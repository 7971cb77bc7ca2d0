#include "app/progress.h"

#include <unistd.h>

#include <cstdio>

namespace hisx::host {

TerminalProgress::TerminalProgress() : tty_(::isatty(STDERR_FILENO) == 1) {}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::update(const std::string& step, long done, long total) {
  const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
  if (step != step_) {
    finish();
    step_ = step;
    last_percent_ = -1;
  }
  if (percent == last_percent_) return;
  last_percent_ = percent;
  if (tty_) {
    const int width = 30;
    const int filled = percent * width / 100;
    std::fprintf(stderr, "\r%-28s [%-*s] %3d%% (%ld/%ld)", step.c_str(), width,
                 std::string(filled, '#').c_str(), percent, done, total);
    std::fflush(stderr);
  } else if (percent == 100) {
    std::fprintf(stderr, "%s: %ld/%ld done\n", step.c_str(), done, total);
    step_.clear();
  }
}

void TerminalProgress::finish() {
  if (tty_ && !step_.empty()) std::fprintf(stderr, "\n");
  step_.clear();
}

}  // namespace hisx::host
