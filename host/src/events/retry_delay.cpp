#include "events/retry_delay.h"

#include <algorithm>

namespace hisx::host {

std::chrono::milliseconds retry_delay(int failures, std::chrono::milliseconds base,
                                      std::chrono::milliseconds max) {
  auto delay = base;
  // Doubling stops at `max`, so that many failures never overflow.
  for (int i = 1; i < failures && delay < max; ++i) delay *= 2;
  return std::min(delay, max);
}

}  // namespace hisx::host
