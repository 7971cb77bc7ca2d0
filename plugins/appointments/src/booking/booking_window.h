#pragma once

#include <string>
#include <string_view>

#include "catalogue/schedule.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// Whether a slot can be booked now, as far as time goes.
enum class WindowCheck {
  kOpen,         ///< Bookable.
  kStarted,      ///< The slot has started (or is over).
  kTooFarAhead,  ///< More than the clinic's booking window ahead.
  kAfterCutoff,  ///< A slot of today, and today's same-day cut-off has passed.
};

/// Checks a slot starting at `slot_start` for a booking through `channel` at `now`. Days
/// ahead count local calendar days: with a window of 14, a slot on the 15th of the month is
/// bookable from the 1st (any time of day). A started slot is refused for every channel;
/// the window and the cut-off only where window_applies(channel).
WindowCheck check_booking_window(const ClinicRules& rules, Instant slot_start, Instant now,
                                 const TimeZone& zone, std::string_view channel);

/// A sentence for a refusal (English / Vietnamese), e.g. for a 409 problem.
std::string describe(WindowCheck check, const ClinicRules& rules);

}  // namespace hisx::appointments
