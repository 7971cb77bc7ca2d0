#include "events/outbox_event_bus.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/UUIDGenerator.h>

#include <sstream>
#include <stdexcept>

#include "config/config.h"
#include "events/event_time.h"
#include "events/subscriber_lock.h"

namespace hisx::host {

namespace {

constexpr const char* kSavepoint = "SAVEPOINT hisx_event_handler";
constexpr const char* kRollbackToSavepoint = "ROLLBACK TO SAVEPOINT hisx_event_handler";
constexpr auto kPurgeEvery = std::chrono::hours(1);
// The since of a subscriber that receives the retained history: before every event.
constexpr const char* kBeginning = "1970-01-01T00:00:00.000000Z";

Poco::Logger& log() { return Poco::Logger::get("hisx.events"); }

// Event and subscriber names: lower-case words joined by '.' or '_', as in event_names.h.
void check_name(const std::string& what, const std::string& value) {
  bool ok = !value.empty() && value.size() <= 200;
  for (char c : value) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.');
  }
  if (!ok) {
    throw std::invalid_argument(what + " '" + value +
                                "' is not valid: use 1 to 200 characters a-z, 0-9, '_' and '.'");
  }
}

void rollback_quietly(soci::session& s) {
  try {
    s.rollback();
  } catch (...) {
    // The connection may be gone; the server then rolls back by itself.
  }
}

sdk::Event to_event(const OutboxRow& row) {
  sdk::Event e;
  e.id = row.id;
  e.name = row.name;
  e.source = row.source;
  Poco::JSON::Parser parser;
  e.payload = parser.parse(row.payload).extract<Poco::JSON::Object::Ptr>();
  e.occurred_at = parse_event_time(row.occurred_at);
  e.version = row.version;
  return e;
}

}  // namespace

OutboxEventBus::OutboxEventBus(sdk::Database& store, const sdk::Clock& clock, EventsConfig config)
    : store_(store), clock_(clock), config_(config), tables_(store.backend()) {}

OutboxEventBus::~OutboxEventBus() { stop(); }

std::string OutboxEventBus::publish(soci::session& store_tx, const std::string& name,
                                    Poco::JSON::Object::Ptr payload) {
  return publish_from("host", store_tx, name, std::move(payload));
}

std::string OutboxEventBus::publish_from(const std::string& source, soci::session& store_tx,
                                         const std::string& name, Poco::JSON::Object::Ptr payload) {
  check_name("event name", name);
  OutboxRow row;
  row.version = catalog_.check_publish(source, name, payload);
  row.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  row.name = name;
  row.source = source;
  std::ostringstream json;
  if (payload) {
    payload->stringify(json);
  } else {
    json << "{}";
  }
  row.payload = json.str();
  row.occurred_at = format_event_time(clock_.now());
  tables_.insert_event(store_tx, row);
  return row.id;
}

void OutboxEventBus::subscribe(const std::string& name, const std::string& subscriber,
                               sdk::EventHandler handler, sdk::SubscribeOptions options) {
  check_name("event name", name);
  check_name("subscriber", subscriber);
  if (!handler) throw std::invalid_argument("subscriber '" + subscriber + "' has no handler");
  auto already = [&] {
    std::lock_guard lock(subscriptions_mutex_);
    return subscriptions_.count(subscriber) > 0;
  };
  if (already()) {
    throw std::invalid_argument("subscriber '" + subscriber +
                                "' is already subscribed in this host; a subscriber name must "
                                "be unique");
  }
  auto sub = std::make_shared<Subscription>();
  sub->name = name;
  sub->subscriber = subscriber;
  sub->handler = std::move(handler);
  const std::string start = options.history == sdk::History::kRetained
                                ? std::string(kBeginning)
                                : format_event_time(clock_.now());
  sdk::with_transaction(store_, [&](soci::session& s) {
    sub->since = tables_.register_subscriber(s, subscriber, name, start);
  });
  {
    std::lock_guard lock(subscriptions_mutex_);
    if (!subscriptions_.emplace(subscriber, sub).second) {
      throw std::invalid_argument("subscriber '" + subscriber +
                                  "' is already subscribed in this host");
    }
  }
  {
    std::lock_guard lock(worker_mutex_);
    if (worker_.joinable()) start_worker(sub);  // the bus delivers already
  }
  if (sub->since == kBeginning) {
    log().information("Subscriber %s receives every retained '%s' event", subscriber, name);
  } else {
    log().information("Subscriber %s receives '%s' events published since %s", subscriber, name,
                      sub->since);
  }
}

