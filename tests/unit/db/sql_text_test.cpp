#include "db/sql_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::host {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SqlText, SplitsOnSemicolonsAndDropsEmptyStatements) {
  EXPECT_THAT(split_sql_statements("CREATE TABLE a (x INT);\n\n;  CREATE TABLE b (y INT)\n"),
              ElementsAre("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"));
}

TEST(SqlText, KeepsSemicolonsInsideStringsIdentifiersAndComments) {
  const auto parts = split_sql_statements(
      "INSERT INTO t VALUES ('a;b', 'it''s; fine');\n"
      "-- a comment; not a split\n"
      "/* block; comment */ SELECT \"odd;name\" FROM t;\n"
      "-- only a comment at the end;\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "INSERT INTO t VALUES ('a;b', 'it''s; fine')");
  EXPECT_EQ(parts[1], "-- a comment; not a split\n/* block; comment */ SELECT \"odd;name\" FROM t");
}

TEST(SqlText, KeepsPostgresDollarQuotedBodiesWhole) {
  const auto parts = split_sql_statements(
      "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\n"
      "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 2; $body$ LANGUAGE sql;\n"
      "SELECT $1");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0],
            "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql");
  EXPECT_EQ(parts[1], "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 2; $body$ LANGUAGE sql");
  EXPECT_EQ(parts[2], "SELECT $1");
}

TEST(SqlText, ScriptOfOnlyCommentsHasNoStatements) {
  EXPECT_THAT(split_sql_statements("-- nothing here;\n/* nor; here */\n  "), IsEmpty());
}

TEST(SqlText, FindsNamedParametersOnceInOrder) {
  EXPECT_THAT(sql_parameters("SELECT * FROM p WHERE name LIKE :q OR phone LIKE :q LIMIT :limit"),
              ElementsAre("q", "limit"));
}

TEST(SqlText, CastsAssignmentsQuotesAndCommentsAreNotParameters) {
  EXPECT_THAT(sql_parameters("SELECT x::int, ':nope', \":nor\" -- :comment\n"
                             "/* :block */ FROM t WHERE a := 1 AND b = :yes AND c = $1"),
              ElementsAre("yes"));
}

}  // namespace
TEST(SqlText, RepeatedParametersGetNamesOfTheirOwnForOdbc) {
  const std::string sql =
      "SELECT * FROM p WHERE a LIKE '%' || :q || '%' OR b = :q OR c = ':q' OR d::text = :limit "
      "-- :q\n LIMIT :limit";
  const std::string distinct = with_distinct_parameters(sql);
  EXPECT_EQ(distinct,
            "SELECT * FROM p WHERE a LIKE '%' || :q || '%' OR b = :q__hisx2 OR c = ':q' OR "
            "d::text = :limit -- :q\n LIMIT :limit__hisx2");
  EXPECT_EQ(sql_parameters(distinct),
            (std::vector<std::string>{"q", "q__hisx2", "limit", "limit__hisx2"}));
  EXPECT_EQ(parameter_of("q__hisx2"), "q");
  EXPECT_EQ(parameter_of("limit__hisx12"), "limit");
  EXPECT_EQ(parameter_of("q"), "q");
  EXPECT_EQ(parameter_of("a__hisxy"), "a__hisxy");
  EXPECT_EQ(with_distinct_parameters("SELECT 1"), "SELECT 1");
}

}  // namespace hisx::host
