#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hisx/civil_time.h"

// The two lanes of the cashier queue and the groups that put a ticket in the fast lane, as
// plain code.

namespace hisx::fast_lane {

/// A queue of tickets. The fast lane (làn ưu tiên) holds app-booked patients and the
/// hospital's priority groups; the regular lane (làn thường) everyone else.
enum class Lane { kFast, kRegular };

/// "fast" or "regular".
std::string_view to_string(Lane lane);
/// The lane named `text` ("fast", "regular"), or nothing.
std::optional<Lane> parse_lane(std::string_view text);
/// What a ticket and the board call the lane: "Làn ưu tiên / Fast lane", "Làn thường /
/// Regular lane".
std::string_view lane_title(Lane lane);

/// A reason for a fast-lane ticket.
struct TicketGroup {
  /// "app" (booked in the app), "booked" (booked through another channel the settings
  /// name), "child", "elderly", "disability", "veteran", "pregnant".
  std::string_view code;
  std::string_view title_vi;  ///< As printed and shown, e.g. "Người cao tuổi".
  std::string_view title_en;  ///< e.g. "Elderly".
  int priority;               ///< Higher is called first within the lane.
  bool by_age;                ///< Checked against the HIS birth date (child, elderly).
};

/// Every group, the bookings first. The priority groups the law names (children, the elderly,
/// people with disabilities, war veterans and people of merit, pregnant women) are called
/// before bookings (priority 2 against 1); a regular ticket has priority 0.
const std::vector<TicketGroup>& ticket_groups();
/// The group `code`, or nullptr.
const TicketGroup* find_ticket_group(std::string_view code);
/// Whether `group` is one of the priority groups (not a booking).
bool is_priority_group(std::string_view group);
/// The priority of a ticket of `group` ("" for none: 0).
int group_priority(std::string_view group);

/// Whole years from `birth` to `today` (the birthday counts on its day; 29 February on
/// 1 March in other years).
int age_in_years(sdk::LocalDate birth, sdk::LocalDate today);

/// Whether a patient born on `birth` is in age group `group` on `today`: "child" is younger
/// than `child_under`, "elderly" `elderly_from` or older; groups not by age always fit.
bool fits_age_group(std::string_view group, sdk::LocalDate birth, sdk::LocalDate today,
                    int child_under, int elderly_from);

/// "U001": the lane's prefix and the day's number, at least three digits.
std::string ticket_label(std::string_view prefix, long long number);

}  // namespace hisx::fast_lane
