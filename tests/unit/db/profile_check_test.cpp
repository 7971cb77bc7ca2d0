#include "db/profile_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_database.h"

namespace hisx::host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const char* const kBadProfile = R"(profile: bad
statements:
  patient.get:
    sql: |
      SELECT id, code, full_name, birth_date, gender, phone, insurance_no, address
      FROM his_patient WHERE id = :id AND code <> :hospital
  doctor.list:
    sql: SELECT id, code, full_name AS "Full_Name" FROM his_doctor ORDER BY id
  department.list:
    sql: SELECT id, code, name FROM his_no_such_table
  visit.register:
    sql: >
      INSERT INTO his_visit (patient_id, clinic_id, visit_time, no_such_column)
      VALUES (:patient_id, :clinic_id, :visit_time, :source)
)";

class ProfileCheckTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { test::create_his_tables(*pool_); }

  std::unique_ptr<ProfileFile> load(const std::string& name, const std::string& yaml) {
    return load_profile(test::write_file(db_.dir().path(), name, yaml), GetParam());
  }

  // The problems reported for `statement`, joined.
  static std::string problems_of(const std::vector<ProfileIssue>& issues,
                                 const std::string& statement) {
    std::string out;
    for (const auto& issue : issues) {
      if (issue.statement == statement) out += issue.problem + "\n";
    }
    return out;
  }

  test::TestDatabase db_{GetParam()};
  std::shared_ptr<DatabasePool> pool_ = db_.open();
};

TEST_P(ProfileCheckTest, FittingProfilePassesAndChangesNothing) {
  const auto profile = load("good.yaml", test::kTestProfile);
  const auto issues = check_profile(
      *profile, *pool_,
      {"patient.get", "patient.search", "department.list", "visit.register", "patient.get"});
  EXPECT_THAT(issues, IsEmpty()) << format_issues(profile->file(), issues);
  EXPECT_EQ(format_issues(profile->file(), issues), "");

  soci::session s(pool_->pool());
  int visits = -1;
  s << "SELECT COUNT(*) FROM his_visit", soci::into(visits);
  EXPECT_EQ(visits, 0);
}

TEST_P(ProfileCheckTest, EachProblemIsReportedWithItsStatement) {
  const auto profile = load("bad.yaml", kBadProfile);
  const auto issues = check_profile(*profile, *pool_,
                                    {"patient.get", "clinic.list", "doctor.list", "department.list",
                                     "visit.register", "foo.bar"});

  EXPECT_THAT(problems_of(issues, "patient.get"),
              AllOf(HasSubstr("uses parameter :hospital"), HasSubstr("it binds :id")));
  EXPECT_THAT(problems_of(issues, "clinic.list"),
              HasSubstr("not defined in " + profile->file().string()));
  EXPECT_THAT(problems_of(issues, "doctor.list"),
              AllOf(HasSubstr("missing column department_id"),
                    HasSubstr("the SQL returns: id, code, full_name")));
  EXPECT_THAT(problems_of(issues, "department.list"),
              AllOf(HasSubstr("the database refused the SQL"), HasSubstr("his_no_such_table")));
  EXPECT_THAT(problems_of(issues, "visit.register"), HasSubstr("no_such_column"));
  EXPECT_THAT(problems_of(issues, "foo.bar"), HasSubstr("unknown statement"));
  EXPECT_EQ(issues.size(), 6u) << format_issues(profile->file(), issues);

  const std::string message = format_issues(profile->file(), issues);
  EXPECT_THAT(message, AllOf(HasSubstr("Hồ sơ HIS " + profile->file().string()),
                             HasSubstr("(6 problems)"), HasSubstr("  - patient.get: "),
                             HasSubstr("  - clinic.list: "), HasSubstr("  - doctor.list: "),
                             HasSubstr("  - department.list: "), HasSubstr("  - visit.register: "),
                             HasSubstr("  - foo.bar: "), HasSubstr("hisx profile check")));
  // Continuation lines of a database message stay indented under their item.
  EXPECT_THAT(message, ::testing::Not(HasSubstr("\nLINE ")));
}

TEST_P(ProfileCheckTest, CheckFollowsTheRealSchema) {
  const auto profile = load("good.yaml", test::kTestProfile);
  {
    soci::session s(pool_->pool());
    s << "DROP TABLE his_department";
    s << "CREATE TABLE his_department (id INTEGER PRIMARY KEY, dept_code VARCHAR(20), "
         "name VARCHAR(100))";
  }
  const auto issues = check_profile(*profile, *pool_, {"department.list"});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].statement, "department.list");
  EXPECT_THAT(issues[0].problem, HasSubstr("code"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ProfileCheckTest, ::testing::Values("sqlite3", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hisx::host
