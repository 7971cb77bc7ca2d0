#pragma once

#include <chrono>

namespace hisx::host {

/// How long to wait after failed attempt number `attempt` (1 for the first) before the next
/// one: base * 2^(attempt-1), never more than `max` (exponential backoff, so that a gateway
/// that is down is not hammered while it recovers).
std::chrono::milliseconds retry_delay(int attempt, std::chrono::milliseconds base,
                                      std::chrono::milliseconds max);

}  // namespace hisx::host
