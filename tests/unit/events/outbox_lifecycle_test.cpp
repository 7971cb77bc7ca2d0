// The outbox across the life of hosts and subscribers: what was committed survives the bus
// that wrote it, a subscriber receives what was published since it first registered,
// old handled events are deleted, and the worker delivers in the background.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "event_store.h"
#include "events/event_time.h"
#include "events/plugin_event_bus.h"

namespace hisx::test::events {
namespace {

using std::chrono::seconds;

class OutboxLifecycle : public ::testing::TestWithParam<std::string> {
 protected:
  EventStore store{GetParam()};
  sdk::ManualClock clock{test_epoch()};
  // A host's own pool: each bus below stands for one host.
  std::shared_ptr<host::DatabasePool> pool = store.open();
};

TEST_P(OutboxLifecycle, EventCommittedBeforeTheHostDiedIsDeliveredByTheNextOne) {
  std::string id;
  {
    // A host that commits the event and is gone before delivering it.
    auto first_pool = store.open();
    TestBus first(*first_pool, clock, test_config());
    first.subscribe("good.noted", "test.recorder", record_into_effects("test.recorder"));
    id = publish(first, store.db(), "good.noted", "survives");
  }
  auto next_pool = store.open();
  TestBus next(*next_pool, clock, test_config());
  next.subscribe("good.noted", "test.recorder", record_into_effects("test.recorder"));
  EXPECT_EQ(next.deliver_pending(), 1);
  EXPECT_EQ(next.deliver_pending(), 0);
  EXPECT_EQ(effects(store, "test.recorder"), 1);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM test_effects WHERE event_id = '" + id + "'"), 1);
}

TEST_P(OutboxLifecycle, SubscriberReceivesWhatWasPublishedSinceItsFirstRegistration) {
  TestBus bus(*pool, clock, test_config());
  publish(bus, store.db(), "good.noted", "before anyone listened");
  clock.advance(seconds(1));
  bus.subscribe("good.noted", "test.late", record_into_effects("test.late"));
  publish(bus, store.db(), "good.noted", "after");
  EXPECT_EQ(bus.deliver_pending(), 1);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM test_effects WHERE note = 'after'"), 1);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM test_effects"), 1);
  bus.unsubscribe("test.late");

  // Meanwhile, with the subscriber's plugin stopped, an event arrives; when it registers
  // again (say after a restart) its first registration still counts.
  clock.advance(seconds(60));
  publish(bus, store.db(), "good.noted", "while away");
  clock.advance(seconds(60));
  auto restarted_pool = store.open();
  TestBus restarted(*restarted_pool, clock, test_config());
  restarted.subscribe("good.noted", "test.late", record_into_effects("test.late"));
  EXPECT_EQ(restarted.deliver_pending(), 1);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM test_effects WHERE note = 'while away'"), 1);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM test_effects WHERE note LIKE 'before%'"), 0);
  auto subscribers = restarted.subscribers();
  ASSERT_EQ(subscribers.size(), 1u);
  EXPECT_EQ(subscribers[0].subscriber, "test.late");
  EXPECT_EQ(subscribers[0].event_name, "good.noted");
  EXPECT_EQ(subscribers[0].since, host::format_event_time(test_epoch() + seconds(1)));
}

TEST_P(OutboxLifecycle, StoppedPluginsHandlersAreNotCalledAndItsEventsWait) {
  TestBus bus(*pool, clock, test_config());
  int calls = 0;
  {
    host::PluginEventBus good(bus, "good");
    good.subscribe("good.noted", "good.counter",
                   [&](const sdk::Event&, soci::session&) { ++calls; });
  }  // The plugin's context is gone: so is its subscription.
  publish(bus, store.db(), "good.noted", "waits");
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(bus.backlog(), 1);
}

TEST_P(OutboxLifecycle, BacklogCountsUndeliveredPairs) {
  TestBus bus(*pool, clock, test_config());
  bus.subscribe("good.noted", "test.a", record_into_effects("test.a"));
  bus.subscribe("good.noted", "test.b", record_into_effects("test.b"));
  bus.subscribe("good.paid", "test.c", record_into_effects("test.c"));
  for (int i = 0; i < 3; ++i) publish(bus, store.db(), "good.noted", "n" + std::to_string(i));
  publish(bus, store.db(), "good.paid", "paid");
  publish(bus, store.db(), "nobody.listens", "x");
  EXPECT_EQ(bus.backlog(), 7);
  EXPECT_EQ(bus.deliver_pending(), 7);
  EXPECT_EQ(bus.backlog(), 0);
}

