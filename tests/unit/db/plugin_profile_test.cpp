#include "db/plugin_profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hisx/problem.h"
#include "test_database.h"

namespace hisx::host {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const char* const kProfile = R"(profile: view
values:
  gender: {map: {M: male, F: female}}
statements:
  patient.get:
    params: {id: integer}
    sql: |
      SELECT id, code, full_name, birth_date, gender, phone, insurance_no, address,
             1 AS rn, 'helper' AS lim
      FROM his_patient WHERE id = :id
  department.list:
    sql: SELECT id, code, name FROM his_department_gone
  visit.register:
    sql: >
      INSERT INTO his_visit (patient_id, clinic_id, visit_time, source)
      VALUES (:patient_id, :clinic_id, :visit_time, :source)
)";

class PluginProfileTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    test::create_his_tables(*pool_);
    soci::session s(pool_->pool());
    s << "INSERT INTO his_patient (id, code, full_name, birth_date, gender, phone) "
         "VALUES (5, 'BN5', 'Trần Văn Bình', '1970-01-02', 'M', '0903000555')";
    file_ = load_profile(test::write_file(db_.dir().path(), "view.yaml", kProfile), GetParam());
  }

  PluginProfile view(std::initializer_list<const char*> names) {
    std::vector<DeclaredStatement> declared;
    for (const char* n : names) declared.push_back({*sdk::find_statement(n), true});
    return PluginProfile("lab", *file_, declared);
  }

  test::TestDatabase db_{GetParam()};
  std::shared_ptr<DatabasePool> pool_ = db_.open();
  std::unique_ptr<ProfileFile> file_;
};

TEST_P(PluginProfileTest, OnlyDeclaredColumnsLeaveTheHostInTheirDeclaredForm) {
  const auto profile = view({"patient.get"});
  soci::session s(pool_->pool());
  const auto rows = profile.query(s, "patient.get", {{"id", std::string("5")}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_THAT(rows[0].columns(), ElementsAre("id", "code", "full_name", "birth_date", "gender",
                                             "phone", "insurance_no", "address"));
  EXPECT_TRUE(rows[0].at("id").isString());
  EXPECT_EQ(rows[0].text("id"), "5");
  EXPECT_EQ(rows[0].text("gender"), "male");
  EXPECT_EQ(rows[0].text("birth_date"), "1970-01-02");
  EXPECT_THROW(rows[0].at("rn"), std::out_of_range);
  // An integer-keyed HIS has no patient "BN5": no SQL runs, no row comes back.
  EXPECT_TRUE(profile.query(s, "patient.get", {{"id", std::string("BN5")}}).empty());
}

TEST_P(PluginProfileTest, AnUndeclaredStatementIsRefused) {
  const auto profile = view({"patient.get"});
  soci::session s(pool_->pool());
  EXPECT_FALSE(profile.has("visit.register"));
  try {
    profile.execute(s, "visit.register", {});
    FAIL() << "ran an undeclared statement";
  } catch (const std::logic_error& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("plugin 'lab'"), HasSubstr("visit.register"),
                                HasSubstr("does not declare")));
  }
}

TEST_P(PluginProfileTest, AFailingStatementIsA502NamingItWithoutTheSql) {
  const auto profile = view({"department.list"});
  soci::session s(pool_->pool());
  try {
    profile.query(s, "department.list", {});
    FAIL() << "no problem";
  } catch (const sdk::Problem& p) {
    EXPECT_EQ(p.status(), 502);
    EXPECT_EQ(p.type(), "his-statement-failed");
    EXPECT_THAT(p.detail(), HasSubstr("'department.list'"));
    EXPECT_THAT(p.detail(), Not(HasSubstr("his_department_gone")));
    EXPECT_THAT(p.detail(), Not(HasSubstr("SELECT")));
    ASSERT_TRUE(p.members());
    EXPECT_EQ(p.members()->getValue<std::string>("statement"), "department.list");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PluginProfileTest, ::testing::Values("sqlite3", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hisx::host
