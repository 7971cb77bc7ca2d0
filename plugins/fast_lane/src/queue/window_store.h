#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "queue/queue_order_rules.h"

// The cashier windows (hisx_fast_lane_windows).

namespace hisx::fast_lane {

/// A window as stored.
struct Window {
  std::string code;  ///< "Q1".
  std::string name;  ///< "Quầy 1".
  WindowMode mode = WindowMode::kMixed;
  MixedRatio ratio;
  int position = 0;  ///< A mixed window's place in its cycle.
  bool active = true;
  std::string updated_at, updated_by;
};

/// Every window, by code.
std::vector<Window> list_windows(soci::session& s);
std::optional<Window> find_window(soci::session& s, const std::string& code);
/// The window, its row locked until `tx` ends (calls at one window go one at a time).
std::optional<Window> lock_window(soci::session& tx, const std::string& code);
/// Creates or replaces the window `w.code` (its place in the cycle is kept).
void save_window(soci::session& tx, const Window& w);
/// Creates `w` unless a window of its code exists.
void add_window_if_missing(soci::session& tx, const Window& w);
/// A mixed window's new place in its cycle.
void set_position(soci::session& tx, const std::string& code, int position);

}  // namespace hisx::fast_lane
