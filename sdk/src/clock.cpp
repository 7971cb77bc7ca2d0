#include "hisx/clock.h"

namespace hisx::sdk {

Clock::~Clock() = default;
SystemClock::~SystemClock() = default;

std::chrono::system_clock::time_point SystemClock::now() const {
  return std::chrono::system_clock::now();
}

ManualClock::ManualClock(std::chrono::system_clock::time_point start) : now_(start) {}
ManualClock::~ManualClock() = default;

std::chrono::system_clock::time_point ManualClock::now() const { return now_; }
void ManualClock::advance(std::chrono::system_clock::duration d) { now_ += d; }
void ManualClock::set(std::chrono::system_clock::time_point t) { now_ = t; }

}  // namespace hisx::sdk
