#pragma once

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hisx/database.h"
#include "hisx/notifier.h"

namespace hisx::host {

using TimePoint = std::chrono::system_clock::time_point;

/// `t` as UTC ISO-8601 text with milliseconds, "2024-05-01T03:04:05.678Z": fixed width, so
/// that text order is time order on every backend.
std::string utc_text(TimePoint t);

/// One row of `hisx_host_notifications`.
struct Notification {
  std::string id;
  std::string channel;
  std::string to;
  std::string subject;
  std::string text;
  Poco::JSON::Object::Ptr data;  ///< Null when the message had none.
  std::string state;             ///< queued | sending | sent | failed
  int attempts = 0;              ///< Attempts started so far.
  std::string next_attempt_at;   ///< When it is due (queued), UTC text.
  std::string last_error;        ///< Why the last attempt failed; empty when none did.
  std::string created_at;        ///< When it was queued, UTC text.
  std::string sent_at;           ///< When it was sent, UTC text; empty until then.
};

/// What GET /api/v1/host/notifications filters on.
struct NotificationFilter {
  std::string state;    ///< Empty: any.
  std::string channel;  ///< Empty: any.
  int limit = 50;       ///< Newest first, at most this many.
};

/// The outbox of messages, `hisx_host_notifications` in the store database. Every state
/// change is one conditional UPDATE, so that several hosts sharing the database never
/// deliver one message at the same time: a host claims a message (state sending, with its
/// name and a lease end) only if it is still due, and records the outcome only while it
/// still holds the claim.
class NotificationStore {
 public:
  explicit NotificationStore(sdk::Database& store);

  /// Queues `message` on `tx` (a transaction on the store database), due at `now`. Returns
  /// the new id, or the id of the message already queued with the same dedupe key.
  std::string insert(soci::session& tx, const sdk::Message& message, TimePoint now);

  /// The message with `id`, if any.
  std::optional<Notification> find(const std::string& id) const;
  /// The files queued with message `id`, in order.
  std::vector<sdk::Attachment> attachments(const std::string& id) const;
  /// Messages matching `filter`, newest first.
  std::vector<Notification> list(const NotificationFilter& filter) const;
  /// How many messages are in each state (states with none are absent).
  std::map<std::string, long long> count_by_state() const;

  /// Fails messages whose sender stopped (its lease ran out) during their last allowed
  /// attempt. Returns how many.
  int fail_abandoned(TimePoint now, int max_attempts);
  /// Claims up to `limit` due messages for `owner` until `lease_end`: queued ones whose time
  /// has come, and ones whose previous sender's lease ran out. Each claim counts as an
  /// attempt. Returns the claimed messages (attempts already incremented).
  std::vector<Notification> claim_due(const std::string& owner, TimePoint now, TimePoint lease_end,
                                      int limit, int max_attempts);

  /// Records the outcome of a claimed message; false when `owner` no longer holds the claim
  /// (its lease ran out and another host took the message over).
  bool mark_sent(const std::string& id, const std::string& owner, TimePoint now);
  bool mark_failed(const std::string& id, const std::string& owner, const std::string& reason);
  bool mark_retry(const std::string& id, const std::string& owner, const std::string& reason,
                  TimePoint next_attempt);
  /// Hands a claimed message back unsent (the host is stopping): queued again, due at once,
  /// and the claim's attempt is not counted.
  bool release(const std::string& id, const std::string& owner);

 private:
  sdk::Database& store_;
};

}  // namespace hisx::host
