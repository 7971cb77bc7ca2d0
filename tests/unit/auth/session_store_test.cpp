#include "auth/session_store.h"

#include <gtest/gtest.h>

#include "auth/time_text.h"
#include "auth/user_store.h"
#include "auth_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;

class SessionStore : public ::testing::TestWithParam<std::string> {
 protected:
  SessionStore() : store_(GetParam()), clock_(test_start()), users_(store_.db(), clock_) {
    user_id_ = *users_.add("lan", "Nguyễn Thị Lan", "cashier", "$argon2id$not-used");
  }

  host::SessionStore sessions(host::SessionPolicy policy = {}) {
    return host::SessionStore(store_.db(), clock_, policy);
  }

  std::string last_seen(const std::string& id) {
    soci::session s(store_.db().pool());
    std::string value;
    s << "SELECT last_seen_at FROM hisx_host_sessions WHERE id = :id", soci::use(id),
        soci::into(value);
    return value;
  }

  AuthDatabase store_;
  sdk::ManualClock clock_;
  host::UserStore users_;
  long long user_id_ = 0;
};

TEST_P(SessionStore, AnOpenSessionResumesWithItsUser) {
  auto store = sessions();
  const auto session = store.open(user_id_, "10.0.0.7");
  EXPECT_EQ(session.id.size(), 32u);
  EXPECT_EQ(session.expires_at, test_start() + 12h);
  const auto live = store.resume(session.id);
  ASSERT_TRUE(live);
  EXPECT_EQ(live->user_id, user_id_);
  EXPECT_EQ(live->username, "lan");
  EXPECT_EQ(live->role, "cashier");
  EXPECT_FALSE(store.resume("no-such-session"));
  EXPECT_NE(store.open(user_id_, "10.0.0.7").id, session.id);
}

TEST_P(SessionStore, IdleLongerThanTheTimeoutEndsIt) {
  auto store = sessions({30min, 12h});
  const auto session = store.open(user_id_, "10.0.0.7");
  clock_.advance(30min);
  EXPECT_TRUE(store.resume(session.id));  // Exactly the timeout: still live, and refreshed.
  clock_.advance(30min);
  EXPECT_TRUE(store.resume(session.id));
  clock_.advance(30min + 1s);
  EXPECT_FALSE(store.resume(session.id));
  clock_.advance(-10min);  // Not even when the clock is wound back: the row was not refreshed.
  EXPECT_TRUE(store.resume(session.id)) << "30 min 1 s minus 10 min is within the timeout";
}

TEST_P(SessionStore, LastSeenIsWrittenAtMostOncePerInterval) {
  auto store = sessions({30min, 12h});
  const auto session = store.open(user_id_, "10.0.0.7");
  EXPECT_EQ(last_seen(session.id), "2024-03-01T08:00:00.000Z");
  for (int i = 0; i < 5; ++i) {
    clock_.advance(10s);
    ASSERT_TRUE(store.resume(session.id));
  }
  EXPECT_EQ(last_seen(session.id), "2024-03-01T08:00:00.000Z");  // 50 s: not yet.
  clock_.advance(10s);
  ASSERT_TRUE(store.resume(session.id));
  EXPECT_EQ(last_seen(session.id), "2024-03-01T08:01:00.000Z");
  clock_.advance(59s);
  ASSERT_TRUE(store.resume(session.id));
  EXPECT_EQ(last_seen(session.id), "2024-03-01T08:01:00.000Z");
}

TEST_P(SessionStore, EvenAnActiveSessionEndsAtTheAbsoluteLimit) {
  auto store = sessions({30min, 12h});
  const auto session = store.open(user_id_, "10.0.0.7");
  for (int i = 0; i < 47; ++i) {  // A request every 15 minutes for 11 h 45 min.
    clock_.advance(15min);
    ASSERT_TRUE(store.resume(session.id)) << "after " << (i + 1) * 15 << " min";
  }
  clock_.advance(15min);
  EXPECT_FALSE(store.resume(session.id));
}

TEST_P(SessionStore, RevokedSessionsStayEnded) {
  auto store = sessions();
  const auto a = store.open(user_id_, "10.0.0.7");
  const auto b = store.open(user_id_, "10.0.0.8");
  const auto c = store.open(user_id_, "10.0.0.9");
  EXPECT_TRUE(store.revoke(a.id));
  EXPECT_FALSE(store.revoke(a.id));
  EXPECT_FALSE(store.resume(a.id));
  EXPECT_TRUE(store.resume(b.id));
  EXPECT_EQ(store.revoke_all(user_id_), 2);
  EXPECT_FALSE(store.resume(b.id));
  EXPECT_FALSE(store.resume(c.id));
}

TEST_P(SessionStore, ADisabledUserHasNoSessionAndARoleChangeCountsAtOnce) {
  auto store = sessions();
  const auto session = store.open(user_id_, "10.0.0.7");
  {
    soci::session s(store_.db().pool());
    s << "UPDATE hisx_host_users SET role = 'manager' WHERE id = :id", soci::use(user_id_);
  }
  EXPECT_EQ(store.resume(session.id)->role, "manager");
  ASSERT_TRUE(users_.disable(user_id_));
  EXPECT_FALSE(store.resume(session.id));
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionStore, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
