#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "db/his_profile_file.h"
#include "test_database.h"

namespace hisx::host {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class HisProfileTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { test::create_his_tables(*pool_); }

  test::TestDatabase db_{GetParam()};
  std::shared_ptr<DatabasePool> pool_ = db_.open();
  std::unique_ptr<ProfileFile> profile_ =
      load_profile(test::write_file(db_.dir().path(), "test.yaml", test::kTestProfile), GetParam());
};

TEST_P(HisProfileTest, LoadsNameDescriptionAndStatements) {
  EXPECT_EQ(profile_->name(), "test");
  EXPECT_EQ(profile_->description(), "Tables of the db unit tests");
  EXPECT_TRUE(profile_->has("patient.get"));
  EXPECT_FALSE(profile_->has("clinic.list"));
  EXPECT_THAT(profile_->find("patient.search")->params, ElementsAre("q", "limit"));
  EXPECT_EQ(profile_->statement_names().size(), 7u);
  // No trailing ';', so the SQL can be wrapped.
  EXPECT_EQ(profile_->find("patient.get")->sql.back(), 'd');
}

TEST_P(HisProfileTest, QueryConvertsEachColumnType) {
  soci::session s(pool_->pool());
  const auto rows = profile_->query(s, "patient.get", {{"id", 1LL}});
  ASSERT_EQ(rows.size(), 1u);
  const auto& row = rows[0];
  EXPECT_THAT(row.columns(), ElementsAre("id", "code", "full_name", "birth_date", "gender", "phone",
                                         "insurance_no", "address", "weight_kg", "registered_at"));
  EXPECT_EQ(row.at("id").type(), typeid(Poco::Int64));
  EXPECT_EQ(row.at("id").extract<Poco::Int64>(), 1);
  EXPECT_EQ(row.text("full_name"), "Nguyễn Văn An");
  EXPECT_EQ(row.text("birth_date"), "1980-02-03");
  // Raw, without a zone: the plugin's view applies the profile's time convention.
  EXPECT_EQ(row.text("registered_at"), "2024-01-05T08:30:00");
  EXPECT_TRUE(row.at("phone").isEmpty());
  EXPECT_EQ(row.text("phone", "none"), "none");
  EXPECT_EQ(row.at("weight_kg").type(), typeid(double));
  EXPECT_DOUBLE_EQ(row.at("weight_kg").extract<double>(), 70.5);

  // A timestamp at midnight reads as a date.
  const auto second = profile_->query(s, "patient.get", {{"id", 2LL}});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].text("registered_at"), "2024-01-06");
  EXPECT_TRUE(second[0].at("insurance_no").isEmpty());

  EXPECT_TRUE(profile_->query(s, "patient.get", {{"id", 99LL}}).empty());
}

