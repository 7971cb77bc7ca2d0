#pragma once

#include <optional>
#include <vector>

// Wait and service times of a lane or window as the stats answer them.

namespace hisx::fast_lane {

/// The count, median, 90th percentile and longest of some durations in seconds.
struct DurationSummary {
  int count = 0;
  std::optional<long long> median;  ///< Nothing when there is none.
  std::optional<long long> p90;
  std::optional<long long> longest;
};

/// The summary of `seconds`. Percentiles are nearest-rank: the p-th percentile is the value
/// at rank ceil(p/100 · n) of the sorted values (the median of 4 values is the 2nd).
DurationSummary summarize(std::vector<long long> seconds);

}  // namespace hisx::fast_lane
