// Retention per event name: an event is deleted once it is older than its name's retention
// (events.retention, else events.retention_days) and every subscriber of its name handled it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"
#include "event_store.h"

namespace hisx::test::events {
namespace {

using std::chrono::hours;

class OutboxRetention : public ::testing::TestWithParam<std::string> {
 protected:
  EventStore store{GetParam()};
  sdk::ManualClock clock{test_epoch()};

  long long events_named(const std::string& name) {
    return store.count("SELECT COUNT(*) FROM hisx_host_outbox WHERE name = '" + name + "'");
  }
};

TEST_P(OutboxRetention, EachNameIsKeptForItsOwnDays) {
  auto config = test_config();
  config.retention_days = 7;
  config.retention = {{"good.noted", 30}, {"good.paid", 0}};
  TestBus bus(store.db(), clock, config);
  bus.subscribe("good.noted", "test.a", record_into_effects("test.a"));
  publish(bus, store.db(), "good.noted", "kept a month");
  publish(bus, store.db(), "good.paid", "kept forever");
  publish(bus, store.db(), "nobody.listens", "kept a week");
  EXPECT_EQ(bus.deliver_pending(), 1);

  clock.advance(hours(24 * 8));
  EXPECT_EQ(bus.purge(), 1);
  EXPECT_EQ(events_named("nobody.listens"), 0) << "the default, 7 days";
  EXPECT_EQ(events_named("good.noted"), 1);
  EXPECT_EQ(events_named("good.paid"), 1);

  // One more good.noted that no one handled yet: older than 30 days, it still stays.
  publish(bus, store.db(), "good.noted", "waits for test.a and test.b");
  bus.subscribe("good.noted", "test.b", record_into_effects("test.b"));  // since: now
  clock.advance(hours(24 * 31));
  publish(bus, store.db(), "good.noted", "recent");
  EXPECT_EQ(bus.purge(), 1) << "the first: test.a, its one subscriber then, handled it";
  EXPECT_EQ(events_named("good.noted"), 2);
  EXPECT_EQ(events_named("good.paid"), 1) << "0: forever";
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_event_deliveries"), 0)
      << "the delivery records went with their events";
}

TEST_P(OutboxRetention, AnUnhandledEventOutlivesItsRetention) {
  auto config = test_config();
  config.retention = {{"good.noted", 1}};
  TestBus bus(store.db(), clock, config);
  bus.subscribe("good.noted", "test.a", record_into_effects("test.a"));
  publish(bus, store.db(), "good.noted", "never delivered");
  clock.advance(hours(24 * 400));
  EXPECT_EQ(bus.purge(), 0);
  EXPECT_EQ(events_named("good.noted"), 1);
  EXPECT_EQ(bus.deliver_pending(), 1);
  EXPECT_EQ(bus.purge(), 1);
}

TEST_P(OutboxRetention, ARetentionForAnUndeclaredEventRefusesTheStart) {
  auto config = test_config();
  config.file = "/etc/hisx/hisx.yaml";
  config.retention = {{"fast_lane.ticket_called", 30}};
  TestBus bus(store.db(), clock, config);
  try {
    bus.start();
    FAIL() << "started";
  } catch (const host::ConfigError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("/etc/hisx/hisx.yaml"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("events.retention.fast_lane.ticket_called"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("no enabled plugin declares"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("good.noted"));
  }
  EXPECT_FALSE(bus.delivering());
  // Once a plugin declares it, the bus starts.
  bus.declare_from("fast_lane", note_schema("fast_lane.ticket_called"));
  bus.start();
  EXPECT_TRUE(bus.delivering());
  bus.stop();
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxRetention, ::testing::Values("sqlite3", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace hisx::test::events
