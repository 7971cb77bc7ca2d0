#include "auth/signing_secret.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
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
  const std::string first = host::load_stored_signing_secret(store.db(), clock);
  EXPECT_EQ(first.size(), 32u);
  auto second_host = store.open_again();
  EXPECT_EQ(host::load_stored_signing_secret(*second_host, clock), first);

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
    loads.push_back(std::async(
        std::launch::async, [&h, &clock] { return host::load_stored_signing_secret(*h, clock); }));
  }
  std::set<std::string> keys;
  for (auto& f : loads) keys.insert(f.get());
  EXPECT_EQ(keys.size(), 1u);
}

TEST_P(SigningSecret, AConfiguredKeyIsUsedAndNothingIsStored) {
  AuthDatabase store(GetParam());
  const sdk::SystemClock clock;
  host::AuthConfig config;
  config.signing_key = std::string(32, 'k');
  config.signing_key_home = {true, TempDir().path()};
  EXPECT_EQ(host::load_signing_secret(store.db(), clock, config), std::string(32, 'k'));
  soci::session s(store.db().pool());
  long long rows = -1;
  s << "SELECT COUNT(*) FROM hisx_host_secrets", soci::into(rows);
  EXPECT_EQ(rows, 0);
}

TEST_P(SigningSecret, WithTheStoreInTheHisDatabaseTheKeyIsAPrivateFileNeverARow) {
  AuthDatabase store(GetParam());
  const sdk::SystemClock clock;
  // A key that an earlier version stored in the HIS database, readable by its users.
  const std::string old = host::load_stored_signing_secret(store.db(), clock);
  TempDir data_dir;
  host::AuthConfig config;
  config.signing_key_home = {true, data_dir.path()};
  const std::string key = host::load_signing_secret(store.db(), clock, config);
  EXPECT_EQ(key.size(), 32u);
  EXPECT_NE(key, old);
  EXPECT_EQ(host::load_signing_secret(store.db(), clock, config), key);  // stable
  const auto file = data_dir.path() / "session-signing.key";
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  soci::session s(store.db().pool());
  long long rows = -1;
  s << "SELECT COUNT(*) FROM hisx_host_secrets", soci::into(rows);
  EXPECT_EQ(rows, 0);
  // A damaged file is refused with what to do, not replaced silently.
  std::ofstream(file, std::ios::trunc) << "not a key\n";
  try {
    host::load_signing_secret(store.db(), clock, config);
    FAIL() << "a damaged key file was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("delete it to make a new one"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, SigningSecret, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
