#pragma once

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include <chrono>
#include <functional>
#include <string>

#include "hisx/export.h"

namespace hisx::sdk {

/// A domain event, as delivered to subscribers. Names and payloads of the standard events
/// are documented in hisx/event_names.h.
struct Event {
  std::string id;                   ///< Unique id (UUID), the same for every delivery attempt.
  std::string name;                 ///< e.g. "appointment.checked_in".
  std::string source;               ///< The plugin that published it ("host" for the host).
  Poco::JSON::Object::Ptr payload;  ///< The event's data.
  std::chrono::system_clock::time_point occurred_at;  ///< When it was published (UTC).
};

/// Handles one event. `store_tx` is an open transaction on the store database in which the
/// host also records that this subscriber has seen the event: write your own changes through
/// it and they commit together with that record, so a redelivered event is skipped and your
/// changes are applied exactly once. Throwing rolls both back; the event is retried later
/// with backoff. Never commit, roll back or begin a transaction on `store_tx`, and never lease
/// a second session of its pool while it is open: reach the HIS with
/// `context.his().session_beside(store_tx, context.store())` (hisx/database.h).
using EventHandler = std::function<void(const Event& event, soci::session& store_tx)>;

/// Publish/subscribe between plugins, through a transactional outbox in the store database.
/// Plugins cooperate through events without knowing each other.
class HISX_SDK_API EventBus {
 public:
  virtual ~EventBus();

  /// Writes the event into the outbox using `store_tx`, a session on the store database inside
  /// the caller's transaction: the event exists exactly when the caller's change commits. It is
  /// delivered after the commit, at least once, to every subscriber of `name`, also after a
  /// crash and restart. Returns the event id.
  virtual std::string publish(soci::session& store_tx, const std::string& name,
                              Poco::JSON::Object::Ptr payload) = 0;

  /// Subscribes `subscriber` (a stable name unique in the host, starting with the plugin's
  /// name and a dot, e.g. "fast_lane.enqueue") to events named `name`. Call during start().
  /// Each event published since the subscriber's first registration is handled once per
  /// subscriber. Throws std::invalid_argument for a malformed or taken subscriber name.
  virtual void subscribe(const std::string& name, const std::string& subscriber,
                         EventHandler handler) = 0;
};

}  // namespace hisx::sdk
