// The mistakes an IT officer makes mapping a new HIS, each on a copy of HIS B's example
// profile: `hisx profile check` (check_profile) names the file, the statement, the column or
// parameter, and the fix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "db/database_pool.h"
#include "db/plugin_profile.h"
#include "db/profile_check.h"
#include "hisx/problem.h"
#include "support/backend.h"
#include "support/his_b.h"
#include "support/temp_dir.h"

namespace hisx::test {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

class HisBMistakes : public ::testing::Test {
 protected:
  void SetUp() override {
    his_ = make_his_b(test_backend_name(), dir_.path());
    std::ifstream in(his_.profile);
    std::ostringstream text;
    text << in.rdbuf();
    original_ = text.str();
  }

  // The example profile with every `from` replaced by `to` (which must occur), loaded.
  std::unique_ptr<host::ProfileFile> mistaken(const std::string& from, const std::string& to) {
    std::string yaml = original_;
    const auto at = yaml.find(from);
    if (at == std::string::npos) throw std::runtime_error("the example profile lacks: " + from);
    for (auto pos = at; pos != std::string::npos; pos = yaml.find(from, pos + to.size())) {
      yaml.replace(pos, from.size(), to);
    }
    const auto path = dir_.path() / "mistake.yaml";
    std::ofstream(path) << yaml;
    auto loaded = host::load_profile(path, his_.backend);
    loaded->set_zone(sdk::TimeZone::locate("Asia/Ho_Chi_Minh"));
    return loaded;
  }

  std::shared_ptr<host::DatabasePool> pool() {
    host::DatabaseConfig cfg;
    cfg.key = "database.his";
    cfg.backend = his_.backend;
    cfg.connection = his_.conninfo;
    cfg.pool_size = 1;
    return host::open_database(cfg);
  }

  static std::vector<host::DeclaredStatement> all() {
    std::vector<host::DeclaredStatement> out;
    for (const auto& spec : sdk::standard_statements()) out.push_back({spec, true});
    return out;
  }

  // The check's report on the mistaken profile.
  std::string report_with(const std::string& from, const std::string& to) {
    const auto profile = mistaken(from, to);
    auto db = pool();
    return host::format_issues(profile->file(), host::check_profile(*profile, *db, all()));
  }

  // What staff get when a plugin runs `statement` on the mistaken profile anyway: the problem's
  // detail (the statement named, never the SQL).
  std::string at_run_time(const std::string& from, const std::string& to,
                          const std::string& statement, const sdk::HisParams& params) {
    const auto profile = mistaken(from, to);
    auto db = pool();
    const host::PluginProfile view("test", *profile, all());
    auto s = db->session();
    try {
      if (sdk::find_statement(statement)->kind == sdk::StatementKind::kQuery) {
        view.query(*s, statement, params);
      } else {
        view.execute(*s, statement, params);
      }
    } catch (const sdk::Problem& p) {
      return std::to_string(p.status()) + " " + p.detail();
    }
    return "no problem";
  }

  std::string file() const { return (dir_.path() / "mistake.yaml").string(); }

