// Publishing is checked against the declarations before anything is written, the version of
// the declaration travels with the event, and a plugin publishes and declares only what is
// its own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "event_store.h"
#include "events/plugin_event_bus.h"

namespace hisx::test::events {
namespace {

using ::testing::HasSubstr;

class OutboxContract : public ::testing::TestWithParam<std::string> {
 protected:
  EventStore store{GetParam()};
  sdk::ManualClock clock{test_epoch()};
  TestBus bus{store.db(), clock, test_config()};

  // Publishes `payload` as `name` through `via` in a transaction that also writes a row of
  // test_effects and commits whatever happens; returns the refusal ("" when published).
  std::string try_publish(sdk::EventBus& via, const std::string& name,
                          Poco::JSON::Object::Ptr payload) {
    std::string refusal;
    sdk::with_transaction(store.db(), [&](soci::session& s) {
      s << "INSERT INTO test_effects (event_id, subscriber, note) VALUES ('-', 'test', 'kept')";
      try {
        via.publish(s, name, payload);
      } catch (const std::invalid_argument& e) {
        refusal = e.what();
      }
    });
    return refusal;
  }
};

TEST_P(OutboxContract, APayloadThatDoesNotMatchIsRefusedBeforeTheOutboxIsWritten) {
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object;
  p->set("booking_id", "seven");
  EXPECT_THAT(try_publish(bus, "appointment.booked", p),
              HasSubstr("appointment.booked v1: field 'booking_id' must be an integer, found "
                        "'seven'; field 'booking_code' is required"));
  p = new Poco::JSON::Object;
  p->set("note", 5);
  EXPECT_EQ(try_publish(bus, "good.noted", p),
            "good.noted v1: field 'note' must be a string, found 5");
  EXPECT_THAT(try_publish(bus, "good.unheard", p), HasSubstr("is not declared"));
  // The caller's own change committed; no event did.
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM test_effects"), 3);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox"), 0);
  EXPECT_EQ(bus.backlog(), 0);
}

TEST_P(OutboxContract, TheVersionOfTheDeclarationIsStoredAndDelivered) {
  bus.declare(note_schema("good.noted", 2));
  std::vector<sdk::Event> seen;
  bus.subscribe("good.noted", "test.seen",
                [&](const sdk::Event& e, soci::session&) { seen.push_back(e); });
  const std::string id = publish(bus, store.db(), "good.noted", "v2");
  EXPECT_EQ(store.count("SELECT version FROM hisx_host_outbox WHERE id = '" + id + "'"), 2);
  EXPECT_EQ(bus.deliver_pending(), 1);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].version, 2);
}

TEST_P(OutboxContract, APluginPublishesStandardEventsAndItsOwnDeclaredOnes) {
  host::PluginEventBus good(bus, "good");
  host::PluginEventBus other(bus, "other");
  good.declare(note_schema("good.said"));
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object;
  p->set("note", "hello");
  EXPECT_EQ(try_publish(good, "good.said", p), "");
  EXPECT_THAT(try_publish(other, "good.said", p),
              HasSubstr("declared by good, which alone publishes it (other tried)"));
  EXPECT_THAT(try_publish(good, "good.noted", p), HasSubstr("declared by host"));
  EXPECT_THAT(try_publish(good, "good.whispered", p), HasSubstr("is not declared"));
  EXPECT_THROW(other.declare(note_schema("good.other")), std::invalid_argument);
  EXPECT_THROW(good.declare(note_schema("appointment.booked")), std::invalid_argument);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox"), 1);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_outbox WHERE source = 'good' AND name = "
                        "'good.said'"),
            1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxContract, ::testing::Values("sqlite3", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace hisx::test::events
