// A plugin's lockout over real HTTP (the good fixture's /api/v1/good/codes: 3 wrong codes in
// 10 minutes lock the caller for 10 minutes): the refusal is a 429 with Retry-After, a right
// code clears the wrong ones, and two hosts on one database count the same wrong codes.
#include <gmock/gmock.h>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

HttpResult try_code(const HostProcess& host, const std::string& key, const std::string& code) {
  return host.client().post("/api/v1/good/codes", "{\"code\": \"" + code + "\"}", key);
}

HostOptions shared_host(const TestBackend& backend, const std::filesystem::path& shared) {
  std::vector<std::string> overrides = small_demo();
  overrides.insert(overrides.end(), {plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"});
  if (backend.name == "sqlite3") {
    overrides.push_back("database.his.connection=db=" + (shared / "hisx.db").string());
  }
  return host_options(backend, overrides);
}

TEST(RateLimits, WrongCodesOnTwoHostsLockTheCallerOnBoth) {
  TempDir shared;
  const TestBackend backend = backend_from_env();
  HostProcess a(shared_host(backend, shared.path()));
  a.start();
  HostProcess b(shared_host(backend, shared.path()));
  b.start();
  const std::string caller = create_key(a, "admin", "guesser");
  const std::string other = create_key(a, "admin", "someone else");

  auto doc = expect_problem(try_code(a, caller, "wrong-1"), 422, "validation");
  EXPECT_EQ(doc->getValue<int>("attempts_left"), 2);
  doc = expect_problem(try_code(b, caller, "wrong-2"), 422, "validation");
  EXPECT_EQ(doc->getValue<int>("attempts_left"), 1) << "host b counted host a's wrong code";
  doc = expect_problem(try_code(a, caller, "wrong-3"), 422, "validation");
  EXPECT_EQ(doc->getValue<int>("attempts_left"), 0);

  for (const HostProcess* host : {&a, &b}) {
    const HttpResult locked = try_code(*host, caller, "right");
    doc = expect_problem(locked, 429, "too-many-requests");
    const int retry_after = std::stoi(locked.header("retry-after"));
    EXPECT_GT(retry_after, 590);
    EXPECT_LE(retry_after, 600);
    EXPECT_EQ(doc->getValue<int>("retry_after"), retry_after);
  }
  // Another caller is not concerned.
  EXPECT_EQ(try_code(b, other, "right").status, 204);
}

TEST(RateLimits, ARightCodeClearsTheWrongOnes) {
  HostProcess host(host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"}));
  host.start();
  const std::string caller = create_key(host, "admin");
  expect_problem(try_code(host, caller, "wrong"), 422, "validation");
  expect_problem(try_code(host, caller, "wrong"), 422, "validation");
  EXPECT_EQ(try_code(host, caller, "right").status, 204);
  auto doc = expect_problem(try_code(host, caller, "wrong"), 422, "validation");
  EXPECT_EQ(doc->getValue<int>("attempts_left"), 2) << "the two before the right one are gone";
}

}  // namespace
}  // namespace hisx::test::integration
