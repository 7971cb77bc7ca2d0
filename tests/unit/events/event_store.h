#pragma once

// A fresh store database with the outbox tables, for the event bus tests, on SQLite or on
// the test PostgreSQL cluster.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "db/database_pool.h"
#include "events/events_config.h"
#include "events/outbox_event_bus.h"
#include "hisx/clock.h"
#include "support/pg.h"
#include "support/temp_dir.h"

namespace hisx::test::events {

/// A store database of one backend ("sqlite3" or "postgresql") with the events migrations
/// applied and a table `test_effects (event_id, subscriber, note)` for handlers to write to.
class EventStore {
 public:
  explicit EventStore(const std::string& backend);
  /// A new pool on this database (each bus of a "host" gets its own).
  std::shared_ptr<host::DatabasePool> open(int pool_size = 4) const;
  /// The pool opened first.
  host::DatabasePool& db() { return *db_; }
  /// The single number `sql` selects.
  long long count(const std::string& sql);

 private:
  std::string backend_;
  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  std::shared_ptr<host::DatabasePool> db_;
};

/// A config for tests: short backoff (1 s, doubling to 8 s), 3 attempts, batch 50.
host::EventsConfig test_config();

/// A declaration of `name` with one required string field "note", as the tests publish.
sdk::EventSchema note_schema(const std::string& name, int version = 1);

/// The host's bus with the tests' own events declared (owned by the host): "good.noted",
/// "good.paid" and "nobody.listens", each with a "note".
class TestBus : public host::OutboxEventBus {
 public:
  TestBus(sdk::Database& store, const sdk::Clock& clock, host::EventsConfig config);
};

/// Publishes `name` with {"note": note} in a committed transaction of `db`; returns its id.
std::string publish(sdk::EventBus& bus, sdk::Database& db, const std::string& name,
                    const std::string& note);

/// A handler that inserts (event id, `subscriber`, payload note) into test_effects through
/// the delivery transaction.
sdk::EventHandler record_into_effects(const std::string& subscriber);

/// Rows of test_effects for `subscriber`.
long long effects(EventStore& store, const std::string& subscriber);

/// Waits (up to `timeout`) until `done` is true; returns its last value.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(60));

/// Names the backend in parameterised test names.
std::string backend_name(const ::testing::TestParamInfo<std::string>& info);

/// The instant the manual clocks of the tests start at.
std::chrono::system_clock::time_point test_epoch();

}  // namespace hisx::test::events
