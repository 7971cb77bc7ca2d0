// The retained history: a subscriber registered late with History::kRetained receives every
// event of its name still in the outbox, and replay() hands them all to a subscriber again
// (a report rebuilt from scratch), also when asked on another host.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "event_store.h"
#include "events/event_time.h"
#include "events/plugin_event_bus.h"

namespace hisx::test::events {
namespace {

using std::chrono::hours;

class OutboxHistory : public ::testing::TestWithParam<std::string> {
 protected:
  EventStore store{GetParam()};
  sdk::ManualClock clock{test_epoch()};
  TestBus bus{store.db(), clock, test_config()};
  const sdk::SubscribeOptions retained{.history = sdk::History::kRetained};
};

TEST_P(OutboxHistory, ALateSubscriberWithRetainedHistoryReceivesWhatCameBefore) {
  publish(bus, store.db(), "good.noted", "a month ago");
  publish(bus, store.db(), "good.paid", "another name");
  clock.advance(hours(24 * 30));
  publish(bus, store.db(), "good.noted", "yesterday");
  clock.advance(hours(24));

  bus.subscribe("good.noted", "test.report", record_into_effects("test.report"), retained);
  bus.subscribe("good.noted", "test.late", record_into_effects("test.late"));
  publish(bus, store.db(), "good.noted", "today");
  EXPECT_EQ(bus.deliver_pending(), 4);
  EXPECT_EQ(effects(store, "test.report"), 3) << "every retained good.noted, in order";
  EXPECT_EQ(effects(store, "test.late"), 1) << "by default: only what came after it";
  auto subscribers = bus.subscribers();
  ASSERT_EQ(subscribers.size(), 2u);
  EXPECT_EQ(subscribers[0].subscriber, "test.late");
  EXPECT_EQ(subscribers[1].since, "1970-01-01T00:00:00.000000Z");

  // Registered again (a restart): nothing twice. Its first registration counts.
  bus.unsubscribe("test.report");
  auto pool = store.open();
  TestBus restarted(*pool, clock, test_config());
  restarted.subscribe("good.noted", "test.report", record_into_effects("test.report"), retained);
  EXPECT_EQ(restarted.deliver_pending(), 0);
  EXPECT_EQ(effects(store, "test.report"), 3);
}

TEST_P(OutboxHistory, ReplayMakesEveryRetainedEventDueAgainInTheCallersTransaction) {
  bus.subscribe("good.noted", "test.report", record_into_effects("test.report"));
  for (int i = 0; i < 3; ++i) publish(bus, store.db(), "good.noted", "n" + std::to_string(i));
  EXPECT_EQ(bus.deliver_pending(), 3);
  EXPECT_EQ(bus.deliver_pending(), 0);

  // The plugin rebuilds: it empties what it built and replays, in one transaction.
  long long due = 0;
  sdk::with_transaction(store.db(), [&](soci::session& s) {
    s << "DELETE FROM test_effects WHERE subscriber = 'test.report'";
    due = bus.replay(s, "test.report");
  });
  EXPECT_EQ(due, 3);
  EXPECT_EQ(effects(store, "test.report"), 0);
  EXPECT_EQ(bus.backlog(), 3);
  EXPECT_EQ(bus.deliver_pending(), 3);
  EXPECT_EQ(effects(store, "test.report"), 3) << "rebuilt exactly";
  EXPECT_EQ(bus.deliver_pending(), 0);

  EXPECT_THROW(
      sdk::with_transaction(store.db(), [&](soci::session& s) { bus.replay(s, "test.nobody"); }),
      std::invalid_argument);
  EXPECT_FALSE(bus.replay("test.nobody"));
}

TEST_P(OutboxHistory, ReplayBringsBackEventsFromBeforeTheFirstRegistrationAndDeadLetters) {
  publish(bus, store.db(), "good.noted", "before");
  clock.advance(hours(1));
  int calls = 0;
  bool refuse = true;
  bus.subscribe("good.noted", "test.picky", [&](const sdk::Event&, soci::session&) {
    ++calls;
    if (refuse) throw std::runtime_error("not yet");
  });
  publish(bus, store.db(), "good.noted", "after");
  for (int i = 0; i < 3; ++i) {  // max_attempts 3: a dead letter
    bus.deliver_pending();
    clock.advance(hours(1));
  }
  EXPECT_EQ(bus.dead_letters(), 1);
  EXPECT_EQ(calls, 3);

  // Asked on another host (the admin route or `hisx events replay`): the running one sees it.
  auto pool = store.open();
  TestBus admin(*pool, clock, test_config());
  EXPECT_EQ(admin.replay("test.picky"), 2);
  refuse = false;
  EXPECT_EQ(bus.dead_letters(), 0);
  EXPECT_EQ(bus.deliver_pending(), 2) << "the dead letter and the event before it";
  EXPECT_EQ(bus.backlog(), 0);
}

TEST_P(OutboxHistory, APluginReplaysOnlyItsOwnSubscribers) {
  host::PluginEventBus good(bus, "good");
  good.subscribe("good.noted", "good.report", record_into_effects("good.report"),
                 {.history = sdk::History::kRetained});
  bus.subscribe("good.noted", "test.other", record_into_effects("test.other"));
  sdk::with_transaction(store.db(), [&](soci::session& s) {
    EXPECT_EQ(good.replay(s, "good.report"), 0);
    EXPECT_THROW(good.replay(s, "test.other"), std::invalid_argument);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxHistory, ::testing::Values("sqlite3", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace hisx::test::events
