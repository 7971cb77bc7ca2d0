#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "events/event_catalog.h"
#include "events/events_config.h"
#include "events/outbox_tables.h"
#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/events.h"

namespace hisx::host {

/// The host's event bus: a transactional outbox in the store database (events_migrations.h).
///
/// publish() writes the event in the caller's transaction. Each subscription has a delivery
/// worker of its own (start()), so a slow or failing subscriber never delays the others; it
/// polls the outbox and hands each event of its name to its handler in a transaction of its
/// own, in which the pair (event, subscriber) is recorded first: the handler's writes and
/// that record commit together (exactly-once effects), a redelivered pair is skipped, a
/// failing handler is rolled back and retried with backoff until it becomes a dead letter.
/// Several hosts may share one PostgreSQL: a subscriber is served by one host at a time
/// (advisory lock) and the record's primary key decides the rest. Every publish is checked
/// against its declaration (EventCatalog) before anything is written. docs/events.md.
class OutboxEventBus : public sdk::EventBus {
 public:
  /// `store` and `clock` must outlive the bus.
  OutboxEventBus(sdk::Database& store, const sdk::Clock& clock, EventsConfig config);
  /// Stops the worker.
  ~OutboxEventBus() override;
  OutboxEventBus(const OutboxEventBus&) = delete;
  OutboxEventBus& operator=(const OutboxEventBus&) = delete;

  using sdk::EventBus::subscribe;

  /// Publishes with source "host".
  std::string publish(soci::session& store_tx, const std::string& name,
                      Poco::JSON::Object::Ptr payload) override;
  /// Publishes on behalf of `source` (a plugin's name). Throws std::invalid_argument, before
  /// writing anything, for an empty or malformed name ([a-z0-9_.], at most 200 characters),
  /// a name that is not declared (or that another plugin declared), or a payload that does
  /// not match its declaration (EventCatalog::check_publish()).
  std::string publish_from(const std::string& source, soci::session& store_tx,
                           const std::string& name, Poco::JSON::Object::Ptr payload);
  /// Registers `handler` and records the subscriber (with the time of its first
  /// registration, or the beginning with History::kRetained) in the store. Throws
  /// std::invalid_argument for a malformed or empty name, subscriber or handler, or a
  /// subscriber already subscribed in this host.
  void subscribe(const std::string& name, const std::string& subscriber, sdk::EventHandler handler,
                 sdk::SubscribeOptions options) override;
  /// Declares an event owned by the host.
  void declare(const sdk::EventSchema& schema) override;
  /// Declares an event owned by `owner` (a plugin's name; PluginEventBus checks the prefix).
  void declare_from(const std::string& owner, const sdk::EventSchema& schema);
  /// Makes every retained event of the subscriber's name due again for it, in `store_tx`.
  /// Throws std::invalid_argument when the subscriber is not recorded.
  long long replay(soci::session& store_tx, const std::string& subscriber) override;
  /// replay() in a transaction of its own; nothing when the subscriber is not recorded.
  std::optional<long long> replay(const std::string& subscriber);
  /// The declarations publishes are checked against.
  const EventCatalog& catalog() const { return catalog_; }
  /// Removes the subscription of `subscriber` from this host, after its running handler (if
  /// any) returned. Its record stays: events keep waiting for it.
  void unsubscribe(const std::string& subscriber);

  /// One delivery pass: every subscription of this host, up to batch_size events each.
  /// Returns the handler runs that committed. The worker calls it; tests call it directly.
  /// Database errors are logged and end the pass for that subscriber.
  int deliver_pending();
  /// Starts the delivery workers, one per subscription, also for subscriptions made later
  /// (each polls every poll_interval), and a housekeeping worker that deletes old delivered
  /// events hourly; does nothing when delivery_paused. Idempotent. Throws ConfigError for
  /// an `events.retention` name that is neither standard nor declared (check_retention()).
  void start();
  /// Throws ConfigError naming the file and the key for an `events.retention` entry whose
  /// event no plugin declared (the standard names were checked when the file was read).
  void check_retention() const;
  /// Stops every worker after its current handler returns. Idempotent.
  void stop();
  /// True while the workers run.
  bool delivering();

  /// Deletes old fully handled events now (events.retention per name, else retention_days);
  /// returns how many.
  long long purge();
  /// Undelivered (event, subscriber) pairs over the whole database, dead letters aside.
  long long backlog();
  /// (event, subscriber) pairs given up on after max_attempts.
  long long dead_letters();
  /// Failed pairs, dead letters first.
  std::vector<FailureRow> failures(int limit = 100);
  /// Every subscriber recorded in the store (also those of other hosts or disabled plugins).
  std::vector<SubscriberRow> subscribers();
  /// Makes a failed or dead pair due again with its attempts reset; false if unknown.
  bool retry(const std::string& event_id, const std::string& subscriber);

  const EventsConfig& config() const { return config_; }

 private:
  struct Subscription {
    std::string name;
    std::string subscriber;
    std::string since;  // At registration, for the log; deliveries read the recorded one.
    sdk::EventHandler handler;
    std::mutex running;  // Held while its handler runs; unsubscribe() waits on it.
    bool active = true;  // Guarded by `running`.
    std::thread worker;  // Its delivery worker while the bus delivers (worker_mutex_).
    std::atomic<bool> leaving{false};  // Set by unsubscribe(): its worker ends.
  };

  int deliver_to(Subscription& sub);
  bool deliver_one(soci::session& s, Subscription& sub, const OutboxRow& row);
  void fail_one(soci::session& s, Subscription& sub, const OutboxRow& row,
                const std::string& error);
  void run_housekeeping();
  void run_subscription(const std::shared_ptr<Subscription>& sub);
  void start_worker(const std::shared_ptr<Subscription>& sub);  // worker_mutex_ held
  void report_pass_error(const std::string& message);

  sdk::Database& store_;
  const sdk::Clock& clock_;
  EventsConfig config_;
  OutboxTables tables_;
  EventCatalog catalog_;

  std::mutex subscriptions_mutex_;
  std::map<std::string, std::shared_ptr<Subscription>> subscriptions_;

  std::mutex worker_mutex_;  // Guards the workers and wakes them.
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};
  std::thread worker_;  // Housekeeping: deletes old events.

  std::mutex pass_error_mutex_;
  std::string last_pass_error_;
  std::chrono::steady_clock::time_point last_pass_error_at_{};
};

}  // namespace hisx::host