void OutboxEventBus::declare(const sdk::EventSchema& schema) { declare_from("host", schema); }

void OutboxEventBus::declare_from(const std::string& owner, const sdk::EventSchema& schema) {
  catalog_.declare(owner, schema);
}

long long OutboxEventBus::replay(soci::session& store_tx, const std::string& subscriber) {
  const auto due = tables_.replay(store_tx, subscriber, kBeginning);
  if (!due) {
    throw std::invalid_argument("no subscriber '" + subscriber +
                                "' is recorded; it is recorded when it subscribes");
  }
  log().notice("Subscriber %s replays: %?d retained event(s) are due for it again", subscriber,
               *due);
  wake_.notify_all();
  return *due;
}

std::optional<long long> OutboxEventBus::replay(const std::string& subscriber) {
  std::optional<long long> due;
  sdk::with_transaction(store_,
                        [&](soci::session& s) { due = tables_.replay(s, subscriber, kBeginning); });
  if (due) {
    log().notice("Subscriber %s replays: %?d retained event(s) are due for it again", subscriber,
                 *due);
    wake_.notify_all();
  }
  return due;
}

void OutboxEventBus::unsubscribe(const std::string& subscriber) {
  std::shared_ptr<Subscription> sub;
  {
    std::lock_guard lock(subscriptions_mutex_);
    auto it = subscriptions_.find(subscriber);
    if (it == subscriptions_.end()) return;
    sub = it->second;
    subscriptions_.erase(it);
  }
  {
    std::lock_guard running(sub->running);
    sub->active = false;
  }
  sub->leaving = true;
  std::thread worker;
  {
    std::lock_guard lock(worker_mutex_);
    worker = std::move(sub->worker);
  }
  wake_.notify_all();
  if (worker.joinable()) worker.join();
}

int OutboxEventBus::deliver_pending() {
  std::vector<std::shared_ptr<Subscription>> subs;
  {
    std::lock_guard lock(subscriptions_mutex_);
    for (const auto& [name, sub] : subscriptions_) subs.push_back(sub);
  }
  int delivered = 0;
  for (const auto& sub : subs) {
    if (stopping_) break;
    try {
      delivered += deliver_to(*sub);
    } catch (const std::exception& e) {
      report_pass_error("Event delivery to " + sub->subscriber + " failed: " + e.what() +
                        "; it is tried again at the next poll");
    }
  }
  return delivered;
}

int OutboxEventBus::deliver_to(Subscription& sub) {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  SubscriberLock lock(s, store_.backend(), sub.subscriber);
  if (!lock.held()) return 0;  // Another host serves this subscriber right now.
  const auto rows = tables_.pending(s, sub.subscriber, sub.name, format_event_time(clock_.now()),
                                    config_.batch_size);
  int delivered = 0;
  for (const auto& row : rows) {
    if (stopping_) break;
    std::lock_guard running(sub.running);
    if (!sub.active) break;
    if (deliver_one(s, sub, row)) ++delivered;
  }
  return delivered;
}

