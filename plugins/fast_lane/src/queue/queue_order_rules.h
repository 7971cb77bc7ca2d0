#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/civil_time.h"
#include "queue/ticket_group_rules.h"

// Which ticket a window calls next, as plain code: the order within a lane (priority, arrival,
// ageing, skipped tickets held back) and how a mixed window interleaves the two lanes. The
// store reads the waiting tickets and the window's place in its cycle, asks these rules, and
// claims the ticket they name with a conditional update, so that the database decides between
// two windows calling at once.

namespace hisx::fast_lane {

/// A waiting ticket, as the order needs it.
struct QueueEntry {
  long long id = 0;
  int priority = 0;          ///< Higher first (group_priority()).
  sdk::Instant issued_at{};  ///< Its arrival; kept when it is transferred or skipped.
  /// A skipped ticket is held back until its lane's calls of the day reach this count; 0 (or
  /// any count already reached): it may be called.
  long long returns_at_call = 0;
};

/// The order of one lane's waiting tickets, the first called first:
/// 1. tickets that have waited `max_wait` or longer (overdue), oldest first, so that none
///    waits much beyond the bound whatever its priority;
/// 2. the others by priority, highest first, then by arrival;
/// 3. skipped tickets still held back (returns_at_call above `lane_calls`), in the order they
///    come back.
/// Ties go to the lower id (the one issued first).
std::vector<QueueEntry> lane_order(std::vector<QueueEntry> waiting, long long lane_calls,
                                   sdk::Instant now, std::chrono::minutes max_wait);

/// What a lane offers a window: the first ticket of its lane_order().
enum class LaneHead {
  kEmpty,     ///< No ticket waits.
  kHeldBack,  ///< Only skipped tickets that are not due back yet.
  kReady,     ///< A ticket may be called.
  kOverdue,   ///< The first has waited max_wait or longer.
};

/// The head of `order` (a lane_order() result).
LaneHead lane_head(const std::vector<QueueEntry>& order, long long lane_calls, sdk::Instant now,
                   std::chrono::minutes max_wait);

/// What a window calls: the fast lane only, the regular lane only, or both interleaved.
enum class WindowMode { kFast, kRegular, kMixed };

/// "fast", "regular", "mixed".
std::string_view to_string(WindowMode mode);
/// The mode named `text`, or nothing.
std::optional<WindowMode> parse_window_mode(std::string_view text);

/// A mixed window's cycle: `fast` calls from the fast lane, then `regular` from the regular
/// one (2 : 1 by default).
struct MixedRatio {
  int fast = 2;
  int regular = 1;
};

/// The lane a window calls from, and its place in the cycle afterwards.
struct LaneChoice {
  std::optional<Lane> lane;  ///< Nothing: no ticket waits in the lanes it serves.
  int position = 0;          ///< The window's new place in its cycle (mixed windows).
};

/// The lane a window of `mode` at `position` of its cycle calls next, given the heads of the
/// two lanes. A fast or regular window calls its own lane. A mixed window calls the lane its
/// place in the cycle names (positions 0 … fast-1: fast, then regular) and moves one place on;
/// it calls the other lane instead, without moving on, when that lane's head is better:
/// overdue against ready, ready against held back or empty. A held-back ticket is called when
/// nothing else waits.
LaneChoice choose_lane(WindowMode mode, MixedRatio ratio, int position, LaneHead fast,
                       LaneHead regular);

}  // namespace hisx::fast_lane
