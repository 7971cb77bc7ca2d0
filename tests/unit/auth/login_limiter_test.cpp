#include "auth/login_limiter.h"

#include <gtest/gtest.h>

#include "auth_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;

class LoginLimiter : public ::testing::TestWithParam<std::string> {
 protected:
  LoginLimiter() : store_(GetParam()), clock_(test_start()) {}

  host::LoginLimiter limiter(int per_account, int per_address, std::chrono::seconds window) {
    return host::LoginLimiter(store_.db(), clock_, {per_account, per_address, window});
  }

  long long rows() {
    soci::session s(store_.db().pool());
    long long n = 0;
    s << "SELECT COUNT(*) FROM hisx_host_rate_hits", soci::into(n);
    return n;
  }

  AuthDatabase store_;
  sdk::ManualClock clock_;
};

TEST_P(LoginLimiter, TheAccountLimitRefusesUntilTheOldestFailureAgesOut) {
  auto limits = limiter(5, 20, 15min);
  for (int i = 0; i < 5; ++i) {
    const auto admitted = limits.admit("lan", "10.0.0.7");
    ASSERT_FALSE(admitted.retry_after) << "attempt " << i + 1;
    EXPECT_FALSE(admitted.attempt_id.empty());
    clock_.advance(1min);
  }
  EXPECT_EQ(limits.failures_of_account("lan"), 5);

  // 08:05; failures at 08:00 … 08:04. One more is allowed when 08:00 leaves the window.
  const auto refused = limits.admit("lan", "10.0.0.8");
  ASSERT_TRUE(refused.retry_after);
  EXPECT_EQ(*refused.retry_after, 10min);
  EXPECT_EQ(refused.limit, "account");
  EXPECT_TRUE(refused.attempt_id.empty());
  EXPECT_EQ(limits.failures_of_account("lan"), 5) << "a refused attempt is not counted";

  // Another account from the same address is not concerned.
  EXPECT_FALSE(limits.admit("hoa", "10.0.0.7").retry_after);

  clock_.advance(10min - 1s);
  EXPECT_EQ(*limits.admit("lan", "10.0.0.7").retry_after, 1s);
  clock_.advance(1s);
  EXPECT_FALSE(limits.admit("lan", "10.0.0.7").retry_after);
  EXPECT_TRUE(limits.admit("lan", "10.0.0.7").retry_after);  // 08:01 … 08:04 and 08:15: five again.
}

TEST_P(LoginLimiter, ASuccessIsNotAFailureButClearsNothing) {
  auto limits = limiter(3, 20, 15min);
  limits.admit("lan", "10.0.0.7");
  limits.admit("lan", "10.0.0.7");
  limits.succeeded(limits.admit("lan", "10.0.0.7").attempt_id);
  EXPECT_EQ(limits.failures_of_account("lan"), 2);
  EXPECT_FALSE(limits.admit("lan", "10.0.0.7").retry_after);  // The third failure.
  EXPECT_TRUE(limits.admit("lan", "10.0.0.7").retry_after);
}

TEST_P(LoginLimiter, TheAddressLimitCountsFailuresOnEveryAccount) {
  auto limits = limiter(5, 3, 15min);
  for (const char* account : {"an", "binh", "chi"}) {
    ASSERT_FALSE(limits.admit(account, "203.0.113.9").retry_after) << account;
  }
  EXPECT_EQ(limits.failures_from_address("203.0.113.9"), 3);
  const auto refused = limits.admit("dung", "203.0.113.9");
  ASSERT_TRUE(refused.retry_after);
  EXPECT_EQ(refused.limit, "address");
  EXPECT_EQ(*refused.retry_after, 15min);
  // The same account from elsewhere still may try.
  EXPECT_FALSE(limits.admit("dung", "10.0.0.7").retry_after);
}

TEST_P(LoginLimiter, AttemptsAreForgottenOnceOutOfTheWindow) {
  auto limits = limiter(5, 20, 15min);
  limits.admit("lan", "10.0.0.7");
  limits.admit("hoa", "10.0.0.8");
  EXPECT_EQ(rows(), 4) << "each attempt is a hit on its account and on its address";
  clock_.advance(15min + 1s);
  limits.admit("lan", "10.0.0.7");
  EXPECT_EQ(rows(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginLimiter, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
