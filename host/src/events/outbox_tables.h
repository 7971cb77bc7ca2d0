#pragma once

#include <soci/soci.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace hisx::host {

/// One row of hisx_host_outbox, as stored (times and payload as text).
struct OutboxRow {
  std::string id;           ///< UUID.
  std::string name;         ///< e.g. "appointment.booked".
  std::string source;       ///< The plugin that published it, or "host".
  std::string payload;      ///< JSON object text.
  std::string occurred_at;  ///< format_event_time().
  int version = 1;          ///< The version of the event's declaration.
};

/// A subscriber as recorded in hisx_host_event_subscribers.
struct SubscriberRow {
  std::string subscriber;
  std::string event_name;
  std::string since;  ///< First registration; older events are not delivered to it.
};

/// An (event, subscriber) pair that failed, from hisx_host_event_failures.
struct FailureRow {
  std::string event_id;
  std::string event_name;
  std::string subscriber;
  int attempts = 0;
  std::string last_error;
  std::string failed_at;
  std::string next_attempt_at;
  std::string dead_at;  ///< Empty while it is retried; set once it is a dead letter.
};

/// What record_failure() decided.
struct FailureOutcome {
  int attempts = 0;   ///< Failed attempts so far, this one included.
  bool dead = false;  ///< No further attempt: a dead letter.
  std::string next_attempt_at;
};

/// The SQL of the outbox tables (events_migrations.h). Every function runs on the session it
/// is given, inside the caller's transaction if one is open; times are format_event_time()
/// text.
class OutboxTables {
 public:
  /// `backend`: "sqlite3", "postgresql", "mysql" or "odbc".
  explicit OutboxTables(std::string backend);

  void insert_event(soci::session& s, const OutboxRow& row) const;

  /// Records `subscriber` for `event_name` with since = `start` unless already recorded for
  /// that name; returns the recorded since. A subscriber moved to another event name starts
  /// afresh from `start`.
  std::string register_subscriber(soci::session& s, const std::string& subscriber,
                                  const std::string& event_name, const std::string& start) const;

  /// Up to `limit` events named `event_name` that occurred at or after the subscriber's
  /// recorded since (read here, so that a replay from any host counts at once), that
  /// `subscriber` has not handled, is not waiting to retry at `now` and has not given up on;
  /// in outbox order. None when the subscriber is not recorded.
  std::vector<OutboxRow> pending(soci::session& s, const std::string& subscriber,
                                 const std::string& event_name, const std::string& now,
                                 int limit) const;

  /// Sets the since of `subscriber` to `beginning` and deletes its delivery records and
  /// failures: every retained event of its name is due again for it. Returns those events,
  /// or nothing when the subscriber is not recorded.
  std::optional<long long> replay(soci::session& s, const std::string& subscriber,
                                  const std::string& beginning) const;

  /// Inserts the (event, subscriber) delivery row; false when it is there already, i.e.
  /// another delivery of this pair committed first. Call inside the delivery transaction.
  bool claim(soci::session& s, const std::string& event_id, const std::string& subscriber,
             const std::string& now) const;
  /// True when the delivery row of the pair is visible on `s`.
  bool claimed(soci::session& s, const std::string& event_id, const std::string& subscriber) const;
  /// Deletes the delivery row of the pair (after the handler failed).
  void unclaim(soci::session& s, const std::string& event_id, const std::string& subscriber) const;

  /// Counts one more failed attempt of the pair: the next one waits retry_delay(); after
  /// `max_attempts` the pair is a dead letter.
  FailureOutcome record_failure(soci::session& s, const std::string& event_id,
                                const std::string& subscriber, const std::string& error,
                                std::chrono::system_clock::time_point now, int max_attempts,
                                std::chrono::milliseconds backoff_base,
                                std::chrono::milliseconds backoff_max) const;
  /// Forgets the failures of the pair (after it succeeded).
  void clear_failure(soci::session& s, const std::string& event_id,
                     const std::string& subscriber) const;
  /// Makes a failed or dead pair due at `now` with its attempts reset; false when the pair
  /// has no failure recorded.
  bool retry(soci::session& s, const std::string& event_id, const std::string& subscriber,
             const std::string& now) const;

  /// (event, recorded subscriber) pairs neither handled nor dead, over the whole database.
  long long backlog(soci::session& s) const;
  /// Pairs that are dead letters.
  long long dead_letters(soci::session& s) const;
  /// Failed pairs, dead letters first, then by next attempt; at most `limit`.
  std::vector<FailureRow> failures(soci::session& s, int limit) const;
  /// Every recorded subscriber, by name.
  std::vector<SubscriberRow> subscribers(soci::session& s) const;

  /// The distinct names of the events in the outbox.
  std::vector<std::string> event_names(soci::session& s) const;
  /// Deletes the events named `name` that occurred before `cutoff` and that every subscriber
  /// recorded for their name (since before the event) has handled. Returns the events
  /// deleted; purge_orphans() then deletes their delivery and failure rows.
  long long purge(soci::session& s, const std::string& name, const std::string& cutoff) const;
  /// Deletes the delivery and failure rows whose event is gone.
  void purge_orphans(soci::session& s) const;

 private:
  std::string backend_;
};

}  // namespace hisx::host
