// Staff accounts over the real server: users made with the real CLI, logins, session tokens,
// logout, idle timeout and login rate limits, with API keys still working beside them.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <gmock/gmock.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kPassword = "Sáng thứ Hai 7 giờ";

// `hisx user add` with `password` piped in (nothing piped when empty).
ProcessResult add_user(const HostProcess& host, const std::string& name, const std::string& role,
                       const std::string& password = kPassword) {
  return host.run_cli(
      {"user", "add", "--name", name, "--role", role, "--display", "Nguyễn Thị Lan"},
      password.empty() ? std::string() : password + "\n");
}

HttpResult login(const HostProcess& host, const std::string& username,
                 const std::string& password) {
  Poco::JSON::Object body;
  body.set("username", username);
  body.set("password", password);
  std::ostringstream text;
  body.stringify(text);
  return host.client().post("/api/v1/auth/login", text.str());
}

// The token of a successful login; fails the test otherwise.
std::string token_of(const HostProcess& host, const std::string& username,
                     const std::string& password = kPassword) {
  HttpResult r = login(host, username, password);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return {};
  return r.json()->getValue<std::string>("token");
}

TEST(Auth, APipedPasswordLogsInAndTheTokenReachesStaffRoutes) {
  HostProcess host(host_options());
  ProcessResult added = add_user(host, "Lan.Nguyen", "receptionist");
  ASSERT_EQ(added.exit_code, 0) << all_output(added);
  EXPECT_THAT(added.out, HasSubstr("created user lan.nguyen"));
  EXPECT_THAT(all_output(added), Not(HasSubstr(kPassword)));
  host.start();

  HttpResult r = login(host, "LAN.NGUYEN", kPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("cache-control"), "no-store");
  auto body = r.json();
  const std::string token = body->getValue<std::string>("token");
  EXPECT_EQ(std::count(token.begin(), token.end(), '.'), 2) << token;  // A JWT.
  EXPECT_THAT(body->getValue<std::string>("expires_at"),
              ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"));
  EXPECT_EQ(body->getValue<long long>("expires_in"), 12 * 3600) << "the default absolute timeout";
  EXPECT_EQ(body->getObject("user")->getValue<std::string>("role"), "receptionist");

  HttpResult departments = host.client().get("/api/v1/his/departments", token);
  EXPECT_EQ(departments.status, 200) << departments.body;
  EXPECT_GT(departments.json()->getValue<int>("count"), 0);

  HttpResult me = host.client().get("/api/v1/auth/me", token);
  ASSERT_EQ(me.status, 200) << me.body;
  auto who = me.json();
  EXPECT_EQ(who->getValue<std::string>("username"), "lan.nguyen");
  EXPECT_EQ(who->getValue<std::string>("display_name"), "Nguyễn Thị Lan");
  EXPECT_EQ(who->getValue<std::string>("role"), "receptionist");
  EXPECT_EQ(who->getValue<std::string>("kind"), "user");

  // The role still decides: a receptionist does not administer the host.
  expect_problem(host.client().get("/api/v1/host/plugins", token), 403, "forbidden");
  // The access log names the user, never the token.
  const std::string actor = "user:" + std::to_string(who->getValue<int>("id"));
  EXPECT_THAT(host.wait_for_output(actor), HasSubstr(actor));
  EXPECT_THAT(host.output(), Not(HasSubstr(token)));
  EXPECT_THAT(host.output(), Not(HasSubstr(kPassword)));
}

TEST(Auth, WrongPasswordAndUnknownUserAreTheSame401) {
  HostProcess host(host_options());
  ASSERT_EQ(add_user(host, "lan", "cashier").exit_code, 0);
  host.start();

  auto wrong = expect_problem(login(host, "lan", kPassword + "!"), 401, "unauthorized");
  auto unknown = expect_problem(login(host, "nobody", kPassword), 401, "unauthorized");
  EXPECT_EQ(wrong->getValue<std::string>("detail"), unknown->getValue<std::string>("detail"));
  EXPECT_THAT(
      wrong->getValue<std::string>("detail"),
      AllOf(HasSubstr("Sai tên đăng nhập hoặc mật khẩu"), HasSubstr("Wrong username or password")));

  // A body without the fields is a validation problem naming the field.
  auto missing = expect_problem(host.client().post("/api/v1/auth/login", R"({"username":"lan"})"),
                                422, "validation");
  EXPECT_EQ(missing->getValue<std::string>("field"), "password");
  expect_problem(host.client().post("/api/v1/auth/login", "[1,2]"), 400, "bad-request");

  // A made-up token is no credential.
  expect_problem(host.client().get("/api/v1/his/departments", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA"), 401,
                 "unauthorized");
}

TEST(Auth, LogoutEndsTheSessionAndOnlyThatOne) {
  HostProcess host(host_options());
  ASSERT_EQ(add_user(host, "lan", "cashier").exit_code, 0);
  host.start();
  const std::string first = token_of(host, "lan");
  const std::string second = token_of(host, "lan");
  ASSERT_EQ(host.client().get("/api/v1/his/departments", first).status, 200);

  HttpResult out = host.client().post("/api/v1/auth/logout", "", first);
  EXPECT_EQ(out.status, 204) << out.body;
  expect_problem(host.client().get("/api/v1/his/departments", first), 401, "unauthorized");
  expect_problem(host.client().post("/api/v1/auth/logout", "", first), 401, "unauthorized");
  EXPECT_EQ(host.client().get("/api/v1/his/departments", second).status, 200);
}

TEST(Auth, ApiKeysKeepWorkingBesideSessions) {
  HostProcess host(host_options());
  host.start();
  const std::string key = create_key(host, "his", "his-backend");
  HttpResult me = host.client().get("/api/v1/auth/me", key);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()->getValue<std::string>("kind"), "apikey");
  EXPECT_EQ(me.json()->getValue<std::string>("username"), "his-backend");
  EXPECT_EQ(me.json()->getValue<std::string>("role"), "his");

  auto doc = expect_problem(host.client().post("/api/v1/auth/logout", "", key), 400, "bad-request");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("hisx apikey revoke"));
  EXPECT_EQ(host.client().get("/api/v1/auth/me", key).status, 200);

  const std::string admin = create_key(host, "admin", "it-officer");
  EXPECT_EQ(host.client().get("/api/v1/host/plugins", admin).status, 200);
}

