#include "audit/audit_log.h"

#include <Poco/Logger.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "audit/append_only.h"
#include "audit/audit_migrations.h"
#include "config/config.h"
#include "config/config_reader.h"
#include "db/migrator.h"
#include "test_database.h"
#include "test_server.h"

namespace hisx::host {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

AuditRecord write(const std::string& actor, const std::string& target, int status) {
  AuditRecord r;
  r.actor_id = actor;
  r.actor_name = actor == "-" ? "" : "name of " + actor;
  r.role = actor == "-" ? "" : "admin";
  r.client_address = "10.1.2.3";
  r.method = "POST";
  r.route = "/api/v1/good/greetings";
  r.target = target;
  r.status = status;
  r.request_id = "req-" + std::to_string(status);
  return r;
}

long count_rows(DatabasePool& db) {
  soci::session s(db.pool());
  long n = 0;
  s << "SELECT COUNT(*) FROM hisx_host_audit", soci::into(n);
  return n;
}

class AuditLogTest : public ::testing::TestWithParam<std::string> {
 protected:
  AuditLogTest() {
    Migrator(*pool_).apply("host_audit", audit_migrations());
    protect_audit_table(*pool_);
  }

  std::vector<std::string> targets(const AuditQuery& q) {
    std::vector<std::string> out;
    for (const auto& e : log_.find(q)) out.push_back(e.target);
    return out;
  }

  test::TestDatabase db_{GetParam()};
  std::shared_ptr<DatabasePool> pool_ = db_.open();
  sdk::ManualClock clock_{sys_days{2024y / May / 1} + 8h};
  AuditLog log_{*pool_, clock_};
};

TEST_P(AuditLogTest, RecordsEveryFieldAndAnswersNewestFirst) {
  log_.record(write("apikey:7", "/api/v1/good/greetings", 201));
  clock_.advance(1500us);
  log_.record(write("-", "/api/v1/good/greetings", 401));
  clock_.advance(1s);
  AuditRecord failed = write("user:3", "/api/v1/good/greetings/9", 500);
  failed.method = "DELETE";
  failed.route = "/api/v1/good/greetings/{id}";
  log_.record(failed);

  const auto rows = log_.find({});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at, "2024-05-01T08:00:01.001500Z");
  EXPECT_EQ(rows[0].actor_id, "user:3");
  EXPECT_EQ(rows[0].method, "DELETE");
  EXPECT_EQ(rows[0].route, "/api/v1/good/greetings/{id}");
  EXPECT_EQ(rows[0].target, "/api/v1/good/greetings/9");
  EXPECT_EQ(rows[0].status, 500);
  EXPECT_EQ(rows[0].outcome, "error");

  EXPECT_EQ(rows[1].at, "2024-05-01T08:00:00.001500Z");
  EXPECT_EQ(rows[1].actor_id, "-");
  EXPECT_EQ(rows[1].actor_name, "");
  EXPECT_EQ(rows[1].role, "");
  EXPECT_EQ(rows[1].outcome, "refused");

  const AuditEntry& first = rows[2];
  EXPECT_GT(first.id, 0);
  EXPECT_EQ(first.at, "2024-05-01T08:00:00.000000Z");
  EXPECT_EQ(first.actor_id, "apikey:7");
  EXPECT_EQ(first.actor_name, "name of apikey:7");
  EXPECT_EQ(first.role, "admin");
  EXPECT_EQ(first.address, "10.1.2.3");
  EXPECT_EQ(first.method, "POST");
  EXPECT_EQ(first.route, "/api/v1/good/greetings");
  EXPECT_EQ(first.target, "/api/v1/good/greetings");
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(first.outcome, "success");
  EXPECT_EQ(first.request_id, "req-201");
}

TEST_P(AuditLogTest, RowsOfOneInstantKeepTheirOrder) {
  for (int i = 0; i < 3; ++i) log_.record(write("apikey:1", "/t/" + std::to_string(i), 200));
  EXPECT_EQ(targets({}), (std::vector<std::string>{"/t/2", "/t/1", "/t/0"}));
}

TEST_P(AuditLogTest, FiltersByTimeActorTargetPrefixAndLimit) {
  log_.record(write("apikey:1", "/api/v1/a/1", 201));  // 08:00
  clock_.advance(1h);
  log_.record(write("user:2", "/api/v1/b/1", 201));  // 09:00
  clock_.advance(1h);
  log_.record(write("apikey:1", "/api/v1/a/2", 403));  // 10:00

  AuditQuery from;
  from.from = "2024-05-01T09:00:00.000000Z";  // Inclusive.
  EXPECT_THAT(targets(from), ElementsAre("/api/v1/a/2", "/api/v1/b/1"));
  AuditQuery to;
  to.to = "2024-05-01T09:00:00.000000Z";  // Exclusive.
  EXPECT_THAT(targets(to), ElementsAre("/api/v1/a/1"));
  AuditQuery actor;
  actor.actor = "apikey:1";
  EXPECT_THAT(targets(actor), ElementsAre("/api/v1/a/2", "/api/v1/a/1"));
  AuditQuery prefix;
  prefix.target = "/api/v1/a/";
  EXPECT_THAT(targets(prefix), ElementsAre("/api/v1/a/2", "/api/v1/a/1"));
  AuditQuery all;
  all.from = "2024-05-01T08:00:00.000000Z";
  all.to = "2024-05-01T10:00:00.000000Z";
  all.actor = "apikey:1";
  all.target = "/api/v1/a";
  EXPECT_THAT(targets(all), ElementsAre("/api/v1/a/1"));
  AuditQuery limited;
  limited.limit = 2;
  EXPECT_THAT(targets(limited), ElementsAre("/api/v1/a/2", "/api/v1/b/1"));
  AuditQuery nobody;
  nobody.actor = "user:99";
  EXPECT_TRUE(log_.find(nobody).empty());
}

