#include "notify/retry_schedule.h"

#include <algorithm>

namespace hisx::host {

std::chrono::milliseconds retry_delay(int attempt, std::chrono::milliseconds base,
                                      std::chrono::milliseconds max) {
  if (attempt < 1) attempt = 1;
  auto delay = base;
  // Doubling stops at the cap, so a large attempt number cannot overflow.
  for (int i = 1; i < attempt && delay < max; ++i) delay *= 2;
  return std::min(delay, max);
}

}  // namespace hisx::host
