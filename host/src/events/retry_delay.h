#pragma once

#include <chrono>

namespace hisx::host {

/// The wait before attempt `failures + 1` of a delivery that failed `failures` (>= 1) times:
/// `base`, then doubling with each failure, never more than `max`.
std::chrono::milliseconds retry_delay(int failures, std::chrono::milliseconds base,
                                      std::chrono::milliseconds max);

}  // namespace hisx::host