TEST(Auth, AnIdleSessionEnds) {
  HostProcess host(host_options({"auth.session_idle_seconds=1"}));
  ASSERT_EQ(add_user(host, "lan", "cashier").exit_code, 0);
  host.start();
  const std::string token = token_of(host, "lan");
  ASSERT_EQ(host.client().get("/api/v1/auth/me", token).status, 200);
  // Waiting out the timeout is the behaviour under test.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  auto doc = expect_problem(host.client().get("/api/v1/auth/me", token), 401, "unauthorized");
  EXPECT_EQ(doc->getValue<std::string>("detail"), "The credential is not valid.");
  // Logging in again starts a new session.
  EXPECT_EQ(host.client().get("/api/v1/auth/me", token_of(host, "lan")).status, 200);
}

TEST(Auth, TooManyFailuresAnswer429WithRetryAfterAndAreLogged) {
  HostProcess host(host_options({"auth.login_max_failures_per_account=3"}));
  ASSERT_EQ(add_user(host, "lan", "cashier").exit_code, 0);
  ASSERT_EQ(add_user(host, "hoa", "doctor").exit_code, 0);
  host.start();
  for (int i = 0; i < 3; ++i) {
    expect_problem(login(host, "lan", "wrong guess " + std::to_string(i)), 401, "unauthorized");
  }
  // Now even the right password waits.
  HttpResult r = login(host, "lan", kPassword);
  auto doc = expect_problem(r, 429, "too-many-requests");
  const int retry_after = std::stoi(r.header("retry-after"));
  EXPECT_GT(retry_after, 0);
  EXPECT_LE(retry_after, 15 * 60);
  EXPECT_THAT(doc->getValue<std::string>("detail"),
              AllOf(HasSubstr("thử lại sau"), HasSubstr("Too many failed logins")));
  EXPECT_THAT(host.wait_for_output("too many failed logins"),
              AllOf(HasSubstr("Login refused for 'lan' from 127.0.0.1"),
                    HasSubstr("too many failed logins")));
  EXPECT_THAT(host.output(), Not(HasSubstr("wrong guess")));
  EXPECT_THAT(host.output(), Not(HasSubstr(kPassword)));

  // Another account from the same address is not locked out.
  EXPECT_EQ(login(host, "hoa", kPassword).status, 200);
}

