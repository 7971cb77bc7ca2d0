#include "booking/booking_status.h"

#include <array>
#include <utility>

namespace hisx::appointments {

namespace {

using S = BookingStatus;
using A = BookingAction;

struct Transition {
  S from;
  A action;
  S to;
};

// Every allowed transition; anything not listed is refused.
constexpr std::array<Transition, 10> kTransitions = {{
    {S::kRequested, A::kConfirm, S::kConfirmed},
    {S::kRequested, A::kCheckIn, S::kCheckedIn},
    {S::kRequested, A::kCancel, S::kCancelled},
    {S::kRequested, A::kNoShow, S::kNoShow},
    {S::kRequested, A::kReschedule, S::kRequested},
    {S::kConfirmed, A::kCheckIn, S::kCheckedIn},
    {S::kConfirmed, A::kCancel, S::kCancelled},
    {S::kConfirmed, A::kNoShow, S::kNoShow},
    {S::kConfirmed, A::kReschedule, S::kConfirmed},
    {S::kCheckedIn, A::kComplete, S::kCompleted},
}};

constexpr std::array<std::pair<S, std::string_view>, 6> kStatusNames = {{
    {S::kRequested, "requested"},
    {S::kConfirmed, "confirmed"},
    {S::kCheckedIn, "checked_in"},
    {S::kCompleted, "completed"},
    {S::kCancelled, "cancelled"},
    {S::kNoShow, "no_show"},
}};

}  // namespace

std::optional<BookingStatus> next_status(BookingStatus from, BookingAction action) {
  for (const auto& t : kTransitions) {
    if (t.from == from && t.action == action) return t.to;
  }
  return std::nullopt;
}

bool is_active(BookingStatus status) {
  return status == S::kRequested || status == S::kConfirmed || status == S::kCheckedIn;
}

bool releases_place(BookingAction action) {
  return action == A::kCancel || action == A::kReschedule;
}

BookingStatus initial_status(std::string_view channel,
                             const std::set<std::string>& confirm_channels) {
  return confirm_channels.count(std::string(channel)) > 0 ? S::kRequested : S::kConfirmed;
}

std::string_view to_string(BookingStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "unknown";
}

std::optional<BookingStatus> parse_status(std::string_view text) {
  for (const auto& [s, name] : kStatusNames) {
    if (name == text) return s;
  }
  return std::nullopt;
}

std::string_view to_string(BookingAction action) {
  switch (action) {
    case A::kConfirm:
      return "confirm";
    case A::kCheckIn:
      return "check_in";
    case A::kComplete:
      return "complete";
    case A::kCancel:
      return "cancel";
    case A::kNoShow:
      return "no_show";
    case A::kReschedule:
      return "reschedule";
  }
  return "unknown";
}

}  // namespace hisx::appointments