TEST_P(OutboxLifecycle, PurgeDeletesOnlyOldEventsEverySubscriberHandled) {
  TestBus bus(*pool, clock, test_config());
  bus.subscribe("good.noted", "test.a", record_into_effects("test.a"));
  bus.subscribe("good.noted", "test.b", record_into_effects("test.b"));
  const std::string done = publish(bus, store.db(), "good.noted", "handled by both");
  EXPECT_EQ(bus.deliver_pending(), 2);
  bus.unsubscribe("test.b");
  const std::string half = publish(bus, store.db(), "good.noted", "handled by a only");
  EXPECT_EQ(bus.deliver_pending(), 1);
  clock.advance(std::chrono::hours(24 * 8));
  const std::string fresh = publish(bus, store.db(), "good.noted", "recent");
  EXPECT_EQ(bus.deliver_pending(), 1);

  EXPECT_EQ(bus.purge(), 1);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox WHERE id = '" + done + "'"), 0);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox"), 2);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_event_deliveries WHERE event_id = '" +
                        done + "'"),
            0);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_event_deliveries"), 2);
  EXPECT_EQ(bus.purge(), 0);
}

TEST_P(OutboxLifecycle, WorkerDeliversInTheBackgroundUntilStopped) {
  TestBus bus(*pool, clock, test_config());
  bus.subscribe("good.noted", "test.recorder", record_into_effects("test.recorder"));
  bus.start();
  EXPECT_TRUE(bus.delivering());
  publish(bus, store.db(), "good.noted", "one");
  publish(bus, store.db(), "good.noted", "two");
  EXPECT_TRUE(eventually([&] { return effects(store, "test.recorder") == 2; }));
  bus.stop();
  EXPECT_FALSE(bus.delivering());
  EXPECT_EQ(effects(store, "test.recorder"), 2);
  EXPECT_EQ(bus.backlog(), 0);
}

// On PostgreSQL only: SQLite has one writer at a time, so there a handler that holds its
// delivery transaction open holds up every other write too (docs/events.md).
class OutboxSlowSubscriber : public OutboxLifecycle {};

TEST_P(OutboxSlowSubscriber, ASlowSubscriberNeverDelaysTheOthers) {
  TestBus bus(*pool, clock, test_config());
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  std::atomic<bool> slow_started{false};
  // A report builder that takes its time (here: until the test lets it go).
  bus.subscribe("good.noted", "test.a_slow_report", [&](const sdk::Event&, soci::session&) {
    slow_started = true;
    std::unique_lock lock(mutex);
    released_cv.wait_for(lock, std::chrono::seconds(60), [&] { return released; });
  });
  bus.subscribe("good.noted", "test.recorder", record_into_effects("test.recorder"));
  bus.start();
  publish(bus, store.db(), "good.noted", "one");
  publish(bus, store.db(), "good.noted", "two");
  ASSERT_TRUE(eventually([&] { return slow_started.load(); }));
  // While the slow one is busy with the first event, the other gets both.
  EXPECT_TRUE(
      eventually([&] { return effects(store, "test.recorder") == 2; }, std::chrono::seconds(20)));
  {
    std::lock_guard lock(mutex);
    released = true;
  }
  released_cv.notify_all();
  EXPECT_TRUE(eventually([&] { return bus.backlog() == 0; }));
  bus.stop();
}

TEST_P(OutboxLifecycle, ASubscriptionMadeAfterStartIsServedAndEndsWithUnsubscribe) {
  TestBus bus(*pool, clock, test_config());
  bus.start();
  bus.subscribe("good.noted", "test.recorder", record_into_effects("test.recorder"));
  publish(bus, store.db(), "good.noted", "late");
  EXPECT_TRUE(eventually([&] { return effects(store, "test.recorder") == 1; }));
  bus.unsubscribe("test.recorder");
  publish(bus, store.db(), "good.noted", "after");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(effects(store, "test.recorder"), 1);
  bus.stop();
}

TEST_P(OutboxLifecycle, PausedDeliveryStartsNoWorker) {
  auto config = test_config();
  config.delivery_paused = true;
  TestBus bus(*pool, clock, config);
  bus.subscribe("good.noted", "test.recorder", record_into_effects("test.recorder"));
  bus.start();
  EXPECT_FALSE(bus.delivering());
  publish(bus, store.db(), "good.noted", "held");
  EXPECT_EQ(bus.backlog(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxLifecycle, ::testing::Values("sqlite3", "postgresql"),
                         backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, OutboxSlowSubscriber, ::testing::Values("postgresql"),
                         backend_name);

}  // namespace
}  // namespace hisx::test::events
