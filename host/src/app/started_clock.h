#pragma once

#include <chrono>

#include "hisx/clock.h"

namespace hisx::host {

/// A clock that reads `start` when it is made and then runs at the system clock's pace: the
/// host's clock when the configuration sets `clock.start` (training, demonstrations, and
/// tests of behaviour that depends on the hour). Each new process starts it again.
class StartedClock final : public sdk::Clock {
 public:
  explicit StartedClock(std::chrono::system_clock::time_point start)
      : offset_(start - std::chrono::system_clock::now()) {}
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now() + offset_;
  }

 private:
  std::chrono::system_clock::duration offset_;
};

}  // namespace hisx::host
