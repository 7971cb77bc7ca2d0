// The audit trail as an administrator reads it: every write through the real server, allowed
// or refused, appears at GET /api/v1/audit; credentials never appear there or in the logs; and
// the database itself refuses to change the rows.
#include <gmock/gmock.h>

#include <chrono>
#include <thread>

#include "integration_support.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

HostOptions good_host() {
  return host_options({plugin_paths_with_fixtures(), "plugins.enabled=[his, good]"});
}

// The audit rows GET /api/v1/audit<query> answers; fails the test unless it answers 200.
Poco::JSON::Array::Ptr audit(const HostProcess& host, const std::string& admin,
                             const std::string& query = "") {
  HttpResult r = host.client().get("/api/v1/audit" + query, admin);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return new Poco::JSON::Array;
  auto body = r.json();
  auto items = body->getArray("items");
  EXPECT_EQ(body->getValue<int>("count"), static_cast<int>(items->size())) << r.body;
  return items;
}

HttpResult post_greeting(const HostProcess& host, const std::string& key,
                         const std::string& text = "xin chào") {
  return host.client().post("/api/v1/good/greetings", "{\"text\": \"" + text + "\"}", key);
}

TEST(Audit, AWriteIsRecordedWithWhoWhatWhereAndHowItWent) {
  HostProcess host(good_host());
  host.start();
  const std::string admin = create_key(host, "admin", "it-officer");
  const std::string desk = create_key(host, "receptionist", "front-desk");

  HttpResult posted = post_greeting(host, desk);
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(posted.json()->getValue<std::string>("text"), "xin chào");

  auto rows = audit(host, admin);
  ASSERT_EQ(rows->size(), 1u);  // The GETs (and the key creation through the CLI) are not.
  auto row = rows->getObject(0);
  EXPECT_THAT(row->getValue<std::string>("actor"), StartsWith("apikey:"));
  EXPECT_EQ(row->getValue<std::string>("actor_name"), "front-desk");
  EXPECT_EQ(row->getValue<std::string>("role"), "receptionist");
  EXPECT_EQ(row->getValue<std::string>("address"), "127.0.0.1");
  EXPECT_EQ(row->getValue<std::string>("method"), "POST");
  EXPECT_EQ(row->getValue<std::string>("route"), "/api/v1/good/greetings");
  EXPECT_EQ(row->getValue<std::string>("target"), "/api/v1/good/greetings");
  EXPECT_EQ(row->getValue<int>("status"), 201);
  EXPECT_EQ(row->getValue<std::string>("outcome"), "success");
  EXPECT_EQ(row->getValue<std::string>("request_id"), posted.header("x-request-id"));
  // UTC with microseconds.
  EXPECT_THAT(row->getValue<std::string>("at"),
              ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                                      "\\.[0-9]{6}Z"));
}

TEST(Audit, RefusedWritesAreRecordedAsRefused) {
  HostProcess host(good_host());
  host.start();
  const std::string admin = create_key(host, "admin", "it-officer");
  const std::string cashier = create_key(host, "cashier", "cashier-2");

  expect_problem(post_greeting(host, cashier), 403, "forbidden");
  expect_problem(post_greeting(host, ""), 401, "unauthorized");
  expect_problem(host.client().post("/api/v1/good/greetings", "{\"text\": 5}", admin), 422,
                 "validation");

  auto rows = audit(host, admin);
  ASSERT_EQ(rows->size(), 3u);
  auto invalid = rows->getObject(0);  // Newest first.
  EXPECT_EQ(invalid->getValue<int>("status"), 422);
  EXPECT_EQ(invalid->getValue<std::string>("actor_name"), "it-officer");
  EXPECT_EQ(invalid->getValue<std::string>("outcome"), "refused");
  auto anonymous = rows->getObject(1);
  EXPECT_EQ(anonymous->getValue<int>("status"), 401);
  EXPECT_EQ(anonymous->getValue<std::string>("actor"), "-");
  EXPECT_EQ(anonymous->getValue<std::string>("role"), "");
  EXPECT_EQ(anonymous->getValue<std::string>("outcome"), "refused");
  auto forbidden = rows->getObject(2);
  EXPECT_EQ(forbidden->getValue<int>("status"), 403);
  EXPECT_THAT(forbidden->getValue<std::string>("actor"), StartsWith("apikey:"));
  EXPECT_EQ(forbidden->getValue<std::string>("actor_name"), "cashier-2");
  EXPECT_EQ(forbidden->getValue<std::string>("role"), "cashier");
  EXPECT_EQ(forbidden->getValue<std::string>("route"), "/api/v1/good/greetings");
  EXPECT_EQ(forbidden->getValue<std::string>("outcome"), "refused");

  // Only an administrator reads the trail.
  expect_problem(host.client().get("/api/v1/audit", cashier), 403, "forbidden");
  expect_problem(host.client().get("/api/v1/audit"), 401, "unauthorized");
}

