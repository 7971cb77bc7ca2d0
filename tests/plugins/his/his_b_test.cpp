// hisx on "HIS B" (tests/data/his-b), a HIS schema unlike the demo's, through its example
// profile alone: text codes as keys, split names, local time, its own codes, decimals. On the
// backend HISX_TEST_BACKEND names (SQLite, PostgreSQL, MariaDB).
#include "support/his_b.h"

#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "db/database_pool.h"
#include "db/plugin_profile.h"
#include "db/profile_check.h"
#include "hisx/testing/harness.h"
#include "support/backend.h"
#include "support/temp_dir.h"

namespace hisx::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class HisB : public ::testing::Test {
 protected:
  void SetUp() override {
    his_ = make_his_b(test_backend_name(), dir_.path());
    testing::HarnessOptions options;
    options.plugins = {"his"};
    options.overrides = his_.overrides;
    harness_ = std::make_unique<testing::Harness>(options);
  }

  // The example profile as the host loads it, and a pool on HIS B.
  std::unique_ptr<host::ProfileFile> profile() {
    auto file = host::load_profile(his_.profile, his_.backend);
    file->set_zone(sdk::TimeZone::locate("Asia/Ho_Chi_Minh"));
    return file;
  }
  std::shared_ptr<host::DatabasePool> pool() {
    host::DatabaseConfig cfg;
    cfg.key = "database.his";
    cfg.backend = his_.backend;
    cfg.connection = his_.conninfo;
    cfg.pool_size = 2;
    return host::open_database(cfg);
  }
  static std::vector<host::DeclaredStatement> every_standard_statement() {
    std::vector<host::DeclaredStatement> all;
    for (const auto& spec : sdk::standard_statements()) all.push_back({spec, true});
    return all;
  }

  TempDir dir_;
  test::HisB his_;
  std::unique_ptr<testing::Harness> harness_;
};

TEST_F(HisB, TheExampleProfileFitsEveryStandardStatement) {
  const auto file = profile();
  auto db = pool();
  const auto issues = host::check_profile(*file, *db, every_standard_statement());
  EXPECT_TRUE(issues.empty()) << host::format_issues(file->file(), issues);
}

TEST_F(HisB, PatientsAreFoundByUnaccentedNameWithTextIdsAndMappedGender) {
  const auto found = harness_->get("/api/v1/his/patients?q=Nguyen%20Van%20An", "receptionist");
  ASSERT_EQ(found.status, 200) << found.body;
  const auto list = found.json()->getArray("items");
  // The deleted BN0002 of the same name is not found.
  ASSERT_EQ(list->size(), 1u) << found.body;
  const auto patient = list->getObject(0);
  EXPECT_TRUE(patient->get("id").isString());
  EXPECT_EQ(patient->getValue<std::string>("id"), "007");
  EXPECT_EQ(patient->getValue<std::string>("full_name"), "Nguyễn Văn An");
  EXPECT_EQ(patient->getValue<std::string>("gender"), "male");
  EXPECT_EQ(patient->getValue<std::string>("birth_date"), "1984-03-12");
  // Only the declared columns: no NAME_KEY, DELETED or helper columns.
  std::vector<std::string> names;
  for (const auto& [name, value] : *patient) names.push_back(name);
  std::sort(names.begin(), names.end());
  EXPECT_THAT(names, ElementsAre("address", "birth_date", "code", "full_name", "gender", "id",
                                 "insurance_no", "phone"));

  const auto child = harness_->get("/api/v1/his/patients?q=hoang", "receptionist");
  ASSERT_EQ(child.status, 200) << child.body;
  EXPECT_THAT(child.body, HasSubstr("\"gender\":\"unknown\""));
}

TEST_F(HisB, DepartmentsAreKeyedByTheirCodes) {
  const auto answer = harness_->get("/api/v1/his/departments", "receptionist");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_THAT(answer.body, HasSubstr("\"id\":\"K01\""));
  EXPECT_THAT(answer.body, HasSubstr("\"id\":\"K02\""));
  EXPECT_THAT(answer.body, ::testing::Not(HasSubstr("K99")));
}

