#include "demo/demo_random.h"

#include <numeric>

namespace hisx::host::demo {

int DemoRandom::uniform(int lo, int hi) {
  if (hi < lo) throw std::logic_error("DemoRandom::uniform: empty range");
  const std::uint64_t range = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
  const std::uint64_t space = std::uint64_t{1} << 32;
  // The largest multiple of `range` that fits: values at or above it would favour low results.
  const std::uint64_t limit = space - space % range;
  std::uint64_t x = next();
  while (x >= limit) x = next();
  return static_cast<int>(lo + static_cast<std::int64_t>(x % range));
}

std::size_t DemoRandom::weighted(const std::vector<int>& weights) {
  const long total = std::accumulate(weights.begin(), weights.end(), 0L);
  if (total <= 0) throw std::logic_error("DemoRandom::weighted: no positive weight");
  long x = uniform(0, static_cast<int>(total - 1));
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;  // Unreachable: x < total.
}

}  // namespace hisx::host::demo
