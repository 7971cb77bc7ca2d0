#include "db/profile_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hisx/his_statements.h"
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

// The standard statements `names`, as plugins needing them declare them.
std::vector<DeclaredStatement> needs(std::initializer_list<const char*> names) {
  std::vector<DeclaredStatement> out;
  for (const char* name : names) out.push_back({*sdk::find_statement(name), true});
  return out;
}

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
      needs({"patient.get", "patient.search", "department.list", "visit.register", "patient.get"}));
  EXPECT_THAT(issues, IsEmpty()) << format_issues(profile->file(), issues);
  EXPECT_EQ(format_issues(profile->file(), issues), "");

  soci::session s(pool_->pool());
  int visits = -1;
  s << "SELECT COUNT(*) FROM his_visit", soci::into(visits);
  EXPECT_EQ(visits, 0);
}

TEST_P(ProfileCheckTest, EachProblemIsReportedWithItsStatement) {
  const auto profile = load("bad.yaml", kBadProfile);
  const auto issues = check_profile(
      *profile, *pool_,
      needs({"patient.get", "clinic.list", "doctor.list", "department.list", "visit.register"}));

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
  EXPECT_EQ(issues.size(), 5u) << format_issues(profile->file(), issues);

  const std::string message = format_issues(profile->file(), issues);
  EXPECT_THAT(message,
              AllOf(HasSubstr("Hồ sơ HIS " + profile->file().string()), HasSubstr("(5 problems)"),
                    HasSubstr("  - patient.get: "), HasSubstr("  - clinic.list: "),
                    HasSubstr("  - doctor.list: "), HasSubstr("  - department.list: "),
                    HasSubstr("  - visit.register: "), HasSubstr("hisx profile check")));
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
  const auto issues = check_profile(*profile, *pool_, needs({"department.list"}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].statement, "department.list");
  EXPECT_THAT(issues[0].problem, HasSubstr("code"));
}

TEST_P(ProfileCheckTest, AnOptionalStatementIsCheckedOnlyWhenDefined) {
  const auto profile = load("good.yaml", test::kTestProfile);
  std::vector<DeclaredStatement> declared = {{*sdk::find_statement("payment.record"), false},
                                             {*sdk::find_statement("visit.register"), false}};
  EXPECT_THAT(check_profile(*profile, *pool_, declared), IsEmpty());
  declared[0].required = true;
  const auto issues = check_profile(*profile, *pool_, declared);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].statement, "payment.record");
  EXPECT_THAT(issues[0].problem, HasSubstr("not defined in"));
}

// The mistakes a profile makes that only data shows: a text where a date belongs, a HIS code
// outside a vocabulary, a search that returns everyone.
TEST_P(ProfileCheckTest, ASampleRowAndAProbeShowWhatColumnNamesCannot) {
  const auto profile = load("typed.yaml", R"(profile: typed
statements:
  patient.search:
    sql: |
      SELECT id, code, full_name, code AS birth_date, gender, phone, insurance_no, address
      FROM his_patient WHERE full_name LIKE '%' || :q || '%' OR 1 = 1 LIMIT :limit
  department.list:
    sql: SELECT id, code, name, 'extra' AS rn FROM his_department
  visit.list_between:
    sql: |
      SELECT id, patient_id, clinic_id, clinic_id AS department_id, NULL AS doctor_id,
             visit_time, 'X9' AS status, source
      FROM his_visit WHERE visit_time >= :from AND visit_time < :to
)");
  const auto issues = check_profile(
      *profile, *pool_, needs({"patient.search", "department.list", "visit.list_between"}));
  const std::string search = problems_of(issues, "patient.search");
  EXPECT_THAT(search, AllOf(HasSubstr("column birth_date (row 1)"), HasSubstr("'BN001'"),
                            HasSubstr("not a date")));
  EXPECT_THAT(search,
              AllOf(HasSubstr("should match nothing"), HasSubstr(":q = 'zq-hisx-probe-zq'")));
  // Helper columns are allowed (and never reach a plugin).
  EXPECT_EQ(problems_of(issues, "department.list"), "");
  // No sample row is read for a period; the columns are there.
  EXPECT_EQ(problems_of(issues, "visit.list_between"), "");
}

TEST_P(ProfileCheckTest, AHisCodeOutsideAVocabularyNamesTheValueMap) {
  {
    soci::session s(pool_->pool());
    s << "INSERT INTO his_department (id, code, name) VALUES (7, 'K07', 'Khoa Nhi')";
  }
  // No standard list statement returns a code, so the check reads one through a plugin's own.
  sdk::StatementSpec own{"lab.departments",
                         sdk::StatementKind::kQuery,
                         {},
                         {{"id", sdk::ValueType::kId, false, "", ""},
                          {"kind", sdk::ValueType::kCode, false, "", "", "visit_status"}},
                         ""};
  const auto profile = load("codes.yaml", R"(profile: codes
statements:
  lab.departments:
    sql: SELECT id, code AS kind FROM his_department WHERE id = 7
)");
  const auto issues = check_profile(*profile, *pool_, {{own, true}});
  ASSERT_EQ(issues.size(), 1u) << format_issues(profile->file(), issues);
  EXPECT_THAT(issues[0].problem, AllOf(HasSubstr("column kind (row 1)"), HasSubstr("'K07'"),
                                       HasSubstr("waiting, in_exam, done, cancelled"),
                                       HasSubstr("values.visit_status.map")));

  const auto mapped = load("mapped.yaml", R"(profile: mapped
values:
  visit_status: {map: {K07: done}}
statements:
  lab.departments:
    sql: SELECT id, code AS kind FROM his_department WHERE id = 7
)");
  EXPECT_THAT(check_profile(*mapped, *pool_, {{own, true}}), IsEmpty());
}

TEST_P(ProfileCheckTest, AnIntegerBindingOnlyForIdParameters) {
  const auto profile = load("bindings.yaml", R"(profile: bindings
statements:
  patient.search:
    params: {limit: integer}
    sql: |
      SELECT id, code, full_name, birth_date, gender, phone, insurance_no, address
      FROM his_patient WHERE code = :q LIMIT :limit
)");
  const auto issues = check_profile(*profile, *pool_, needs({"patient.search"}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_THAT(issues[0].problem, AllOf(HasSubstr("params.limit"), HasSubstr("only id parameters"),
                                       HasSubstr("integer")));
}

INSTANTIATE_TEST_SUITE_P(Backends, ProfileCheckTest, ::testing::Values("sqlite3", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hisx::host