  TempDir dir_;
  test::HisB his_;
  std::string original_;
};

TEST_F(HisBMistakes, TheExampleItselfIsClean) {
  EXPECT_EQ(report_with("profile:", "profile:"), "");
}

TEST_F(HisBMistakes, AMissingColumnNamesItAndWhatTheSqlReturns) {
  EXPECT_THAT(
      report_with("DEPT_CODE AS department_id, DOCTOR_USER", "DOCTOR_USER"),
      AllOf(HasSubstr(file()), HasSubstr("visit.list_between: missing column department_id"),
            HasSubstr("name them with AS")));
}

TEST_F(HisBMistakes, ACommandsUnknownColumnIsFoundWithoutRunningIt) {
  const std::string from = "ARRIVED_AT, STATUS, CHANNEL)";
  const std::string to = "ARRIVED_AT, STATUS, NGUON)";
  EXPECT_THAT(report_with(from, to),
              AllOf(HasSubstr("visit.register: the database refused the SQL"),
                    ::testing::AnyOf(HasSubstr("NGUON"), HasSubstr("nguon"))));
  // Run anyway, it is a 502 naming the statement; the SQL error stays in the log.
  const std::string problem = at_run_time(from, to, "visit.register",
                                          {{"patient_id", std::string("007")},
                                           {"clinic_id", std::string("PK-NOI")},
                                           {"visit_time", std::string("2026-03-13T01:00:00Z")},
                                           {"source", std::string("hisx:LH-000001")}});
  EXPECT_THAT(problem,
              AllOf(HasSubstr("502"), HasSubstr("'visit.register'"),
                    ::testing::Not(HasSubstr("NGUON")), ::testing::Not(HasSubstr("nguon"))));
}

TEST_F(HisBMistakes, ATextWhereADateBelongsNamesTheColumnAndValue) {
  const std::string birth = his_.profile.filename() == "example-postgresql.yaml"
                                ? "to_char(BIRTH_DATE, 'YYYY-MM-DD') AS birth_date"
                                : "BIRTH_DATE AS birth_date";
  EXPECT_THAT(report_with(birth, "ADDRESS AS birth_date"),
              AllOf(HasSubstr("patient.search: on a sample row, column birth_date (row 1)"),
                    HasSubstr("not a date"), HasSubstr("'YYYY-MM-DD'")));
}

TEST_F(HisBMistakes, AnUnmappedStatusCodeNamesTheValueMap) {
  const std::string from =
      "  visit_status: {map: {CHO: waiting, DANGKHAM: in_exam, KETTHUC: done, HUY: cancelled}}\n";
  const std::string expected = "values.visit_status.map";
  if (his_.backend != "odbc") {
    EXPECT_THAT(
        report_with(from, ""),
        AllOf(HasSubstr("visit.list_between: on a sample row, column status (row 1)"),
              HasSubstr("is not one of waiting, in_exam, done, cancelled"), HasSubstr(expected)));
    return;
  }
  // Through ODBC the SQL runs as written, so the check reads no sample of a whole period; the
  // first read names the column and the map.
  EXPECT_EQ(report_with(from, ""), "");
  EXPECT_THAT(at_run_time(from, "", "visit.list_between",
                          {{"from", std::string("2026-03-11T17:00:00Z")},
                           {"to", std::string("2026-03-12T17:00:00Z")}}),
              AllOf(HasSubstr("502"), HasSubstr("column status"), HasSubstr(expected)));
}

TEST_F(HisBMistakes, AMapOntoAValueHisxDoesNotKnowIsRefusedWithTheFile) {
  try {
    report_with("KXD: unknown", "KXD: khong_ro");
    FAIL() << "accepted a map onto an unknown value";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("mistake.yaml"), HasSubstr("values.gender.map.KXD"),
                                HasSubstr("khong_ro"), HasSubstr("male, female, other, unknown")));
  }
}

TEST_F(HisBMistakes, AParameterHisxDoesNotBindIsNamed) {
  EXPECT_THAT(report_with("WHERE MOBILE = :phone", "WHERE MOBILE = :mobile"),
              AllOf(HasSubstr("patient.find_by_phone: uses parameter :mobile"),
                    HasSubstr("it binds :phone")));
}

TEST_F(HisBMistakes, AMissingStatementSaysWhereToAddIt) {
  EXPECT_THAT(report_with("  doctor.list:", "  doctor.lists:"),
              AllOf(HasSubstr("doctor.list: not defined in " + file()),
                    HasSubstr("add it under statements:")));
}

TEST_F(HisBMistakes, ASearchThatMatchesEveryoneIsCaughtByTheProbe) {
  EXPECT_THAT(report_with("WHERE DELETED = 0\n         AND (", "WHERE DELETED = 0\n         OR ("),
              AllOf(HasSubstr("patient.search: returned"), HasSubstr("should match nothing")));
}

// The same SQL means two things: `'%' || :q || '%'` concatenates on SQLite and PostgreSQL, and
// is a logical OR on MariaDB, where it matches every patient.
TEST_F(HisBMistakes, DoublePipeConcatenatesExceptOnMariaDbWhereTheProbeCatchesIt) {
  if (his_.backend == "mysql") {
    EXPECT_THAT(report_with("NAME_KEY LIKE CONCAT('%', :q, '%')", "NAME_KEY LIKE '%' || :q || '%'"),
                AllOf(HasSubstr("patient.search: returned"), HasSubstr("`||` means OR"),
                      HasSubstr("CONCAT('%', :q, '%')")));
  } else {
    EXPECT_THAT(original_, HasSubstr("NAME_KEY LIKE '%' || "));
    EXPECT_EQ(report_with("profile:", "profile:"), "");
  }
}

// MariaDB gives a bare NULL column no type, which the database driver refuses; the others
// type it as text.
TEST_F(HisBMistakes, ABareNullColumnIsExplainedOnMariaDb) {
  const std::string report = report_with("DOCTOR_USER AS doctor_id", "NULL AS doctor_id");
  if (his_.backend == "mysql") {
    EXPECT_THAT(report, AllOf(HasSubstr("visit.list_between"), HasSubstr("CAST(NULL AS CHAR)")));
  } else {
    EXPECT_EQ(report, "");
  }
}

}  // namespace
}  // namespace hisx::test
