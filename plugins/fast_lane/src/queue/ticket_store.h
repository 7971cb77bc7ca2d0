#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "queue/queue_order_rules.h"
#include "queue/ticket_group_rules.h"

// The tickets of the queue and the per-day counters (hisx_fast_lane_tickets, _counters,
// _calls). Thin SQL; the order is decided by queue_order_rules.h.

namespace hisx::fast_lane {

/// A ticket as stored.
struct Ticket {
  long long id = 0;
  std::string day;    ///< The local day it was issued on.
  std::string label;  ///< "U003".
  Lane lane = Lane::kRegular;
  std::string priority_group;  ///< "" for a regular ticket.
  int priority = 0;
  std::string source;  ///< checkin, desk, kiosk.
  std::string patient_id;
  std::optional<long long> booking_id;
  std::string booking_code;
  std::string status;  ///< waiting, called, served, no_show.
  long long returns_at_call = 0;
  std::string window_code;  ///< The window that called it last ("" before any call).
  std::string issued_at, issued_by, called_at, last_called_at, ended_at, ended_by;
  int calls = 0, recalls = 0, skips = 0, transfers = 0;
};

/// A ticket to issue.
struct NewTicket {
  std::string day;
  Lane lane = Lane::kRegular;
  std::string prefix;  ///< The lane's letters (settings).
  std::string priority_group;
  int priority = 0;
  std::string source;
  std::string patient_id;
  std::optional<long long> booking_id;
  std::string booking_code;
  std::string at, by;
};

/// Issues a ticket in `tx`: the lane's next number of the day, kept by the counter row.
/// Nothing when the booking already has a ticket (a redelivered check-in).
std::optional<Ticket> insert_ticket(soci::session& tx, const NewTicket& in);

std::optional<Ticket> find_ticket(soci::session& s, long long id);
std::optional<Ticket> find_ticket_by_booking(soci::session& s, long long booking_id);
/// The ticket a window has called and not ended, if any.
std::optional<Ticket> ticket_at_window(soci::session& s, const std::string& window_code);
/// The tickets of `day`, in the order issued; only those of `status` unless it is "".
std::vector<Ticket> tickets_of_day(soci::session& s, const std::string& day,
                                   const std::string& status = "");
/// The waiting tickets of a lane on `day`, as the order needs them.
std::vector<QueueEntry> waiting_entries(soci::session& s, const std::string& day, Lane lane);
/// The calls made in a lane on `day` so far.
long long lane_calls(soci::session& s, const std::string& day, Lane lane);
/// Locks the call counters of both lanes of `day` until `tx` ends, the fast lane's first (one
/// order for every caller, so that no two wait on each other): the calls of a day are made one
/// at a time, each after reading what the call before it claimed.
void lock_lanes(soci::session& tx, const std::string& day);
/// Counts one more call in the lane on `day` (in `tx`); returns the new count.
long long count_lane_call(soci::session& tx, const std::string& day, Lane lane);

/// waiting → called at `window`: true when this transaction claimed it, false when it was no
/// longer waiting (another window called it first).
bool claim_ticket(soci::session& tx, long long id, const std::string& window,
                  const std::string& at);
/// Records a call or recall of `ticket_id` at `window` for the board; returns the call's id.
long long record_call(soci::session& tx, long long ticket_id, const std::string& window,
                      bool recall, const std::string& at, const std::string& by);
/// A recall of the called ticket `id`: its count and time.
void mark_recalled(soci::session& tx, long long id, const std::string& at);
/// called → waiting, held back until the lane's calls reach `returns_at_call`. False when it
/// was not called.
bool mark_skipped(soci::session& tx, long long id, long long returns_at_call);
/// waiting or called → waiting in `lane` with `group` and `priority`. False when it was
/// neither.
bool mark_transferred(soci::session& tx, long long id, Lane lane, const std::string& group,
                      int priority);
/// called → served, or waiting/called → no_show (`status`), by `by` at `at`. False when the
/// ticket was not in a state that allows it.
bool mark_ended(soci::session& tx, long long id, const std::string& status, const std::string& at,
                const std::string& by);

/// One call shown on the board.
struct CallRecord {
  long long id = 0;
  long long ticket_id = 0;
  std::string label;
  Lane lane = Lane::kRegular;
  std::string window_code;
  bool recall = false;
  std::string called_at;
};
/// The latest `limit` calls of `day`, newest first.
std::vector<CallRecord> latest_calls(soci::session& s, const std::string& day, int limit);

}  // namespace hisx::fast_lane
