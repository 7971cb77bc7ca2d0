#include "queue/wait_stats_rules.h"

#include <algorithm>

namespace hisx::fast_lane {

namespace {

long long nearest_rank(const std::vector<long long>& sorted, int percent) {
  const auto n = static_cast<long long>(sorted.size());
  long long rank = (percent * n + 99) / 100;  // ceil(p·n / 100)
  rank = std::clamp<long long>(rank, 1, n);
  return sorted[static_cast<std::size_t>(rank - 1)];
}

}  // namespace

DurationSummary summarize(std::vector<long long> seconds) {
  DurationSummary out;
  out.count = static_cast<int>(seconds.size());
  if (seconds.empty()) return out;
  std::sort(seconds.begin(), seconds.end());
  out.median = nearest_rank(seconds, 50);
  out.p90 = nearest_rank(seconds, 90);
  out.longest = seconds.back();
  return out;
}

}  // namespace hisx::fast_lane