TEST_P(AuditLogTest, TargetPrefixIsLiteralNotAPattern) {
  log_.record(write("apikey:1", "/x/a%25b", 201));
  log_.record(write("apikey:1", "/x/aXXb", 201));
  log_.record(write("apikey:1", "/x/a_b", 201));
  AuditQuery percent;
  percent.target = "/x/a%";
  EXPECT_THAT(targets(percent), ElementsAre("/x/a%25b"));
  AuditQuery underscore;
  underscore.target = "/x/a_";
  EXPECT_THAT(targets(underscore), ElementsAre("/x/a_b"));
}

TEST_P(AuditLogTest, TheDatabaseRefusesToChangeOrRemoveRows) {
  log_.record(write("apikey:1", "/api/v1/a", 201));
  log_.record(write("apikey:2", "/api/v1/b", 201));
  soci::session s(pool_->pool());
  EXPECT_THROW(s << "UPDATE hisx_host_audit SET actor_id = 'someone-else'", soci::soci_error);
  EXPECT_THROW(s << "DELETE FROM hisx_host_audit", soci::soci_error);
  EXPECT_THROW(s << "DELETE FROM hisx_host_audit WHERE actor_id = 'apikey:1'", soci::soci_error);
  if (GetParam() == "postgresql") {
    // A statement trigger: refused even when no row matches, and TRUNCATE too.
    EXPECT_THROW(s << "UPDATE hisx_host_audit SET status = 200 WHERE id = -1", soci::soci_error);
    EXPECT_THROW(s << "TRUNCATE hisx_host_audit", soci::soci_error);
  }
  EXPECT_EQ(count_rows(*pool_), 2);
  EXPECT_THAT(targets({}), ElementsAre("/api/v1/b", "/api/v1/a"));
  EXPECT_EQ(log_.find({})[1].actor_id, "apikey:1");
  // Protecting again (every start) changes nothing and still appends.
  protect_audit_table(*pool_);
  log_.record(write("apikey:3", "/api/v1/c", 201));
  EXPECT_EQ(count_rows(*pool_), 3);
}

TEST_P(AuditLogTest, LongOrOddValuesAreStoredClippedAndPrintable) {
  AuditRecord r = write("user:5", "/api/v1/x", 201);
  std::string name;
  for (int i = 0; i < 150; ++i) name += "Nguyễn ";  // Multi-byte characters, 1,200+ bytes.
  r.actor_name = name;
  r.target = std::string("/api/v1/tên bệnh nhân\n") + "\xff" + std::string(2000, 'a');
  log_.record(r);
  const auto rows = log_.find({});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_LE(rows[0].actor_name.size(), 200u);
  const std::string word = "Nguyễn ";
  EXPECT_EQ(rows[0].actor_name.substr(0, word.size()), word);
  EXPECT_EQ(rows[0].target.substr(0, 24), "/api/v1/t%C3%AAn%20b%E1%");
  EXPECT_THAT(rows[0].target, HasSubstr("%0A%FFaaa"));
  EXPECT_EQ(rows[0].target.size(), 1000u);
}

TEST_P(AuditLogTest, AFailedWriteIsLoggedAndNeverThrown) {
  test::TestDatabase empty(GetParam());  // No audit table.
  auto pool = empty.open();
  AuditLog log(*pool, clock_);
  Poco::AutoPtr<test::CapturingChannel> channel(new test::CapturingChannel);
  auto& logger = Poco::Logger::get("hisx.audit");
  auto before = logger.getChannel();
  logger.setChannel(channel);
  AuditRecord r = write("apikey:1", "/api/v1/a", 201);
  EXPECT_NO_THROW(log.record(r));
  logger.setChannel(before);
  ASSERT_EQ(channel->lines().size(), 1u);
  EXPECT_THAT(channel->lines()[0],
              HasSubstr("Could not write the audit row of POST /api/v1/good/greetings "
                        "(request req-201, status 201)"));
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest, ::testing::Values("sqlite3", "postgresql"));

TEST(AuditOutcome, FollowsTheStatusClass) {
  EXPECT_EQ(audit_outcome(200), "success");
  EXPECT_EQ(audit_outcome(204), "success");
  EXPECT_EQ(audit_outcome(302), "success");
  EXPECT_EQ(audit_outcome(401), "refused");
  EXPECT_EQ(audit_outcome(422), "refused");
  EXPECT_EQ(audit_outcome(500), "error");
  EXPECT_EQ(audit_outcome(503), "error");
}

}  // namespace
}  // namespace hisx::host
