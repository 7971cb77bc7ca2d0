#include "db/migrator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "test_database.h"

namespace hisx::host {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

sdk::Migration migration(int version, std::string name, std::string sql) {
  sdk::Migration m;
  m.version = version;
  m.name = std::move(name);
  m.sql = std::move(sql);
  return m;
}

std::vector<sdk::Migration> booking_migrations() {
  return {
      migration(1, "create bookings",
                "CREATE TABLE hisx_demo_bookings (id INTEGER PRIMARY KEY, patient VARCHAR(50));\n"
                "CREATE INDEX hisx_demo_bookings_patient ON hisx_demo_bookings (patient);"),
      migration(2, "seed one booking",
                "INSERT INTO hisx_demo_bookings (id, patient) VALUES (1, 'a;b');"),
  };
}

int count(DatabasePool& db, const std::string& sql) {
  soci::session s(db.pool());
  int n = -1;
  s << sql, soci::into(n);
  return n;
}

std::string migration_error(Migrator& migrator, const std::string& owner,
                            const std::vector<sdk::Migration>& migrations) {
  try {
    migrator.apply(owner, migrations);
  } catch (const MigrationError& e) {
    return e.what();
  }
  return "(no MigrationError)";
}

class MigratorTest : public ::testing::TestWithParam<std::string> {
 protected:
  test::TestDatabase db_{GetParam()};
  std::shared_ptr<DatabasePool> pool_ = db_.open();
  Migrator migrator_{*pool_};
};

TEST_P(MigratorTest, AppliesOnceAndRecordsEachMigrationWithItsChecksum) {
  std::vector<std::string> lines;
  migrator_.apply("demo", booking_migrations(),
                  [&](const std::string& line) { lines.push_back(line); });

  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[0], HasSubstr("applied plugin 'demo' migration 1 'create bookings'"));
  EXPECT_EQ(count(*pool_, "SELECT COUNT(*) FROM hisx_demo_bookings WHERE patient = 'a;b'"), 1);

  const auto applied = migrator_.applied("demo");
  ASSERT_EQ(applied.size(), 2u);
  EXPECT_EQ(applied[0].version, 1);
  EXPECT_EQ(applied[0].name, "create bookings");
  EXPECT_EQ(applied[0].checksum, Migrator::checksum(booking_migrations()[0].sql));
  EXPECT_EQ(applied[0].checksum.size(), 64u);
  EXPECT_EQ(applied[0].applied_at.size(), 20u);  // YYYY-MM-DDTHH:MM:SSZ
  EXPECT_EQ(applied[1].version, 2);
  EXPECT_THAT(migrator_.pending("demo", booking_migrations()), IsEmpty());
  EXPECT_THAT(migrator_.applied("other"), IsEmpty());
}

TEST_P(MigratorTest, SecondRunIsANoOp) {
  migrator_.apply("demo", booking_migrations());
  std::vector<std::string> lines;
  migrator_.apply("demo", booking_migrations(),
                  [&](const std::string& line) { lines.push_back(line); });
  EXPECT_THAT(lines, IsEmpty());
  // The seed ran once: a second run would have failed on the primary key anyway.
  EXPECT_EQ(count(*pool_, "SELECT COUNT(*) FROM hisx_demo_bookings"), 1);
  EXPECT_EQ(count(*pool_, "SELECT COUNT(*) FROM hisx_schema_migrations"), 2);
}

TEST_P(MigratorTest, NewMigrationsOfALaterReleaseAreAppliedAfterTheOldOnes) {
  auto v1 = booking_migrations();
  v1.pop_back();
  migrator_.apply("demo", v1);
  EXPECT_EQ(migrator_.pending("demo", booking_migrations()).size(), 1u);
  migrator_.apply("demo", booking_migrations());
  EXPECT_EQ(count(*pool_, "SELECT COUNT(*) FROM hisx_demo_bookings"), 1);
}

