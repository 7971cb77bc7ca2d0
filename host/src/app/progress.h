#pragma once

#include <string>

namespace hisx::host {

/// Shows the progress of long work on standard error: a line redrawn in place on a terminal,
/// a line per step otherwise (logs, CI).
class TerminalProgress {
 public:
  TerminalProgress();
  ~TerminalProgress();
  /// Reports `done` of `total` for `step`.
  void update(const std::string& step, long done, long total);
  /// Ends the current line.
  void finish();

 private:
  bool tty_;
  std::string step_;
  int last_percent_ = -1;
};

}  // namespace hisx::host