bool OutboxEventBus::deliver_one(soci::session& s, Subscription& sub, const OutboxRow& row) {
  s.begin();
  try {
    // The record first: it is this delivery's claim on the pair, and it commits only together
    // with the handler's writes.
    if (!tables_.claim(s, row.id, sub.subscriber, format_event_time(clock_.now()))) {
      s.rollback();
      return false;
    }
    s << kSavepoint;
  } catch (...) {
    rollback_quietly(s);
    throw;
  }
  std::string error;
  try {
    const sdk::Event event = to_event(row);
    sub.handler(event, s);
    if (!tables_.claimed(s, row.id, sub.subscriber)) {
      error =
          "the handler ended the delivery transaction (it must not commit or roll back "
          "store_tx)";
    }
  } catch (const std::exception& e) {
    error = *e.what() ? e.what() : "an exception without a message";
  } catch (...) {
    error = "an exception that is not a std::exception";
  }
  if (error.empty()) {
    try {
      tables_.clear_failure(s, row.id, sub.subscriber);
      s.commit();
      return true;
    } catch (const std::exception& e) {
      rollback_quietly(s);
      error = std::string("the delivery did not commit: ") + e.what();
    }
  }
  fail_one(s, sub, row, error);
  return false;
}

void OutboxEventBus::fail_one(soci::session& s, Subscription& sub, const OutboxRow& row,
                              const std::string& error) {
  const auto now = clock_.now();
  FailureOutcome outcome;
  bool recorded = false;
  try {
    // Undo the handler's writes but keep the transaction (and, on PostgreSQL, the claim):
    // the failure is counted before anyone else may try the pair.
    s << kRollbackToSavepoint;
    tables_.unclaim(s, row.id, sub.subscriber);
    outcome = tables_.record_failure(s, row.id, sub.subscriber, error, now, config_.max_attempts,
                                     config_.backoff_base, config_.backoff_max);
    s.commit();
    recorded = true;
  } catch (const std::exception&) {
    rollback_quietly(s);
  }
  if (!recorded) {
    // The handler or the connection ended the transaction: count it in a new one.
    s.begin();
    try {
      outcome = tables_.record_failure(s, row.id, sub.subscriber, error, now, config_.max_attempts,
                                       config_.backoff_base, config_.backoff_max);
      s.commit();
    } catch (...) {
      rollback_quietly(s);
      throw;
    }
  }
  if (outcome.dead) {
    log().error(
        "Event %s '%s' from %s failed %d times in subscriber %s and is now a dead letter (not "
        "delivered again until retried, see GET /api/v1/host/events): %s",
        row.id, row.name, row.source, outcome.attempts, sub.subscriber, error);
  } else {
    log().warning(
        "Event %s '%s' from %s failed in subscriber %s (attempt %d of %d); next try at %s: %s",
        row.id, row.name, row.source, sub.subscriber, outcome.attempts, config_.max_attempts,
        outcome.next_attempt_at, error);
  }
}

void OutboxEventBus::report_pass_error(const std::string& message) {
  // While a database is down every poll fails the same way: say it once a minute.
  std::lock_guard lock(pass_error_mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (message == last_pass_error_ && now - last_pass_error_at_ < std::chrono::minutes(1)) return;
  last_pass_error_ = message;
  last_pass_error_at_ = now;
  log().warning(message);
}

void OutboxEventBus::check_retention() const {
  for (const auto& [name, days] : config_.retention) {
    if (catalog_.find(name)) continue;
    std::string declared;
    for (const auto& entry : catalog_.declared()) {
      declared += (declared.empty() ? "" : ", ") + entry.schema.name;
    }
    throw ConfigError(config_.file, "events.retention." + name,
                      "no enabled plugin declares event '" + name + "' (" +
                          (declared.empty() ? std::string("none declares an event of its own")
                                            : "the plugins declare " + declared) +
                          "); enable the plugin that publishes it, fix the name, or remove the "
                          "line");
  }
}

void OutboxEventBus::start() {
  check_retention();
  if (config_.delivery_paused) {
    log().notice(
        "Event delivery is paused (events.delivery_paused): events are recorded in the outbox "
        "and delivered once a host runs without the pause");
    return;
  }
  std::lock_guard lock(worker_mutex_);
  if (worker_.joinable()) return;
  stopping_ = false;
  worker_ = std::thread([this] { run_housekeeping(); });
  std::lock_guard subs(subscriptions_mutex_);
  for (const auto& [name, sub] : subscriptions_) start_worker(sub);
}

void OutboxEventBus::start_worker(const std::shared_ptr<Subscription>& sub) {
  if (!sub->worker.joinable()) sub->worker = std::thread([this, sub] { run_subscription(sub); });
}

void OutboxEventBus::stop() {
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(worker_mutex_);
    if (!worker_.joinable()) return;
    stopping_ = true;
    workers.push_back(std::move(worker_));
    std::lock_guard subs(subscriptions_mutex_);
    for (const auto& [name, sub] : subscriptions_) {
      if (sub->worker.joinable()) workers.push_back(std::move(sub->worker));
    }
  }
  wake_.notify_all();
  for (auto& w : workers) w.join();
  stopping_ = false;
}

