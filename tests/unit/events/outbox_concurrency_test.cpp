// Two hosts on one database, both delivering while events are published: every
// (event, subscriber) is handled exactly once, and no handler runs for a pair already taken.
#include <gtest/gtest.h>

#include <atomic>

#include "event_store.h"

namespace hisx::test::events {
namespace {

class OutboxConcurrency : public ::testing::TestWithParam<std::string> {};

TEST_P(OutboxConcurrency, TwoHostsDeliverEachPairExactlyOnce) {
  EventStore store(GetParam());
  sdk::SystemClock clock;
  auto config = test_config();
  config.batch_size = 20;
  auto pool_a = store.open(4);
  auto pool_b = store.open(4);
  TestBus a(*pool_a, clock, config);
  TestBus b(*pool_b, clock, config);
  const std::vector<std::string> subscribers = {"test.one", "test.two", "test.three"};
  std::atomic<int> runs{0};
  for (auto* bus : {&a, &b}) {
    for (const auto& name : subscribers) {
      auto record = record_into_effects(name);
      bus->subscribe("good.noted", name, [&runs, record](const sdk::Event& e, soci::session& tx) {
        ++runs;
        record(e, tx);
      });
    }
  }
  a.start();
  b.start();
  // 200 events, published through both hosts in transactions of 10, while both deliver.
  constexpr int kEvents = 200;
  for (int batch = 0; batch < kEvents / 10; ++batch) {
    host::OutboxEventBus& via = batch % 2 == 0 ? a : b;
    sdk::with_transaction(batch % 2 == 0 ? *pool_a : *pool_b, [&](soci::session& s) {
      for (int i = 0; i < 10; ++i) {
        Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
        payload->set("note", "event " + std::to_string(batch * 10 + i));
        via.publish(s, "good.noted", payload);
      }
    });
  }
  const long long expected = kEvents * static_cast<long long>(subscribers.size());
  EXPECT_TRUE(
      eventually([&] { return store.count("SELECT COUNT(*) FROM test_effects") >= expected; }));
  a.stop();
  b.stop();

  EXPECT_EQ(store.count("SELECT COUNT(*) FROM test_effects"), expected);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM (SELECT DISTINCT event_id, subscriber FROM "
                        "test_effects) pairs"),
            expected);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_event_deliveries"), expected);
  EXPECT_EQ(runs.load(), expected);
  EXPECT_EQ(a.backlog(), 0);
  EXPECT_EQ(a.deliver_pending(), 0);
  EXPECT_EQ(b.deliver_pending(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxConcurrency, ::testing::Values("sqlite3", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace hisx::test::events
