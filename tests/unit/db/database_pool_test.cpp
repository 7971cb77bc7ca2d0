#include "db/database_pool.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>

#include "test_database.h"

namespace hisx::host {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(DatabasePool, SqliteSessionsRunWithWalFullSyncBusyTimeoutAndForeignKeys) {
  test::TestDatabase db("sqlite3");
  auto cfg = db.config("database.his");
  cfg.pool_size = 3;
  cfg.busy_timeout_ms = 1234;
  auto pool = open_database(cfg);
  EXPECT_EQ(pool->backend(), "sqlite3");
  EXPECT_EQ(pool->key(), "database.his");

  // Every pooled session, not only the first, has the settings.
  for (std::size_t i = 0; i < 3; ++i) {
    soci::session& s = pool->pool().at(i);
    std::string mode;
    int synchronous = -1;
    int timeout = -1;
    int foreign_keys = -1;
    s << "PRAGMA journal_mode", soci::into(mode);
    s << "PRAGMA synchronous", soci::into(synchronous);
    s << "PRAGMA busy_timeout", soci::into(timeout);
    s << "PRAGMA foreign_keys", soci::into(foreign_keys);
    EXPECT_EQ(mode, "wal") << "session " << i;
    EXPECT_EQ(synchronous, 2) << "session " << i;  // FULL
    EXPECT_EQ(timeout, 1234) << "session " << i;
    EXPECT_EQ(foreign_keys, 1) << "session " << i;
  }
  EXPECT_TRUE(std::filesystem::exists(db.dir().path() / "hisx.db-wal"));
}

TEST(DatabasePool, SqliteForeignKeysAreEnforced) {
  test::TestDatabase db("sqlite3");
  auto pool = db.open();
  soci::session s(pool->pool());
  s << "CREATE TABLE parent (id INTEGER PRIMARY KEY)";
  s << "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))";
  EXPECT_THROW(s << "INSERT INTO child (id, parent_id) VALUES (1, 99)", soci::soci_error);
}

TEST(DatabasePool, UnknownBackendIsRefusedNamingTheKeyAndTheValidOnes) {
  DatabaseConfig cfg;
  cfg.key = "database.his";
  cfg.backend = "oracle";
  cfg.connection = "whatever";
  try {
    open_database(cfg);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key(), "database.his.backend");
    EXPECT_THAT(e.what(), HasSubstr("oracle"));
    EXPECT_THAT(e.what(), HasSubstr("sqlite3, postgresql, mysql, odbc"));
  }
}

TEST(DatabasePool, ConnectionFailureNamesKeyAndBackendButNeverThePassword) {
  const std::string password = "Sup3r-s3cret pw";
  DatabaseConfig cfg;
  cfg.key = "database.his";
  cfg.backend = "postgresql";
  // Port 1 on loopback: nothing listens there.
  cfg.connection = "host=127.0.0.1 port=1 dbname=his user=hisx connect_timeout=2";
  cfg.password = password;
  try {
    open_database(cfg);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    const std::string what = e.what();
    EXPECT_THAT(what, HasSubstr("database.his"));
    EXPECT_THAT(what, HasSubstr("postgresql"));
    EXPECT_THAT(what, HasSubstr("127.0.0.1"));  // The driver's own message is kept.
    EXPECT_THAT(what, Not(HasSubstr("s3cret")));
  }
}

TEST(DatabasePool, MysqlPasswordIsEscapedAndKeptOutOfTheError) {
  DatabaseConfig cfg;
  cfg.key = "database.his";
  cfg.backend = "mysql";
  cfg.connection = "host=127.0.0.1 port=1 db=his user=hisx connect_timeout=2";
  cfg.password = R"(it's a "pass" \ word)";
  try {
    open_database(cfg);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    // The driver got as far as connecting: the escaped password did not break the string.
    EXPECT_THAT(e.what(), HasSubstr("database.his (mysql)"));
    EXPECT_THAT(e.what(), HasSubstr("127.0.0.1"));
    EXPECT_THAT(e.what(), Not(HasSubstr("Malformed")));
    EXPECT_THAT(e.what(), Not(HasSubstr("pass")));
  }
}

