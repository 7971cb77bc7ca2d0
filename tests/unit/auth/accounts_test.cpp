#include "auth/accounts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "auth_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

const std::vector<std::string> kRoles = {"admin", "receptionist", "cashier", "doctor"};
const std::string kPassword = "Sáng thứ Hai 7 giờ";

host::AuthConfig config() {
  host::AuthConfig c;
  c.sessions = {30min, 12h};
  c.logins = {3, 20, 15min};
  return c;
}

class Accounts : public ::testing::TestWithParam<std::string> {
 protected:
  Accounts()
      : store_(GetParam()),
        clock_(test_start()),
        accounts_(store_.db(), clock_, config(), cheap_cost()) {}

  std::string refusal(const std::string& username, const std::string& password,
                      std::optional<std::chrono::seconds>* retry_after = nullptr) {
    try {
      accounts_.login(username, password, "10.0.0.7");
    } catch (const host::LoginRefused& e) {
      if (retry_after) *retry_after = e.retry_after();
      return e.what();
    }
    return "accepted";
  }

  std::string add_error(const std::string& username, const std::string& role,
                        const std::string& password) {
    try {
      accounts_.add_user(username, "", role, password, kRoles);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "added";
  }

  AuthDatabase store_;
  sdk::ManualClock clock_;
  host::Accounts accounts_;
};

TEST_P(Accounts, AddingAUserChecksNameRoleAndPassword) {
  const auto user =
      accounts_.add_user("  LAN.Nguyen ", "Nguyễn Thị Lan", "cashier", kPassword, kRoles);
  EXPECT_EQ(user.username, "lan.nguyen");
  EXPECT_EQ(user.display_name, "Nguyễn Thị Lan");
  EXPECT_EQ(user.role, "cashier");
  EXPECT_FALSE(user.disabled());
  EXPECT_EQ(user.password_hash.rfind("$argon2id$", 0), 0u);

  EXPECT_THAT(add_error("LAN.NGUYEN", "doctor", kPassword), HasSubstr("already exists"));
  EXPECT_THAT(add_error("hoa", "janitor", kPassword), HasSubstr("unknown role 'janitor'"));
  EXPECT_THAT(add_error("hoa", "doctor", "short"), HasSubstr("at least 10 characters"));
  EXPECT_THAT(add_error("hoa tran", "doctor", kPassword), HasSubstr("1 to 64"));
  EXPECT_EQ(accounts_.users().size(), 1u);
  // Without a display name the username stands in.
  EXPECT_EQ(accounts_.add_user("hoa", "", "doctor", kPassword, kRoles).display_name, "hoa");
}

TEST_P(Accounts, ALoginGivesATokenThatAuthenticatesUntilLogout) {
  const auto lan = accounts_.add_user("lan", "Nguyễn Thị Lan", "cashier", kPassword, kRoles);
  const auto result = accounts_.login("LAN", kPassword, "10.0.0.7");
  EXPECT_EQ(result.expires_at, test_start() + 12h);
  EXPECT_EQ(result.user.id, lan.id);

  const auto principal = accounts_.authenticate(result.token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->id, "user:" + std::to_string(lan.id));
  EXPECT_EQ(principal->name, "lan");
  EXPECT_EQ(principal->role, "cashier");

  EXPECT_TRUE(accounts_.logout(result.token));
  EXPECT_FALSE(accounts_.authenticate(result.token));
  EXPECT_FALSE(accounts_.logout(result.token));
  EXPECT_FALSE(accounts_.authenticate("not.a.token"));
}

TEST_P(Accounts, WrongPasswordUnknownUserAndDisabledUserAreTheSameRefusal) {
  accounts_.add_user("lan", "", "cashier", kPassword, kRoles);
  accounts_.add_user("hoa", "", "doctor", kPassword, kRoles);
  ASSERT_TRUE(accounts_.disable_user("hoa"));
  const std::string wrong = refusal("lan", kPassword + "!");
  EXPECT_THAT(wrong, HasSubstr("Wrong username or password"));
  EXPECT_EQ(refusal("nobody", kPassword), wrong);
  EXPECT_EQ(refusal("hoa", kPassword), wrong);
  EXPECT_EQ(refusal("not a name", kPassword), wrong);
  EXPECT_EQ(refusal("lan", std::string(5000, 'x')), wrong);
}

TEST_P(Accounts, TooManyFailuresRefuseEvenTheRightPassword) {
  accounts_.add_user("lan", "", "cashier", kPassword, kRoles);
  for (int i = 0; i < 3; ++i) {
    std::optional<std::chrono::seconds> retry;
    refusal("lan", "wrong password " + std::to_string(i), &retry);
    EXPECT_FALSE(retry);
    clock_.advance(1min);
  }
  std::optional<std::chrono::seconds> retry;
  EXPECT_THAT(refusal("lan", kPassword, &retry), HasSubstr("Too many failed logins"));
  ASSERT_TRUE(retry);
  EXPECT_EQ(*retry, 12min);
  clock_.advance(12min);
  EXPECT_EQ(refusal("lan", kPassword), "accepted");
}

TEST_P(Accounts, DisablingOrANewPasswordEndsTheSessions) {
  accounts_.add_user("lan", "", "cashier", kPassword, kRoles);
  const auto first = accounts_.login("lan", kPassword, "10.0.0.7");
  accounts_.set_password("lan", "một mật khẩu mới hơn");
  EXPECT_FALSE(accounts_.authenticate(first.token));
  EXPECT_NE(refusal("lan", kPassword), "accepted");
  const auto second = accounts_.login("lan", "một mật khẩu mới hơn", "10.0.0.7");
  ASSERT_TRUE(accounts_.authenticate(second.token));
  EXPECT_TRUE(accounts_.disable_user("lan"));
  EXPECT_FALSE(accounts_.disable_user("lan"));
  EXPECT_FALSE(accounts_.authenticate(second.token));
  EXPECT_THROW(accounts_.disable_user("nobody"), std::invalid_argument);
  EXPECT_THROW(accounts_.set_password("lan", "short"), std::invalid_argument);
}

TEST_P(Accounts, SessionsEndWhenIdleOrOld) {
  accounts_.add_user("lan", "", "cashier", kPassword, kRoles);
  const auto idle = accounts_.login("lan", kPassword, "10.0.0.7");
  clock_.advance(31min);
  EXPECT_FALSE(accounts_.authenticate(idle.token));

  const auto busy = accounts_.login("lan", kPassword, "10.0.0.7");
  for (int i = 0; i < 28; ++i) {  // Every 25 minutes for 11 h 40 min.
    clock_.advance(25min);
    ASSERT_TRUE(accounts_.authenticate(busy.token)) << "after " << (i + 1) * 25 << " min";
  }
  clock_.advance(25min);  // 12 h 05 min after login, 25 min after the last request.
  EXPECT_FALSE(accounts_.authenticate(busy.token));
}

TEST_P(Accounts, AnotherHostOnTheSameDatabaseAcceptsTheToken) {
  accounts_.add_user("lan", "", "cashier", kPassword, kRoles);
  const auto result = accounts_.login("lan", kPassword, "10.0.0.7");
  auto other_pool = store_.open_again();
  host::Accounts other_host(*other_pool, clock_, config(), cheap_cost());
  const auto principal = other_host.authenticate(result.token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->name, "lan");
  // Logging out there ends the session here.
  EXPECT_TRUE(other_host.logout(result.token));
  EXPECT_FALSE(accounts_.authenticate(result.token));
}

TEST_P(Accounts, AHashOfAnOlderCostIsRenewedAtLogin) {
  accounts_.add_user("lan", "", "cashier", kPassword, kRoles);
  const std::string old_hash = accounts_.users().front().password_hash;
  host::Accounts stronger(store_.db(), clock_, config());  // The production cost.
  ASSERT_TRUE(stronger.hasher().needs_rehash(old_hash));
  stronger.login("lan", kPassword, "10.0.0.7");
  const std::string new_hash = stronger.users().front().password_hash;
  EXPECT_NE(new_hash, old_hash);
  EXPECT_FALSE(stronger.hasher().needs_rehash(new_hash));
  EXPECT_TRUE(stronger.hasher().verify(new_hash, kPassword));
}

INSTANTIATE_TEST_SUITE_P(Backends, Accounts, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
