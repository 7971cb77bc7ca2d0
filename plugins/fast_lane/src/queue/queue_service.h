#pragma once

#include <optional>
#include <string>

#include "environment.h"
#include "hisx/http.h"
#include "queue/ticket_store.h"
#include "queue/window_store.h"

// The queue's operations, each one store transaction with its events through the outbox:
// issuing a ticket, a window calling the next one, recall, skip, transfer, served, no-show.

namespace hisx::fast_lane {

/// A ticket asked for at a desk or kiosk.
struct TicketRequest {
  std::optional<Lane> lane;    ///< Nothing: the fast lane with a group, the regular without.
  std::string priority_group;  ///< "" for none.
  std::string patient_id;      ///< "" for none; required for the age groups.
  std::string patient_code;    ///< The patient's HIS code instead of the id (a kiosk).
  std::string source;          ///< desk or kiosk.
};

/// Issues a ticket (201): checks the group (allowed by the settings, the age groups against
/// the HIS birth date) and the patient, then numbers it in the lane. 422 naming the field.
Ticket issue_ticket(Environment& env, const sdk::Principal& who, const TicketRequest& request);

/// Issues the fast-lane ticket of a checked-in booking (appointment.checked_in) in the event
/// handler's transaction, when its channel or priority qualifies; nothing for a booking that
/// has one already or a check-in of another day.
void issue_checkin_ticket(Environment& env, soci::session& store_tx,
                          const Poco::JSON::Object::Ptr& payload, const std::string& occurred_at);

/// What a call of the next ticket did.
struct NextResult {
  Window window;
  std::optional<Ticket> served;  ///< The ticket that was at the window, now served.
  std::optional<Ticket> called;  ///< The ticket called; nothing when none waits.
};

/// Ends the window's current ticket as served and calls the next one its lanes offer. The
/// ticket is claimed with a conditional update: two windows calling at once never get the
/// same ticket. 404 for an unknown window, 409 for a closed one.
NextResult call_next(Environment& env, const sdk::Principal& who, const std::string& window_code);

/// A ticket operation at the window.
enum class TicketAction { kRecall, kSkip, kTransfer, kServe, kNoShow };

/// Applies `action` to ticket `id` (404 unknown, 409 naming its status when the action does
/// not apply). For kTransfer, `lane` and `group` say where it goes.
Ticket act_on_ticket(Environment& env, const sdk::Principal& who, long long id, TicketAction action,
                     std::optional<Lane> lane = std::nullopt, const std::string& group = "");

/// How many tickets are called before ticket `t` in its lane now (0 unless it waits).
int people_ahead(Environment& env, soci::session& s, const Ticket& t);

}  // namespace hisx::fast_lane
