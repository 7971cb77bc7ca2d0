#include "auth/signing_secret.h"

#include <gtest/gtest.h>

#include <future>
#include <set>
#include <vector>

#include "auth_test_db.h"

namespace hisx::test {
namespace {

class SigningSecret : public ::testing::TestWithParam<std::string> {};

TEST_P(SigningSecret, CreatedOnceThenSharedByEveryHost) {
  AuthDatabase store(GetParam());
  const sdk::SystemClock clock;
  const std::string first = host::load_signing_secret(store.db(), clock);
  EXPECT_EQ(first.size(), 32u);
  auto second_host = store.open_again();
  EXPECT_EQ(host::load_signing_secret(*second_host, clock), first);

  soci::session s(store.db().pool());
  long long rows = 0;
  s << "SELECT COUNT(*) FROM hisx_host_secrets", soci::into(rows);
  EXPECT_EQ(rows, 1);
}

TEST_P(SigningSecret, HostsStartingTogetherAgreeOnOneKey) {
  AuthDatabase store(GetParam());
  const sdk::SystemClock clock;
  std::vector<std::shared_ptr<host::DatabasePool>> hosts;
  for (int i = 0; i < 4; ++i) hosts.push_back(store.open_again());
  std::vector<std::future<std::string>> loads;
  for (auto& h : hosts) {
    loads.push_back(std::async(std::launch::async,
                               [&h, &clock] { return host::load_signing_secret(*h, clock); }));
  }
  std::set<std::string> keys;
  for (auto& f : loads) keys.insert(f.get());
  EXPECT_EQ(keys.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SigningSecret, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
