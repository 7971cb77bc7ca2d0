#pragma once

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace hisx::host::demo {

/// The demo seeder's source of randomness. std::mt19937's output is fixed by the standard,
/// but std::uniform_int_distribution and friends are not (libstdc++ and libc++ differ), so
/// every distribution the seeder needs is implemented here on the raw 32-bit output: the
/// same seed gives the same database with any standard library.
class DemoRandom {
 public:
  explicit DemoRandom(unsigned seed) : engine_(seed) {}

  /// The next raw 32-bit value.
  std::uint32_t next() { return static_cast<std::uint32_t>(engine_()); }

  /// A uniform integer in [lo, hi] (rejection sampling, no modulo bias).
  int uniform(int lo, int hi);

  /// True with probability percent/100.
  bool percent(int percent) { return uniform(0, 99) < percent; }

  /// An index in [0, weights.size()) drawn with the given non-negative integer weights.
  std::size_t weighted(const std::vector<int>& weights);

  /// A uniformly chosen element of a non-empty vector.
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    if (items.empty()) throw std::logic_error("DemoRandom::pick on an empty list");
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
  }

 private:
  std::mt19937 engine_;
};

}  // namespace hisx::host::demo
