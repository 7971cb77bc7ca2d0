// A failing handler: its writes and the "seen" mark roll back together, it is tried again
// after a growing wait, other events go on, and after max_attempts it is a dead letter
// that stays visible and can be retried.
#include <gtest/gtest.h>

#include "event_store.h"
#include "events/event_time.h"

namespace hisx::test::events {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

class OutboxFailure : public ::testing::TestWithParam<std::string> {
 protected:
  std::vector<host::FailureRow> failures_of(const std::string& subscriber) {
    std::vector<host::FailureRow> out;
    for (auto& f : bus.failures()) {
      if (f.subscriber == subscriber) out.push_back(f);
    }
    return out;
  }

  EventStore store{GetParam()};
  sdk::ManualClock clock{test_epoch()};
  TestBus bus{store.db(), clock, test_config()};
};

TEST_P(OutboxFailure, ThrowingHandlerIsRolledBackAndRetriedWithBackoff) {
  int calls = 0;
  bus.subscribe("good.noted", "test.flaky", [&](const sdk::Event& e, soci::session& tx) {
    ++calls;
    record_into_effects("test.flaky")(e, tx);  // Written, then undone by the throw.
    if (calls <= 2) throw std::runtime_error("HIS write-back timed out");
  });
  const std::string id = publish(bus, store.db(), "good.noted", "pay 1");

  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(effects(store, "test.flaky"), 0);
  EXPECT_EQ(store.count("SELECT COUNT(*) FROM hisx_host_event_deliveries"), 0);
  auto failures = failures_of("test.flaky");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].event_id, id);
  EXPECT_EQ(failures[0].event_name, "good.noted");
  EXPECT_EQ(failures[0].attempts, 1);
  EXPECT_EQ(failures[0].last_error, "HIS write-back timed out");
  EXPECT_EQ(failures[0].next_attempt_at, host::format_event_time(test_epoch() + seconds(1)));
  EXPECT_TRUE(failures[0].dead_at.empty());
  EXPECT_EQ(bus.backlog(), 1);

  // Not due before the backoff has passed.
  EXPECT_EQ(bus.deliver_pending(), 0);
  clock.advance(milliseconds(999));
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(calls, 1);

  clock.advance(milliseconds(1));
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(calls, 2);
  failures = failures_of("test.flaky");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].attempts, 2);
  // The wait doubles: 2 s after the second failure.
  EXPECT_EQ(failures[0].next_attempt_at, host::format_event_time(test_epoch() + seconds(3)));

  clock.advance(seconds(2));
  EXPECT_EQ(bus.deliver_pending(), 1);
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(effects(store, "test.flaky"), 1);
  EXPECT_TRUE(failures_of("test.flaky").empty());
  EXPECT_EQ(bus.backlog(), 0);
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(calls, 3);
}

TEST_P(OutboxFailure, HandlerWhoseSqlFailsIsRetriedLikeAnyOther) {
  // On PostgreSQL a failed statement aborts the transaction; the delivery still recovers.
  bool broken = true;
  bus.subscribe("good.noted", "test.sql", [&](const sdk::Event& e, soci::session& tx) {
    record_into_effects("test.sql")(e, tx);
    if (broken) tx << "INSERT INTO no_such_table (x) VALUES (1)";
  });
  publish(bus, store.db(), "good.noted", "n");
  EXPECT_EQ(bus.deliver_pending(), 0);
  auto failures = failures_of("test.sql");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_NE(failures[0].last_error.find("no_such_table"), std::string::npos)
      << failures[0].last_error;
  EXPECT_EQ(effects(store, "test.sql"), 0);

  broken = false;
  clock.advance(seconds(1));
  EXPECT_EQ(bus.deliver_pending(), 1);
  EXPECT_EQ(effects(store, "test.sql"), 1);
}

TEST_P(OutboxFailure, DeadLetterAfterMaxAttemptsWithoutBlockingOtherEvents) {
  int poison_calls = 0;
  bus.subscribe("good.noted", "test.picky", [&](const sdk::Event& e, soci::session& tx) {
    if (e.payload->getValue<std::string>("note") == "poison") {
      ++poison_calls;
      throw std::runtime_error("cannot handle poison");
    }
    record_into_effects("test.picky")(e, tx);
  });
  const std::string poison = publish(bus, store.db(), "good.noted", "poison");
  publish(bus, store.db(), "good.noted", "fine 1");

  // The poison fails, the next event is still delivered.
  EXPECT_EQ(bus.deliver_pending(), 1);
  EXPECT_EQ(effects(store, "test.picky"), 1);
  clock.advance(seconds(1));
  EXPECT_EQ(bus.deliver_pending(), 0);
  clock.advance(seconds(2));
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(poison_calls, 3);

  auto failures = failures_of("test.picky");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].event_id, poison);
  EXPECT_EQ(failures[0].attempts, 3);
  EXPECT_EQ(failures[0].dead_at, host::format_event_time(test_epoch() + seconds(3)));
  EXPECT_EQ(bus.dead_letters(), 1);
  EXPECT_EQ(bus.backlog(), 0);

  // Given up: not tried again however long we wait; later events still go through.
  clock.advance(std::chrono::hours(24));
  publish(bus, store.db(), "good.noted", "fine 2");
  EXPECT_EQ(bus.deliver_pending(), 1);
  EXPECT_EQ(poison_calls, 3);
  EXPECT_EQ(effects(store, "test.picky"), 2);

  // An operator retries it: due at once, with a fresh count of attempts.
  EXPECT_FALSE(bus.retry("00000000-0000-0000-0000-000000000000", "test.picky"));
  EXPECT_TRUE(bus.retry(poison, "test.picky"));
  EXPECT_EQ(bus.dead_letters(), 0);
  EXPECT_EQ(bus.backlog(), 1);
  EXPECT_EQ(bus.deliver_pending(), 0);
  EXPECT_EQ(poison_calls, 4);
  failures = failures_of("test.picky");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].attempts, 1);
  EXPECT_TRUE(failures[0].dead_at.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxFailure, ::testing::Values("sqlite3", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace hisx::test::events
