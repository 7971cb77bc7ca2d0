#include "queue/queue_order_rules.h"

#include <algorithm>
#include <tuple>

namespace hisx::fast_lane {

namespace {

bool held_back(const QueueEntry& e, long long lane_calls) { return e.returns_at_call > lane_calls; }

bool overdue(const QueueEntry& e, sdk::Instant now, std::chrono::minutes max_wait) {
  return now - e.issued_at >= max_wait;
}

int rank(LaneHead head) { return static_cast<int>(head); }

}  // namespace

std::vector<QueueEntry> lane_order(std::vector<QueueEntry> waiting, long long lane_calls,
                                   sdk::Instant now, std::chrono::minutes max_wait) {
  // (class, then the keys of that class): 0 overdue by arrival; 1 by priority then arrival;
  // 2 held back by the call they return at, then as class 1.
  const auto key = [&](const QueueEntry& e) {
    if (held_back(e, lane_calls)) {
      return std::make_tuple(2, e.returns_at_call, -e.priority, e.issued_at, e.id);
    }
    if (overdue(e, now, max_wait)) return std::make_tuple(0, 0LL, 0, e.issued_at, e.id);
    return std::make_tuple(1, 0LL, -e.priority, e.issued_at, e.id);
  };
  std::stable_sort(waiting.begin(), waiting.end(),
                   [&](const QueueEntry& a, const QueueEntry& b) { return key(a) < key(b); });
  return waiting;
}

LaneHead lane_head(const std::vector<QueueEntry>& order, long long lane_calls, sdk::Instant now,
                   std::chrono::minutes max_wait) {
  if (order.empty()) return LaneHead::kEmpty;
  const QueueEntry& first = order.front();
  if (held_back(first, lane_calls)) return LaneHead::kHeldBack;
  return overdue(first, now, max_wait) ? LaneHead::kOverdue : LaneHead::kReady;
}

std::string_view to_string(WindowMode mode) {
  switch (mode) {
    case WindowMode::kFast:
      return "fast";
    case WindowMode::kRegular:
      return "regular";
    case WindowMode::kMixed:
      break;
  }
  return "mixed";
}

std::optional<WindowMode> parse_window_mode(std::string_view text) {
  if (text == "fast") return WindowMode::kFast;
  if (text == "regular") return WindowMode::kRegular;
  if (text == "mixed") return WindowMode::kMixed;
  return std::nullopt;
}

LaneChoice choose_lane(WindowMode mode, MixedRatio ratio, int position, LaneHead fast,
                       LaneHead regular) {
  if (mode != WindowMode::kMixed) {
    const Lane own = mode == WindowMode::kFast ? Lane::kFast : Lane::kRegular;
    const LaneHead head = own == Lane::kFast ? fast : regular;
    if (head == LaneHead::kEmpty) return {std::nullopt, position};
    return {own, position};
  }
  const int cycle = std::max(1, ratio.fast) + std::max(1, ratio.regular);
  const int at = ((position % cycle) + cycle) % cycle;
  const Lane preferred = at < std::max(1, ratio.fast) ? Lane::kFast : Lane::kRegular;
  const Lane other = preferred == Lane::kFast ? Lane::kRegular : Lane::kFast;
  const LaneHead preferred_head = preferred == Lane::kFast ? fast : regular;
  const LaneHead other_head = preferred == Lane::kFast ? regular : fast;
  if (preferred_head == LaneHead::kEmpty && other_head == LaneHead::kEmpty) {
    return {std::nullopt, at};
  }
  if (rank(other_head) > rank(preferred_head)) return {other, at};
  return {preferred, (at + 1) % cycle};
}

}  // namespace hisx::fast_lane
