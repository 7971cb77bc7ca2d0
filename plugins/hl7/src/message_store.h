#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace hisx::hl7 {

/// One row of hisx_hl7_messages: an outgoing SIU message and where it stands.
struct StoredMessage {
  long long id = 0;
  std::string event_id;
  std::string event_name;
  std::string trigger;  ///< S12, S13, S15, S26.
  std::string control_id;
  long long booking_id = 0;
  std::string booking_code;
  std::string patient_id;
  std::string start_at;  ///< UTC, "" when unknown.
  std::string message;
  std::string state;  ///< queued, sent, acked, retrying, failed.
  int attempts = 0;
  std::string ack_code;
  std::string last_error;
  std::string created_at;
  std::string next_attempt_at;
  std::string last_attempt_at;
  std::string acked_at;
};

/// Queues `m` (state queued, due at once) unless a message of its event is queued already;
/// returns whether it was added.
bool insert_message(soci::session& s, const StoredMessage& m);

/// The start (UTC) of booking `booking_id` as its latest message carrying one says, or "".
std::string last_known_start(soci::session& s, long long booking_id);

/// Messages due at `now_utc` (queued, retrying, or sent without an answer before a crash),
/// oldest first, each only when every earlier message of its patient is acknowledged.
std::vector<StoredMessage> list_due(soci::session& s, const std::string& now_utc, int limit);

/// Messages newest first, of `state` when not "", with ids below `before_id` when > 0.
std::vector<StoredMessage> list_messages(soci::session& s, const std::string& state,
                                         long long before_id, int limit);

/// Counts of messages by state.
std::vector<std::pair<std::string, long long>> count_by_state(soci::session& s);

/// The message `id`, or nothing.
std::optional<StoredMessage> find_message(soci::session& s, long long id);

/// The earliest unacknowledged message of `patient_id` before message `id`, or nothing: what
/// a queued message waits for.
std::optional<long long> blocking_message(soci::session& s, const std::string& patient_id,
                                          long long id);

/// An attempt begins: state sent, attempts + 1, due again at `next_utc` should no answer be
/// recorded (the host died while waiting). Claims the message: false when another sender
/// changed it since it was listed with `attempts` attempts (it is then not sent here).
bool mark_sending(soci::session& s, long long id, int attempts, const std::string& now_utc,
                  const std::string& next_utc);

/// The receiver accepted it.
void mark_acked(soci::session& s, long long id, const std::string& ack_code,
                const std::string& now_utc);

/// The attempt failed: `state` retrying (due at `next_utc`) or failed.
void mark_failed_attempt(soci::session& s, long long id, const std::string& state,
                         const std::string& ack_code, const std::string& error,
                         const std::string& next_utc);

/// A retry by hand: an unacknowledged message becomes due at `now_utc` (a failed one
/// retrying). Returns false when it is acknowledged already.
bool make_due_now(soci::session& s, long long id, const std::string& now_utc);

}  // namespace hisx::hl7