TEST_P(MigratorTest, ChangedMigrationIsRefusedNamingPluginVersionAndName) {
  migrator_.apply("demo", booking_migrations());
  auto changed = booking_migrations();
  changed[1].sql = "INSERT INTO hisx_demo_bookings (id, patient) VALUES (1, 'changed');";
  changed.push_back(migration(3, "more", "CREATE TABLE hisx_demo_more (id INTEGER)"));

  const std::string what = migration_error(migrator_, "demo", changed);
  EXPECT_THAT(what, AllOf(HasSubstr("plugin 'demo' migration 2 'seed one booking'"),
                          HasSubstr("was changed after it was applied"),
                          HasSubstr(Migrator::checksum(booking_migrations()[1].sql)),
                          HasSubstr(Migrator::checksum(changed[1].sql)),
                          HasSubstr("add a new migration instead")));
  // Refused before anything was applied.
  EXPECT_FALSE(test::table_exists(*pool_, "hisx_demo_more"));
}

TEST_P(MigratorTest, RecordedMigrationThatIsNoLongerShippedIsRefused) {
  migrator_.apply("demo", booking_migrations());
  auto older = booking_migrations();
  older.pop_back();
  EXPECT_THAT(migration_error(migrator_, "demo", older),
              AllOf(HasSubstr("plugin 'demo' migration 2 'seed one booking'"),
                    HasSubstr("no longer ships it")));
}

TEST_P(MigratorTest, DuplicateOrDecreasingVersionsAreRefused) {
  auto dup = booking_migrations();
  dup[1].version = 1;
  EXPECT_THAT(migration_error(migrator_, "demo", dup),
              AllOf(HasSubstr("plugin 'demo' migration 1 'seed one booking'"),
                    HasSubstr("strictly increasing")));
  auto zero = booking_migrations();
  zero[0].version = 0;
  EXPECT_THAT(migration_error(migrator_, "demo", zero), HasSubstr("versions start at 1"));
  EXPECT_FALSE(test::table_exists(*pool_, "hisx_demo_bookings"));
}

TEST_P(MigratorTest, FailingMigrationLeavesNoTableAndNoRecord) {
  auto migrations = booking_migrations();
  migrations.push_back(migration(3, "broken",
                                 "CREATE TABLE hisx_demo_half (id INTEGER);\n"
                                 "INSERT INTO hisx_demo_half (id) VALUES (1);\n"
                                 "INSERT INTO hisx_demo_no_such_table (id) VALUES (1);"));
  const std::string what = migration_error(migrator_, "demo", migrations);
  EXPECT_THAT(what, AllOf(HasSubstr("plugin 'demo' migration 3 'broken' failed"),
                          HasSubstr("rolled back"), HasSubstr("hisx_demo_no_such_table")));

  EXPECT_FALSE(test::table_exists(*pool_, "hisx_demo_half"));
  const auto applied = migrator_.applied("demo");
  ASSERT_EQ(applied.size(), 2u);
  EXPECT_EQ(applied.back().version, 2);

  // Fixed, it applies.
  migrations[2].sql = "CREATE TABLE hisx_demo_half (id INTEGER)";
  migrator_.apply("demo", migrations);
  EXPECT_TRUE(test::table_exists(*pool_, "hisx_demo_half"));
}

TEST_P(MigratorTest, BackendSpecificSqlIsChosenAndItsChecksumRecorded) {
  auto m = migration(1, "create codes", "CREATE TABLE hisx_demo_generic (id INTEGER)");
  m.sql_postgresql = "CREATE TABLE hisx_demo_pg (id BIGSERIAL PRIMARY KEY)";
  m.sql_mysql = "CREATE TABLE hisx_demo_my (id BIGINT AUTO_INCREMENT PRIMARY KEY)";
  migrator_.apply("demo", {m});

  const bool pg = GetParam() == "postgresql";
  EXPECT_EQ(test::table_exists(*pool_, "hisx_demo_pg"), pg);
  EXPECT_EQ(test::table_exists(*pool_, "hisx_demo_generic"), !pg);
  EXPECT_FALSE(test::table_exists(*pool_, "hisx_demo_my"));
  EXPECT_EQ(migrator_.applied("demo").at(0).checksum,
            Migrator::checksum(pg ? m.sql_postgresql : m.sql));
  EXPECT_EQ(&Migrator::effective_sql(m, "mysql"), &m.sql_mysql);
  EXPECT_EQ(&Migrator::effective_sql(m, "odbc"), &m.sql);
}