// HIS B stores wall-clock time in Asia/Ho_Chi_Minh (+07:00): the local day 2026-03-12 runs
// from 2026-03-11T17:00Z to 2026-03-12T17:00Z and holds its 23:30 visit; inpatients are left
// out; statuses come through the value map.
TEST_F(HisB, VisitsOfALocalDayAreConvertedToUtc) {
  const auto file = profile();
  auto db = pool();
  const host::PluginProfile view("reports", *file, every_standard_statement());
  auto s = db->session();
  const auto visits = view.query(
      *s, "visit.list_between",
      {{"from", std::string("2026-03-11T17:00:00Z")}, {"to", std::string("2026-03-12T17:00:00Z")}});
  ASSERT_EQ(visits.size(), 3u);
  EXPECT_EQ(visits[0].text("id"), "KB-0001");
  EXPECT_EQ(visits[0].text("visit_time"), "2026-03-12T00:30:00Z");
  EXPECT_EQ(visits[0].text("status"), "done");
  EXPECT_EQ(visits[0].text("department_id"), "K01");
  EXPECT_EQ(visits[1].text("status"), "waiting");
  EXPECT_TRUE(visits[1].at("doctor_id").isEmpty());
  EXPECT_EQ(visits[2].text("id"), "KB-0003");
  EXPECT_EQ(visits[2].text("visit_time"), "2026-03-12T16:30:00Z");
  EXPECT_EQ(visits[2].text("status"), "in_exam");
}

TEST_F(HisB, OpenChargesAreExactDecimalsAndAPaymentIsRecordedOnce) {
  const auto file = profile();
  auto db = pool();
  const host::PluginProfile view("fast_lane", *file, every_standard_statement());
  auto s = db->session();
  const auto lines =
      view.query(*s, "charge.open_for_patient", {{"patient_id", std::string("007")}});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text("charge_id"), "HD-0001");
  EXPECT_EQ(lines[0].text("status"), "open");
  EXPECT_EQ(lines[1].text("total"), "46200.5");
  EXPECT_EQ(lines[1].text("insurance_share"), "36960.4");
  EXPECT_EQ(lines[1].text("patient_share"), "9240.1");
  EXPECT_EQ(lines[2].text("quantity"), "10.5");
  EXPECT_EQ(lines[2].text("created_at"), "2026-03-12T01:05:00Z");

  const sdk::HisParams payment = {{"payment_id", std::string("hisx-pay-1")},
                                  {"charge_id", std::string("HD-0001")},
                                  {"amount", std::string("29325.6")},
                                  {"method", std::string("transfer")},
                                  {"paid_at", std::string("2026-03-12T02:00:00Z")},
                                  {"cashier", std::string("thu.ngan")},
                                  {"receipt_no", std::string("QT-2026-000001")}};
  EXPECT_EQ(view.execute(*s, "payment.record", payment), 1);
  EXPECT_EQ(view.execute(*s, "payment.record", payment), 0);
  EXPECT_TRUE(
      view.query(*s, "charge.open_for_patient", {{"patient_id", std::string("007")}}).empty());
  std::string paid_at;
  *s << "SELECT " << (his_.backend == "sqlite3" ? "PAID_AT" : "CAST(PAID_AT AS CHAR(19))")
     << " FROM INVOICE WHERE INVOICE_NO = 'HD-0001'",
      soci::into(paid_at);
  // Written back in the HIS's own convention: local wall-clock time.
  EXPECT_EQ(paid_at.substr(0, 19), "2026-03-12 09:00:00");
}

TEST_F(HisB, AVisitIsRegisteredInLocalTime) {
  const auto file = profile();
  auto db = pool();
  const host::PluginProfile view("appointments", *file, every_standard_statement());
  auto s = db->session();
  EXPECT_EQ(view.execute(*s, "visit.register",
                         {{"patient_id", std::string("BN0001")},
                          {"clinic_id", std::string("PK-NHI")},
                          {"visit_time", std::string("2026-03-13T01:15:00Z")},
                          {"source", std::string("hisx:LH-000042")}}),
            1);
  const auto visits = view.query(
      *s, "visit.list_between",
      {{"from", std::string("2026-03-13T00:00:00Z")}, {"to", std::string("2026-03-14T00:00:00Z")}});
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].text("id"), "hisx:LH-000042");
  EXPECT_EQ(visits[0].text("department_id"), "K02");
  EXPECT_EQ(visits[0].text("visit_time"), "2026-03-13T01:15:00Z");
  EXPECT_EQ(visits[0].text("status"), "waiting");
}

}  // namespace
}  // namespace hisx::test
