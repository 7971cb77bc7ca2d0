// Device credentials in the store: created with known scopes only, the token shown once and
// kept as a hash, verified into a principal with its scopes, refused once revoked or altered,
// and their last use written at most once a minute.
#include "auth/devices.h"

#include <gmock/gmock.h>

#include "auth_test_db.h"

namespace hisx::test {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::vector<std::string> kKnown = {"fast_lane.board", "fast_lane.kiosk"};

class Devices : public ::testing::TestWithParam<std::string> {
 protected:
  Devices() : store_(GetParam()), clock_(test_start()), devices_(store_.db(), clock_) {}

  std::string invalid(const std::string& name, const std::vector<std::string>& scopes) {
    try {
      devices_.create(name, scopes, kKnown);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "<accepted>";
  }

  AuthDatabase store_;
  sdk::ManualClock clock_;
  host::DeviceStore devices_;
};

TEST_P(Devices, ACredentialIsVerifiedIntoAPrincipalWithItsScopes) {
  const auto created = devices_.create("Bảng chờ tầng 1", {"fast_lane.board"}, kKnown);
  EXPECT_THAT(created.token, StartsWith("hisxdev_"));
  EXPECT_EQ(created.token.size(), 8u + 8 + 1 + 43);
  EXPECT_TRUE(host::is_device_token(created.token));
  EXPECT_FALSE(host::is_device_token("hisx_12345678_x"));

  const auto who = devices_.verify(created.token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->id, "device:" + std::to_string(created.id));
  EXPECT_EQ(who->name, "Bảng chờ tầng 1");
  EXPECT_EQ(who->role, "device");
  EXPECT_THAT(who->scopes, ElementsAre("fast_lane.board"));

  // The same prefix with another secret, a cut token, garbage: nothing.
  std::string altered = created.token;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(devices_.verify(altered));
  EXPECT_FALSE(devices_.verify(created.token.substr(0, 40)));
  EXPECT_FALSE(devices_.verify("hisxdev_"));

  // Only the hash is stored.
  const auto s = store_.db().session();
  std::string hash;
  *s << "SELECT key_hash FROM hisx_host_devices", soci::into(hash);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_THAT(created.token, ::testing::Not(HasSubstr(hash)));
}

TEST_P(Devices, ARevokedCredentialIsRefusedAtOnce) {
  const auto created = devices_.create("Kiosk", {"fast_lane.kiosk", "fast_lane.board"}, kKnown);
  ASSERT_TRUE(devices_.verify(created.token));
  EXPECT_TRUE(devices_.revoke(created.id));
  EXPECT_FALSE(devices_.verify(created.token));
  EXPECT_FALSE(devices_.revoke(created.id)) << "already revoked";
  EXPECT_FALSE(devices_.revoke(created.id + 100));
  const auto listed = devices_.list();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_FALSE(listed[0].revoked_at.empty());
  EXPECT_THAT(listed[0].scopes, ElementsAre("fast_lane.kiosk", "fast_lane.board"));
}

TEST_P(Devices, OnlyKnownScopesAndANameAreAccepted) {
  EXPECT_THAT(invalid("", {"fast_lane.board"}), HasSubstr("name"));
  EXPECT_THAT(invalid(std::string(101, 'x'), {"fast_lane.board"}), HasSubstr("name"));
  EXPECT_THAT(invalid("x", {}), HasSubstr("scopes"));
  EXPECT_THAT(invalid("x", {"fast_lane.bord"}), HasSubstr("fast_lane.board, fast_lane.kiosk"));
  EXPECT_THAT(invalid("x", {"fast_lane.board", "fast_lane.board"}), HasSubstr("twice"));
  EXPECT_TRUE(devices_.list().empty());
}

TEST_P(Devices, TheLastUseIsWrittenAtMostOnceAMinute) {
  const auto created = devices_.create("Bảng chờ", {"fast_lane.board"}, kKnown);
  EXPECT_TRUE(devices_.list()[0].last_seen_at.empty()) << "never seen yet";
  devices_.verify(created.token);
  EXPECT_EQ(devices_.list()[0].last_seen_at, "2024-03-01T08:00:00Z");
  clock_.advance(30s);
  devices_.verify(created.token);
  EXPECT_EQ(devices_.list()[0].last_seen_at, "2024-03-01T08:00:00Z");
  clock_.advance(31s);
  devices_.verify(created.token);
  EXPECT_EQ(devices_.list()[0].last_seen_at, "2024-03-01T08:01:01Z");
}

INSTANTIATE_TEST_SUITE_P(Backends, Devices, ::testing::Values("sqlite3", "postgresql"));

}  // namespace
}  // namespace hisx::test