TEST_P(MigratorTest, PluginsAreRecordedSeparately) {
  migrator_.apply("demo", booking_migrations());
  migrator_.apply("other",
                  {migration(1, "create other", "CREATE TABLE hisx_other_x (id INTEGER)")});
  EXPECT_EQ(migrator_.applied("demo").size(), 2u);
  EXPECT_EQ(migrator_.applied("other").size(), 1u);
}

TEST_P(MigratorTest, TwoHostsStartingAtOnceApplyEachMigrationOnce) {
  // A second pool stands for a second host on the same database. The slow first migration
  // keeps the window open; applying it twice would fail on CREATE TABLE.
  auto other_pool = db_.open();
  const std::string slow = GetParam() == "postgresql"
                               ? "SELECT pg_sleep(0.3)"
                               : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 300000) SELECT COUNT(*) FROM n";
  std::vector<sdk::Migration> migrations = {
      migration(1, "create queue",
                "CREATE TABLE hisx_demo_queue (id INTEGER PRIMARY KEY);\n" + slow + ";"),
      migration(2, "seed queue", "INSERT INTO hisx_demo_queue (id) VALUES (1)"),
  };

  int raced = 0;  // Rounds in which the second host found the work done inside its lock.
  for (int round = 0; round < 3; ++round) {
    const std::string owner = "demo" + std::to_string(round);
    for (auto& m : migrations) {
      // A fresh table per round.
      m.sql =
          std::regex_replace(m.sql, std::regex("hisx_demo\\w*queue"), "hisx_" + owner + "_queue");
    }
    std::string errors[2];
    std::vector<std::string> lines[2];
    std::thread a([&] {
      try {
        Migrator(*pool_).apply(owner, migrations, [&](auto& l) { lines[0].push_back(l); });
      } catch (const std::exception& e) {
        errors[0] = e.what();
      }
    });
    std::thread b([&] {
      try {
        Migrator(*other_pool).apply(owner, migrations, [&](auto& l) { lines[1].push_back(l); });
      } catch (const std::exception& e) {
        errors[1] = e.what();
      }
    });
    a.join();
    b.join();
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    EXPECT_EQ(count(*pool_, "SELECT COUNT(*) FROM hisx_" + owner + "_queue"), 1);
    EXPECT_EQ(
        count(*pool_, "SELECT COUNT(*) FROM hisx_schema_migrations WHERE plugin = '" + owner + "'"),
        2);
    int applied_lines = 0;
    for (const auto& host_lines : lines) {
      for (const auto& line : host_lines) {
        if (line.rfind("applied ", 0) == 0) ++applied_lines;
        if (line.find("already applied by another host") != std::string::npos) ++raced;
      }
    }
    EXPECT_EQ(applied_lines, 2) << "round " << round;
  }
  // The slow migration makes the hosts overlap, so the check inside the transaction ran.
  EXPECT_GT(raced, 0);
}

TEST(MigratorPostgres, FunctionBodiesWithSemicolonsApply) {
  test::TestDatabase db("postgresql");
  auto pool = db.open();
  Migrator migrator(*pool);
  auto m = migration(1, "create function", "");
  m.sql_postgresql =
      "CREATE TABLE hisx_demo_n (n INTEGER);\n"
      "CREATE FUNCTION hisx_demo_double(x INTEGER) RETURNS INTEGER AS $$\n"
      "BEGIN\n  RETURN x * 2;\nEND;\n$$ LANGUAGE plpgsql;\n"
      "INSERT INTO hisx_demo_n (n) VALUES (hisx_demo_double(21));";
  migrator.apply("demo", {m});
  EXPECT_EQ(count(*pool, "SELECT n FROM hisx_demo_n"), 42);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorTest, ::testing::Values("sqlite3", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hisx::host
