#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace hisx::appointments {

/// Where a booking is in its life:
///
///   requested ──confirm──▶ confirmed ──check_in──▶ checked_in ──complete──▶ completed
///       │  └──────────────check_in──────────────────▲
///       ├─cancel / no_show          (from requested and confirmed)
///       └─reschedule (keeps the status; requested and confirmed only)
///
/// completed, cancelled and no_show are final.
enum class BookingStatus { kRequested, kConfirmed, kCheckedIn, kCompleted, kCancelled, kNoShow };

/// What someone does to a booking.
enum class BookingAction { kConfirm, kCheckIn, kComplete, kCancel, kNoShow, kReschedule };

/// The status after `action` from `from`, or nothing when the action is not allowed there.
/// A patient whose app booking was never confirmed may still check in: coming is the
/// confirmation.
std::optional<BookingStatus> next_status(BookingStatus from, BookingAction action);

/// True for statuses that hold a place in a slot (requested, confirmed, checked_in): these
/// count for capacity and for a patient's overlapping bookings.
bool is_active(BookingStatus status);

/// True when leaving `from` by `action` gives the slot's place back (cancel; a reschedule
/// gives back the old slot's place and takes one in the new slot).
bool releases_place(BookingAction action);

/// The first status of a booking through `channel`: requested when the channel is one of
/// `confirm_channels` (someone must confirm it), confirmed otherwise.
BookingStatus initial_status(std::string_view channel,
                             const std::set<std::string>& confirm_channels);

/// "requested", "confirmed", "checked_in", "completed", "cancelled", "no_show".
std::string_view to_string(BookingStatus status);
/// The status named `text`, if any.
std::optional<BookingStatus> parse_status(std::string_view text);
/// "confirm", "check_in", "complete", "cancel", "no_show", "reschedule".
std::string_view to_string(BookingAction action);

}  // namespace hisx::appointments
