#include "hisx/rate_limits.h"

#include <algorithm>

namespace hisx::sdk {

Problem too_many_requests(const RateDecision& refusal, std::string detail) {
  const long long seconds = std::max<long long>(1, refusal.retry_after.count());
  return Problem(429, "too-many-requests", std::move(detail)).with("retry_after", seconds);
}

}  // namespace hisx::sdk