TEST(Audit, CredentialsAndCardNumbersNeverReachTheTrailOrTheLog) {
  HostProcess host(good_host());
  host.start();
  const std::string admin = create_key(host, "admin", "it-officer");
  const std::string desk = create_key(host, "receptionist", "front-desk");
  const std::string secret = desk.substr(14);  // After "hisx_<8-character prefix>_".
  const std::string card = "4111111111111111";

  // A key in the query string, a card number in the body, a forged key in the header.
  ASSERT_EQ(host.client()
                .post("/api/v1/good/greetings?api_key=" + desk + "&card=" + card,
                      "{\"text\": \"" + card + "\"}", desk)
                .status,
            201);
  expect_problem(post_greeting(host, desk + "x"), 401, "unauthorized");

  HttpResult trail = host.client().get("/api/v1/audit", admin);
  ASSERT_EQ(trail.status, 200);
  EXPECT_EQ(trail.json()->getValue<int>("count"), 2) << trail.body;
  // The writes did reach the log (so its silence about secrets below means something).
  EXPECT_THAT(host.wait_for_output("POST /api/v1/good/greetings 201"),
              HasSubstr("POST /api/v1/good/greetings 201"));
  EXPECT_THAT(trail.body, HasSubstr("/api/v1/good/greetings"));
  for (const std::string& text : {trail.body, host.output()}) {
    EXPECT_THAT(text, Not(HasSubstr(secret)));
    EXPECT_THAT(text, Not(HasSubstr(admin.substr(14))));
    EXPECT_THAT(text, Not(HasSubstr(card)));
    EXPECT_THAT(text, Not(HasSubstr("api_key=")));
  }
}

TEST(Audit, FiltersByTimeActorAndTargetAndRefusesMalformedOnes) {
  HostProcess host(good_host());
  host.start();
  const std::string admin = create_key(host, "admin", "it-officer");
  const std::string desk = create_key(host, "receptionist", "front-desk");
  ASSERT_EQ(post_greeting(host, desk).status, 201);
  expect_problem(host.client().post("/api/v1/good/missing", "{}", admin), 404, "not-found");

  auto all = audit(host, admin);
  ASSERT_EQ(all->size(), 2u);
  const std::string desk_actor = all->getObject(1)->getValue<std::string>("actor");
  const std::string at = all->getObject(1)->getValue<std::string>("at");

  auto by_actor = audit(host, admin, "?actor=" + desk_actor);
  ASSERT_EQ(by_actor->size(), 1u);
  EXPECT_EQ(by_actor->getObject(0)->getValue<std::string>("actor_name"), "front-desk");
  auto by_target = audit(host, admin, "?target=/api/v1/good/mi");
  ASSERT_EQ(by_target->size(), 1u);
  EXPECT_EQ(by_target->getObject(0)->getValue<std::string>("route"), "unmatched");
  EXPECT_EQ(by_target->getObject(0)->getValue<std::string>("target"), "/api/v1/good/missing");
  EXPECT_EQ(audit(host, admin, "?from=" + at)->size(), 2u);  // Inclusive.
  EXPECT_EQ(audit(host, admin, "?to=" + at)->size(), 0u);    // Exclusive.
  EXPECT_EQ(audit(host, admin, "?from=2000-01-01&to=2000-01-02")->size(), 0u);
  EXPECT_EQ(audit(host, admin, "?limit=1")->size(), 1u);

  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"?from=yesterday", "from"},
                                                        {"?to=2024-05-01T08:00:00", "to"},
                                                        {"?limit=0", "limit"},
                                                        {"?limit=1001", "limit"},
                                                        {"?from=2024-05-02&to=2024-05-01", "to"}}) {
    auto doc = expect_problem(host.client().get("/api/v1/audit" + query, admin), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), field) << query;
  }
}

TEST(Audit, TheDatabaseRefusesToChangeOrDeleteAuditRows) {
  HostOptions options = good_host();
  const TestBackend backend = options.backend;
  HostProcess host(std::move(options));
  host.start();
  const std::string admin = create_key(host, "admin", "it-officer");
  ASSERT_EQ(post_greeting(host, admin).status, 201);
  ASSERT_EQ(audit(host, admin)->size(), 1u);

  auto store = open_store(backend, host.data_dir());
  EXPECT_THROW(*store << "UPDATE hisx_host_audit SET actor_id = 'someone-else'", soci::soci_error);
  EXPECT_THROW(*store << "DELETE FROM hisx_host_audit", soci::soci_error);
  long rows = 0;
  *store << "SELECT COUNT(*) FROM hisx_host_audit WHERE actor_id LIKE 'apikey:%'", soci::into(rows);
  EXPECT_EQ(rows, 1);
  // Still appending after the refused attempts.
  ASSERT_EQ(post_greeting(host, admin).status, 201);
  EXPECT_EQ(audit(host, admin)->size(), 2u);
}

}  // namespace
}  // namespace hisx::test::integration
