#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sdk_time.h"

namespace hisx::appointments {

/// The call-centre worklist (W3): whom to phone on a day, in which order, and what a call's
/// outcome does. The rules, as a two-person booking consultation team works:
///
/// **What is on the list** for local day D (as of the reference instant: now for today, local
/// midnight of D for another day):
///  - bookings awaiting confirmation (status requested) whose slot starts after the reference;
///  - re-examination dues of active orders, status open, whose window has started (window_start
///    ≤ D), overdue ones included (window_end < D): those patients most need the call.
///
/// **Outcomes** of a call, and what they do (the latest attempt decides):
///  - `confirmed`: a booking is confirmed (requested → confirmed) in the same transaction; for
///    a due it records that the agent booked it through the re-examination route (the due must
///    be booked already). Either way the item leaves the list.
///  - `declined`: a booking is cancelled with reason kDeclinedReason (its place is freed); a due
///    leaves the list for good (the doctor's order itself is not changed here).
///  - `wrong_number`: off the list for the rest of the day it was logged (back the next day,
///    when the HIS may hold a corrected number).
///  - `no_answer`: stays, after the items not yet called that day (oldest attempt first); after
///    kMaxNoAnswersPerDay unanswered calls on one day it leaves the list for that day.
///  - `call_back_at` (time required, in the future): the item waits, greyed, at the end of the
///    list until that time; then it comes first.
/// No other outcome takes a call-back time.
///
/// **Order** (most urgent first): call-backs that are due (earliest time first), bookings
/// awaiting confirmation (slot starting soonest first), re-examination dues (window ending
/// soonest first, overdue before due), no-answer retries (called longest ago first), waiting
/// call-backs (earliest first). Ties: bookings before dues, then by id.

/// What a call about a worklist item ended with.
enum class CallOutcome { kConfirmed, kNoAnswer, kWrongNumber, kDeclined, kCallBackAt };

/// "confirmed", "no_answer", "wrong_number", "declined", "call_back_at".
std::string_view to_string(CallOutcome outcome);
/// The outcome named `text`, if any.
std::optional<CallOutcome> parse_outcome(std::string_view text);

/// The cancel reason of a booking the patient declined on the phone.
inline constexpr std::string_view kDeclinedReason =
    "Bệnh nhân từ chối qua điện thoại / patient declined by phone";

/// Unanswered calls on one day after which an item leaves that day's list.
inline constexpr int kMaxNoAnswersPerDay = 3;

/// Why an attempt's call-back time is refused (kNone: it is fine).
enum class CallBackProblem { kNone, kRequired, kNotAllowed, kNotInFuture };

/// Checks `call_back_at` against `outcome`: required (and after `now`) for call_back_at,
/// absent for every other outcome.
CallBackProblem check_call_back(CallOutcome outcome, const std::optional<Instant>& call_back_at,
                                Instant now);

/// A call-back time as the API accepts it: "YYYY-MM-DDTHH:MM[:SS]" followed by "Z", an offset
/// "+07:00", or nothing (then the hospital's wall clock in `zone`). Nothing for other text.
std::optional<Instant> parse_call_back_time(std::string_view text, const TimeZone& zone);

/// What a worklist item is about.
enum class WorkKind { kBooking, kReexam };

/// "booking" or "reexam".
std::string_view to_string(WorkKind kind);

/// What an outcome does to the item's booking: nothing, confirm it, or cancel it.
enum class BookingEffect { kNone, kConfirm, kCancel };

/// The effect of `outcome` on the booking of a `kind` item (dues: always kNone).
BookingEffect booking_effect(WorkKind kind, CallOutcome outcome);

/// One earlier call, as the ordering needs it.
struct AttemptFact {
  long long id = 0;
  Instant at{};
  CallOutcome outcome = CallOutcome::kNoAnswer;
  std::optional<Instant> call_back_at;
};

/// A candidate for the list: a booking awaiting confirmation or an open due, with its calls.
struct WorkItemFacts {
  WorkKind kind = WorkKind::kBooking;
  long long id = 0;                   ///< Booking id or due id.
  Instant slot_start{};               ///< Bookings: when the slot starts.
  LocalDate window_end{};             ///< Dues: the last day of the window.
  std::vector<AttemptFact> attempts;  ///< In any order.
};

/// Why an item is where it is, most urgent first (the order of the groups on the list).
enum class Urgency {
  kCallBackDue,
  kAwaitingConfirmation,
  kReexamOverdue,
  kReexamDue,
  kNoAnswerRetry,
  kCallBackLater,
};

/// "call_back_due", "awaiting_confirmation", "reexam_overdue", "reexam_due", "no_answer_retry",
/// "call_back_later".
std::string_view to_string(Urgency urgency);

/// True for items shown greyed: waiting for a call-back time.
bool is_waiting(Urgency urgency);

/// Where `item` goes on the list of local day `day` as of `reference`, or nothing when it is
/// off the list (see the rules above).
std::optional<Urgency> urgency_of(const WorkItemFacts& item, LocalDate day, Instant reference,
                                  const TimeZone& zone);

/// An item placed on the list: its index in the input and its urgency.
struct RankedItem {
  std::size_t index = 0;
  Urgency urgency = Urgency::kAwaitingConfirmation;
};

/// The items on the list of `day`, most urgent first.
std::vector<RankedItem> order_worklist(const std::vector<WorkItemFacts>& items, LocalDate day,
                                       Instant reference, const TimeZone& zone);

}  // namespace hisx::appointments
