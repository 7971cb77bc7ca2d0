// Publishing and delivering: what commits is delivered once to each subscriber of its name,
// what rolls back never is, in publish order, with the publisher's name as source.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "event_store.h"
#include "events/event_time.h"
#include "events/plugin_event_bus.h"

namespace hisx::test::events {
namespace {

class OutboxDelivery : public ::testing::TestWithParam<std::string> {
 protected:
  EventStore store{GetParam()};
  sdk::ManualClock clock{test_epoch()};
  TestBus bus{store.db(), clock, test_config()};
};

TEST_P(OutboxDelivery, RolledBackPublishIsNeverDelivered) {
  int calls = 0;
  bus.subscribe("good.noted", "test.counter", [&](const sdk::Event&, soci::session&) { ++calls; });
  EXPECT_THROW(sdk::with_transaction(store.db(),
                                     [&](soci::session& s) {
                                       Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
                                       payload->set("note", "never");
                                       bus.publish(s, "good.noted", payload);
                                       throw std::runtime_error("the change itself failed");
                                     }),
               std::runtime_error);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox"), 0);
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(bus.backlog(), 0);
}

TEST_P(OutboxDelivery, CommittedEventReachesEachSubscriberOfItsNameOnce) {
  std::vector<sdk::Event> seen;
  bus.subscribe("good.noted", "test.seen",
                [&](const sdk::Event& e, soci::session&) { seen.push_back(e); });
  bus.subscribe("good.noted", "test.recorder", record_into_effects("test.recorder"));
  int other_calls = 0;
  bus.subscribe("good.paid", "test.other",
                [&](const sdk::Event&, soci::session&) { ++other_calls; });

  const std::string id = publish(bus, store.db(), "good.noted", "booking 7");
  EXPECT_EQ(bus.backlog(), 2);

  EXPECT_EQ(bus.deliver_pending(), 2);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].id, id);
  EXPECT_EQ(seen[0].name, "good.noted");
  EXPECT_EQ(seen[0].source, "host");
  EXPECT_EQ(seen[0].version, 1);
  EXPECT_EQ(seen[0].payload->getValue<std::string>("note"), "booking 7");
  EXPECT_EQ(seen[0].occurred_at, test_epoch());
  EXPECT_EQ(effects(store, "test.recorder"), 1);
  EXPECT_EQ(other_calls, 0);

  // Seen by both: never again.
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(seen.size(), 1u);
  EXPECT_EQ(effects(store, "test.recorder"), 1);
  EXPECT_EQ(
      store.count("SELECT COUNT(*) FROM hisx_host_event_deliveries WHERE event_id = '" + id + "'"),
      2);
  EXPECT_EQ(bus.backlog(), 0);
}

TEST_P(OutboxDelivery, DeliversInPublishOrderPerSubscriber) {
  std::vector<std::string> order;
  bus.subscribe("good.noted", "test.order", [&](const sdk::Event& e, soci::session&) {
    order.push_back(e.payload->getValue<std::string>("note"));
  });
  std::vector<std::string> published;
  for (int i = 0; i < 120; ++i) {
    published.push_back("note " + std::to_string(i));
    publish(bus, store.db(), "good.noted", published.back());
    clock.advance(std::chrono::microseconds(1));
  }
  // More events than one batch (50): three passes, each in order.
  EXPECT_EQ(bus.deliver_pending(), 50);
  EXPECT_EQ(bus.deliver_pending(), 50);
  EXPECT_EQ(bus.deliver_pending(), 20);
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(order, published);
}

TEST_P(OutboxDelivery, PluginPublishesCarryThePluginsName) {
  host::PluginEventBus good(bus, "good");
  good.declare(note_schema("good.said"));
  std::string source;
  good.subscribe("good.said", "good.recorder",
                 [&](const sdk::Event& e, soci::session&) { source = e.source; });
  publish(good, store.db(), "good.said", "from the plugin");
  EXPECT_EQ(bus.deliver_pending(), 1);
  EXPECT_EQ(source, "good");
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox WHERE source = 'good'"), 1);
}

TEST_P(OutboxDelivery, RefusesBadNamesAndASecondSubscriberOfTheSameName) {
  auto nothing = [](const sdk::Event&, soci::session&) {};
  host::PluginEventBus good(bus, "good");
  EXPECT_THROW(good.subscribe("good.noted", "fast_lane.enqueue", nothing), std::invalid_argument);
  EXPECT_THROW(good.subscribe("good.noted", "good", nothing), std::invalid_argument);
  EXPECT_THROW(bus.subscribe("Good Noted", "test.a", nothing), std::invalid_argument);
  EXPECT_THROW(bus.subscribe("good.noted", "test.a", nullptr), std::invalid_argument);
  bus.subscribe("good.noted", "test.a", nothing);
  EXPECT_THROW(bus.subscribe("payment.completed", "test.a", nothing), std::invalid_argument);
  EXPECT_THROW(publish(bus, store.db(), "", "x"), std::invalid_argument);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxDelivery, ::testing::Values("sqlite3", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace hisx::test::events