bool OutboxEventBus::delivering() {
  std::lock_guard lock(worker_mutex_);
  return worker_.joinable();
}

void OutboxEventBus::run_housekeeping() {
  while (!stopping_) {
    if (config_.purges()) {
      try {
        if (long long removed = purge(); removed > 0) {
          log().information("Deleted %?d handled events older than their retention", removed);
        }
      } catch (const std::exception& e) {
        report_pass_error(std::string("Deleting old events failed: ") + e.what());
      }
    }
    std::unique_lock lock(worker_mutex_);
    wake_.wait_for(lock, kPurgeEvery, [this] { return stopping_.load(); });
  }
}

void OutboxEventBus::run_subscription(const std::shared_ptr<Subscription>& sub) {
  while (!stopping_ && !sub->leaving) {
    int delivered = 0;
    try {
      delivered = deliver_to(*sub);
    } catch (const std::exception& e) {
      report_pass_error("Event delivery to " + sub->subscriber + " failed: " + e.what() +
                        "; it is tried again at the next poll");
    }
    // A pass that delivered something may have left more behind: go on at once.
    if (delivered > 0) continue;
    std::unique_lock lock(worker_mutex_);
    wake_.wait_for(lock, config_.poll_interval,
                   [this, &sub] { return stopping_.load() || sub->leaving.load(); });
  }
}

long long OutboxEventBus::purge() {
  if (!config_.purges()) return 0;
  std::vector<std::string> names;
  {
    const auto s_lease = store_.session();
    names = tables_.event_names(*s_lease);
  }
  const auto now = clock_.now();
  long long removed = 0;
  // One transaction per name, so that a large purge never holds SQLite's write lock long.
  for (const auto& name : names) {
    const int days = config_.retention_for(name);
    if (days <= 0) continue;
    const std::string cutoff = format_event_time(now - std::chrono::hours(24) * days);
    long long n = 0;
    sdk::with_transaction(store_, [&](soci::session& s) { n = tables_.purge(s, name, cutoff); });
    removed += n;
  }
  if (removed > 0) {
    sdk::with_transaction(store_, [&](soci::session& s) { tables_.purge_orphans(s); });
  }
  return removed;
}

long long OutboxEventBus::backlog() {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return tables_.backlog(s);
}

long long OutboxEventBus::dead_letters() {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return tables_.dead_letters(s);
}

std::vector<FailureRow> OutboxEventBus::failures(int limit) {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return tables_.failures(s, limit);
}

std::vector<SubscriberRow> OutboxEventBus::subscribers() {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return tables_.subscribers(s);
}

bool OutboxEventBus::retry(const std::string& event_id, const std::string& subscriber) {
  bool found = false;
  const std::string now = format_event_time(clock_.now());
  sdk::with_transaction(
      store_, [&](soci::session& s) { found = tables_.retry(s, event_id, subscriber, now); });
  return found;
}

}  // namespace hisx::host