TEST_P(HisProfileTest, BindsTextIntegerDoubleAndNullByName) {
  soci::session s(pool_->pool());
  // :q is used three times in the SQL.
  auto rows = profile_->query(s, "patient.search", {{"q", std::string("bn002")}, {"limit", 10LL}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text("code"), "BN002");
  rows = profile_->query(s, "patient.search", {{"q", std::string("Văn")}, {"limit", 10LL}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text("full_name"), "Nguyễn Văn An");
  EXPECT_EQ(profile_->query(s, "patient.search", {{"q", std::string("")}, {"limit", 1LL}}).size(),
            1u);

  rows = profile_->query(s, "test.heavier_than",
                         {{"kg", 60.25}, {"min_id", 1LL}, {"code", std::string("BN999")}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("n").convert<int>(), 1);
  rows = profile_->query(s, "test.heavier_than",
                         {{"kg", 50.0}, {"min_id", 1LL}, {"code", std::string("BN001")}});
  EXPECT_EQ(rows[0].at("n").convert<int>(), 1);

  EXPECT_EQ(profile_->query(s, "test.phone_or_all", {{"phone", std::monostate{}}}).size(), 2u);
  rows = profile_->query(s, "test.phone_or_all", {{"phone", std::string("0905123456")}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("id").convert<int>(), 2);
}

TEST_P(HisProfileTest, BackendVariantIsChosen) {
  soci::session s(pool_->pool());
  const auto rows = profile_->query(s, "department.list", {});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text("name"), GetParam() == "postgresql" ? "Khoa Nội (pg)" : "Khoa Nội");
}

TEST_P(HisProfileTest, ExecuteReturnsAffectedRows) {
  soci::session s(pool_->pool());
  const sdk::HisParams visit = {{"patient_id", 1LL},
                                {"clinic_id", 7LL},
                                {"visit_time", std::string("2024-01-07T02:00:00Z")},
                                {"source", std::string("app")}};
  EXPECT_EQ(profile_->execute(s, "visit.register", visit), 1);
  EXPECT_EQ(profile_->execute(s, "visit.register", visit), 1);
  EXPECT_EQ(profile_->execute(s, "test.move_visits", {{"from", 7LL}, {"to", 8LL}}), 2);
  EXPECT_EQ(profile_->execute(s, "test.move_visits", {{"from", 7LL}, {"to", 8LL}}), 0);
  int n = 0;
  s << "SELECT COUNT(*) FROM his_visit WHERE clinic_id = 8 AND source = 'app'", soci::into(n);
  EXPECT_EQ(n, 2);
}

TEST_P(HisProfileTest, MissingParametersAreNamed) {
  soci::session s(pool_->pool());
  try {
    profile_->query(s, "patient.search", {{"q", std::string("x")}});
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("'patient.search'"));
    EXPECT_THAT(e.what(), HasSubstr(":limit"));
  }
  try {
    profile_->execute(s, "visit.register", {{"patient_id", 1LL}});
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr(":clinic_id, :visit_time, :source"));
  }
}

TEST_P(HisProfileTest, UnknownStatementIsOutOfRange) {
  soci::session s(pool_->pool());
  EXPECT_THROW(profile_->query(s, "clinic.list", {}), std::out_of_range);
  EXPECT_THROW(profile_->execute(s, "nothing.here", {}), std::out_of_range);
}

TEST_P(HisProfileTest, DatabaseErrorsNameTheStatement) {
  soci::session s(pool_->pool());
  const sdk::HisParams visit = {{"patient_id", 42LL},  // No such patient: foreign key.
                                {"clinic_id", 7LL},
                                {"visit_time", std::string("2024-01-07T02:00:00Z")},
                                {"source", std::string("app")}};
  try {
    profile_->execute(s, "visit.register", visit);
    FAIL() << "expected soci_error";
  } catch (const soci::soci_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("HIS profile statement 'visit.register'"));
    EXPECT_THAT(e.what(), HasSubstr(GetParam() == "postgresql" ? "foreign key" : "FOREIGN KEY"));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, HisProfileTest, ::testing::Values("sqlite3", "postgresql"),
                         [](const auto& info) { return info.param; });

// Malformed files: each refusal names the file and the key to fix.
class ProfileFileErrors : public ::testing::Test {
 protected:
  ConfigError load_error(const std::string& yaml) {
    const auto path = test::write_file(dir_.path(), "bad.yaml", yaml);
    try {
      load_profile(path, "sqlite3");
    } catch (const ConfigError& e) {
      EXPECT_EQ(e.file(), path.string());
      EXPECT_THAT(e.what(), HasSubstr(path.string()));
      return e;
    }
    ADD_FAILURE() << "no ConfigError for:\n" << yaml;
    return ConfigError("", "", "");
  }

  test::TempDir dir_;
};

TEST_F(ProfileFileErrors, YamlSyntaxErrorGivesTheLine) {
  const auto e = load_error("profile: x\nstatements:\n  patient.get: [\n");
  EXPECT_THAT(e.what(), HasSubstr("not valid YAML at line"));
}

TEST_F(ProfileFileErrors, StatementWithoutSqlNamesTheSqlKey) {
  const auto e =
      load_error("profile: x\nstatements:\n  patient.get:\n    sql_postgresql: SELECT 1\n");
  EXPECT_EQ(e.key(), "statements.patient.get.sql");
  EXPECT_THAT(e.what(), HasSubstr("missing"));
}

TEST_F(ProfileFileErrors, EmptySqlIsRefused) {
  const auto e = load_error("profile: x\nstatements:\n  patient.get:\n    sql: \"-- later\"\n");
  EXPECT_EQ(e.key(), "statements.patient.get.sql");
  EXPECT_THAT(e.what(), HasSubstr("empty"));
}

TEST_F(ProfileFileErrors, MisspelledVariantIsRefused) {
  const auto e = load_error(
      "profile: x\nstatements:\n  patient.get:\n    sql: SELECT 1\n    sql_postgres: SELECT 2\n");
  EXPECT_EQ(e.key(), "statements.patient.get.sql_postgres");
  EXPECT_THAT(e.what(), HasSubstr("sql_postgresql"));
}

TEST_F(ProfileFileErrors, TwoStatementsInOneAreRefused) {
  const auto e =
      load_error("profile: x\nstatements:\n  patient.get:\n    sql: SELECT 1; SELECT 2\n");
  EXPECT_EQ(e.key(), "statements.patient.get.sql");
  EXPECT_THAT(e.what(), HasSubstr("2 SQL statements"));
}

TEST_F(ProfileFileErrors, ErrorInAnotherBackendsVariantIsFoundToo) {
  const auto e =
      load_error("profile: x\nstatements:\n  patient.get:\n    sql: SELECT 1\n    sql_odbc: ''\n");
  EXPECT_EQ(e.key(), "statements.patient.get.sql_odbc");
}

TEST_F(ProfileFileErrors, StatementThatIsNotAMappingIsRefused) {
  const auto e = load_error("profile: x\nstatements:\n  patient.get: SELECT 1\n");
  EXPECT_EQ(e.key(), "statements.patient.get");
  EXPECT_THAT(e.what(), HasSubstr("sql:"));
}

TEST_F(ProfileFileErrors, MissingProfileNameAndStatementsAreRefused) {
  EXPECT_EQ(load_error("statements:\n  a.b:\n    sql: SELECT 1\n").key(), "profile");
  EXPECT_EQ(load_error("profile: x\n").key(), "statements");
  EXPECT_EQ(load_error("profile: x\nstatements: [a]\n").key(), "statements");
  EXPECT_EQ(load_error("profile: x\nstatement: {}\n").key(), "statement");
}

TEST_F(ProfileFileErrors, MissingFileIsRefused) {
  try {
    load_profile(dir_.path() / "none.yaml", "sqlite3");
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key(), "his_profile");
    EXPECT_THAT(e.what(), HasSubstr("none.yaml"));
  }
}

}  // namespace
}  // namespace hisx::host
