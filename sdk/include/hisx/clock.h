#pragma once

#include <chrono>

#include "hisx/export.h"

namespace hisx::sdk {

/// The source of "now" for a plugin. Production uses the system clock; tests inject a fixed
/// or manually advanced clock. All times are UTC.
class HISX_SDK_API Clock {
 public:
  virtual ~Clock();
  /// The current instant (UTC).
  virtual std::chrono::system_clock::time_point now() const = 0;
};

/// Clock reading the system time.
class HISX_SDK_API SystemClock final : public Clock {
 public:
  ~SystemClock() override;
  std::chrono::system_clock::time_point now() const override;
};

/// Clock that returns a time set by the test, advanced by hand.
class HISX_SDK_API ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::system_clock::time_point start);
  ~ManualClock() override;
  std::chrono::system_clock::time_point now() const override;
  /// Moves the clock forward by `d`.
  void advance(std::chrono::system_clock::duration d);
  /// Sets the clock to `t`.
  void set(std::chrono::system_clock::time_point t);

 private:
  std::chrono::system_clock::time_point now_;
};

}  // namespace hisx::sdk