TEST(DatabasePool, OdbcErrorNamesKeyAndOmitsPassword) {
  DatabaseConfig cfg;
  cfg.key = "database.his";
  cfg.backend = "odbc";
  cfg.connection = "DSN=hisx_no_such_dsn;UID=hisx";
  cfg.password = "odbc;secret}";
  try {
    open_database(cfg);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_THAT(e.what(), HasSubstr("database.his (odbc)"));
    EXPECT_THAT(e.what(), Not(HasSubstr("secret")));
  }
}

TEST(DatabasePool, MissingDatabaseErrorOmitsPasswordToo) {
  test::PgDatabase pg;
  DatabaseConfig cfg;
  cfg.key = "database.store";
  cfg.backend = "postgresql";
  cfg.connection = pg.conninfo() + "_missing";
  cfg.password = "pw-in-message?";
  try {
    open_database(cfg);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_THAT(e.what(), HasSubstr("database.store (postgresql)"));
    EXPECT_THAT(e.what(), HasSubstr("does not exist"));
    EXPECT_THAT(e.what(), Not(HasSubstr("pw-in-message")));
  }
}

TEST(DatabasePool, PostgresPasswordWithQuotesAndSpacesIsPassedIntact) {
  // The test cluster trusts every password, so the connection opens exactly when the
  // quoted password did not break the connection string.
  test::PgDatabase pg;
  DatabaseConfig cfg;
  cfg.key = "database.his";
  cfg.backend = "postgresql";
  cfg.connection = pg.conninfo();
  cfg.password = R"(it's a \ "pass" word)";
  auto pool = open_database(cfg);
  EXPECT_TRUE(pool->ping());
}

TEST(DatabasePool, PostgresSessionsUseUtc) {
  test::TestDatabase db("postgresql");
  auto pool = db.open();
  soci::session s(pool->pool());
  std::string zone;
  s << "SHOW TIME ZONE", soci::into(zone);
  EXPECT_EQ(zone, "UTC");
}

TEST(DatabasePool, PingAnswersOnSqliteAndPostgres) {
  for (const std::string backend : {"sqlite3", "postgresql"}) {
    test::TestDatabase db(backend);
    auto pool = db.open();
    std::string error = "untouched";
    EXPECT_TRUE(pool->ping(&error)) << backend;
    EXPECT_EQ(error, "untouched") << backend;
  }
}

TEST(DatabasePool, PingReconnectsSessionsThatThePostgresServerDropped) {
  test::PgDatabase pg;
  DatabaseConfig cfg;
  cfg.key = "database.his";
  cfg.backend = "postgresql";
  cfg.connection = pg.conninfo();
  cfg.pool_size = 2;
  auto pool = open_database(cfg);

  {
    soci::session admin(*soci::factory_postgresql(), test::pg_admin_conninfo());
    int killed = 0;
    admin << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = :d",
        soci::into(killed), soci::use(pg.name());
    ASSERT_EQ(killed, 2);
  }
  {
    soci::session s(pool->pool());
    int one = 0;
    EXPECT_THROW((s << "SELECT 1", soci::into(one)), soci::soci_error);
  }

  std::string error;
  EXPECT_TRUE(pool->ping(&error)) << error;
  // Both sessions work again, with their settings.
  for (std::size_t i = 0; i < 2; ++i) {
    std::string zone;
    pool->pool().at(i) << "SHOW TIME ZONE", soci::into(zone);
    EXPECT_EQ(zone, "UTC");
  }
}

TEST(DatabasePool, PingReportsADatabaseThatIsGone) {
  auto pg = std::make_unique<test::PgDatabase>();
  DatabaseConfig cfg;
  cfg.key = "database.his";
  cfg.backend = "postgresql";
  cfg.connection = pg->conninfo();
  cfg.pool_size = 1;
  auto pool = open_database(cfg);
  pg.reset();  // DROP DATABASE … WITH (FORCE) ends our session too.

  std::string error;
  EXPECT_FALSE(pool->ping(&error));
  EXPECT_THAT(error, HasSubstr("database.his (postgresql)"));
}

}  // namespace
}  // namespace hisx::host