TEST(Auth, TheAddressLimitCoversEveryAccount) {
  HostProcess host(host_options({"auth.login_max_failures_per_address=4"}));
  ASSERT_EQ(add_user(host, "lan", "cashier").exit_code, 0);
  host.start();
  for (const char* name : {"an", "binh", "chi", "dung"}) {
    expect_problem(login(host, name, kPassword), 401, "unauthorized");
  }
  HttpResult r = login(host, "lan", kPassword);
  expect_problem(r, 429, "too-many-requests");
  EXPECT_FALSE(r.header("retry-after").empty());
}

TEST(Auth, AGeneratedPasswordIsPrintedOnceWhenNoneIsPiped) {
  HostProcess host(host_options());
  ProcessResult added = add_user(host, "lan", "manager", "");
  ASSERT_EQ(added.exit_code, 0) << all_output(added);
  const std::string generated = last_line(added.out);
  EXPECT_EQ(generated.size(), 20u) << added.out;
  EXPECT_THAT(added.err, HasSubstr("shown once"));

  ProcessResult listed = host.run_cli({"user", "list"});
  ASSERT_EQ(listed.exit_code, 0) << all_output(listed);
  EXPECT_THAT(listed.out, HasSubstr("lan\tNguyễn Thị Lan\tmanager\t"));
  EXPECT_THAT(listed.out, HasSubstr("active"));
  EXPECT_THAT(listed.out, Not(HasSubstr(generated)));
  EXPECT_THAT(listed.out, Not(HasSubstr("argon2")));

  host.start();
  EXPECT_EQ(login(host, "lan", generated).status, 200);

  // A new password, piped; the old one stops working.
  ProcessResult changed = host.run_cli({"user", "passwd", "lan"}, "một mật khẩu mới hơn\n");
  ASSERT_EQ(changed.exit_code, 0) << all_output(changed);
  expect_problem(login(host, "lan", generated), 401, "unauthorized");
  EXPECT_EQ(login(host, "lan", "một mật khẩu mới hơn").status, 200);
}

TEST(Auth, ADisabledUserIsOutAtOnce) {
  HostProcess host(host_options());
  ASSERT_EQ(add_user(host, "lan", "cashier").exit_code, 0);
  host.start();
  const std::string token = token_of(host, "lan");
  ProcessResult disabled = host.run_cli({"user", "disable", "lan"});
  ASSERT_EQ(disabled.exit_code, 0) << all_output(disabled);
  expect_problem(host.client().get("/api/v1/auth/me", token), 401, "unauthorized");
  expect_problem(login(host, "lan", kPassword), 401, "unauthorized");
  EXPECT_THAT(host.run_cli({"user", "list"}).out, HasSubstr("disabled "));
  ProcessResult again = host.run_cli({"user", "disable", "lan"});
  EXPECT_EQ(again.exit_code, 1) << all_output(again);
  EXPECT_THAT(again.err, HasSubstr("already disabled"));
}

TEST(Auth, TheCliRefusesBadUsersWithAUsageError) {
  HostProcess host(host_options());
  ProcessResult short_password = add_user(host, "lan", "cashier", "ngắn quá");
  EXPECT_EQ(short_password.exit_code, 64) << all_output(short_password);
  EXPECT_THAT(short_password.err,
              AllOf(HasSubstr("at least 10 characters"), HasSubstr("ít nhất 10 ký tự")));
  ProcessResult role = add_user(host, "lan", "janitor");
  EXPECT_EQ(role.exit_code, 64) << all_output(role);
  EXPECT_THAT(role.err, HasSubstr("unknown role 'janitor'"));
  ProcessResult missing = host.run_cli({"user", "add", "--name", "lan"}, kPassword + "\n");
  EXPECT_EQ(missing.exit_code, 64) << all_output(missing);
  EXPECT_THAT(missing.err, HasSubstr("usage: hisx"));
  ASSERT_EQ(add_user(host, "lan", "cashier").exit_code, 0);
  ProcessResult twice = add_user(host, "LAN", "doctor");
  EXPECT_EQ(twice.exit_code, 64) << all_output(twice);
  EXPECT_THAT(twice.err, HasSubstr("already exists"));
  EXPECT_TRUE(twice.out.empty()) << twice.out;
}

}  // namespace
}  // namespace hisx::test::integration
