#pragma once

#include <Poco/JSON/Object.h>
#include <soci/soci.h>

#include <chrono>
#include <functional>
#include <string>

#include "hisx/event_schemas.h"
#include "hisx/export.h"

namespace hisx::sdk {

/// A domain event, as delivered to subscribers. The standard events and their payloads are
/// declared in hisx/event_schemas.h and listed in docs/events.md.
struct Event {
  std::string id;                   ///< Unique id (UUID), the same for every delivery attempt.
  std::string name;                 ///< e.g. "appointment.checked_in".
  std::string source;               ///< The plugin that published it ("host" for the host).
  Poco::JSON::Object::Ptr payload;  ///< The event's data.
  std::chrono::system_clock::time_point occurred_at;  ///< When it was published (UTC).
  /// The version of the declaration the payload was checked against when it was published.
  /// Retained history may hand a subscriber older versions than the current declaration.
  int version = 1;
};

/// Handles one event. `store_tx` is an open transaction on the store database in which the
/// host also records that this subscriber has seen the event: write your own changes through
/// it and they commit together with that record, so a redelivered event is skipped and your
/// changes are applied exactly once. Throwing rolls both back; the event is retried later
/// with backoff. Never commit, roll back or begin a transaction on `store_tx`, and never lease
/// a second session of its pool while it is open: reach the HIS with
/// `context.his().session_beside(store_tx, context.store())` (hisx/database.h).
using EventHandler = std::function<void(const Event& event, soci::session& store_tx)>;

/// Which events a subscriber receives when it is registered for the first time.
enum class History {
  /// The events published from its first registration on (the default).
  kFromFirstRegistration,
  /// Also every event of its name still retained in the outbox (`events.retention`): what a
  /// plugin that builds its state from events (reports) needs when it is enabled late.
  kRetained,
};

/// How subscribe() registers a subscriber.
struct SubscribeOptions {
  /// Applies to the first registration only (or to one that moves the subscriber to another
  /// event name); afterwards the subscriber's recorded start stands. EventBus::replay()
  /// rebuilds from the retained history at any time.
  History history = History::kFromFirstRegistration;
};

/// Publish/subscribe between plugins, through a transactional outbox in the store database.
/// Plugins cooperate through events without knowing each other.
class HISX_SDK_API EventBus {
 public:
  virtual ~EventBus();

  /// Writes the event into the outbox using `store_tx`, a session on the store database inside
  /// the caller's transaction: the event exists exactly when the caller's change commits. It is
  /// delivered after the commit, at least once, to every subscriber of `name`, also after a
  /// crash and restart. Returns the event id. Throws std::invalid_argument, before writing
  /// anything, when `name` is neither a standard event nor one this plugin declared, or when
  /// `payload` does not match the declaration (the message names the event, its version and
  /// the field, see check_payload()).
  virtual std::string publish(soci::session& store_tx, const std::string& name,
                              Poco::JSON::Object::Ptr payload) = 0;

  /// Subscribes `subscriber` (a stable name unique in the host, starting with the plugin's
  /// name and a dot, e.g. "fast_lane.enqueue") to events named `name`. Call during start().
  /// Each event published since the subscriber's first registration (with History::kRetained:
  /// each retained one) is handled once per subscriber. `name` need not be declared: its
  /// publisher may be a plugin that is not enabled. Throws std::invalid_argument for a
  /// malformed or taken subscriber name.
  virtual void subscribe(const std::string& name, const std::string& subscriber,
                         EventHandler handler, SubscribeOptions options) = 0;
  /// subscribe() with the default options.
  void subscribe(const std::string& name, const std::string& subscriber, EventHandler handler) {
    subscribe(name, subscriber, std::move(handler), SubscribeOptions{});
  }

  /// Declares an event of this plugin, named "<plugin>.<what>", so that it may publish it
  /// (the standard events are declared already and cannot be declared again). Call in start()
  /// before publishing it. Throws std::invalid_argument for a schema check_schema() refuses, a
  /// name outside the plugin's prefix, a standard name, or one another plugin declared.
  virtual void declare(const EventSchema& schema) = 0;

  /// Makes every retained event of the subscriber's name due again for `subscriber` (one of
  /// this plugin's): its delivery records and failures are deleted and its start is set to the
  /// oldest event, in the caller's transaction `store_tx` — empty the tables the subscriber
  /// builds in the same transaction, and the rebuild is exact. Returns the events now due.
  /// Throws std::invalid_argument when no such subscriber is recorded.
  virtual long long replay(soci::session& store_tx, const std::string& subscriber) = 0;
};

}  // namespace hisx::sdk
