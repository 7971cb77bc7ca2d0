// Runs every statement of config/his-profiles/demo.yaml against a seeded demo HIS, binding
// the parameters the SDK documents by name, as the host will.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "db/database_pool.h"
#include "db/plugin_profile.h"
#include "db/profile_check.h"
#include "demo/demo_his.h"
#include "demo_test_db.h"
#include "hisx/his_statements.h"
#include "hisx/text.h"

namespace {

using hisx::sdk::StatementKind;
using hisx::test::DemoDb;
using hisx::test::Params;
using hisx::test::QueryResult;
using hisx::test::run_command;
using hisx::test::run_query;
using hisx::test::scalar;

YAML::Node load_profile() {
  const char* src = std::getenv("HISX_SOURCE_DIR");
  if (src == nullptr) throw std::runtime_error("HISX_SOURCE_DIR is not set: run through ctest");
  return YAML::LoadFile(std::string(src) + "/config/his-profiles/demo.yaml");
}

class DemoProfile : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    profile_ = load_profile();
    db_ = std::make_unique<DemoDb>(GetParam());
    hisx::host::create_demo_schema(db_->session(), db_->backend());
    hisx::host::DemoSeedOptions options;
    options.patients = 300;
    options.days = 2;
    options.end_date = "2026-03-13";
    options.visits_per_day = 200;
    hisx::host::seed_demo(db_->session(), db_->backend(), options);
    const auto p =
        run_query(db_->session(),
                  "SELECT dien_thoai, so_the_bhyt, ma_bn FROM benh_nhan WHERE dien_thoai IS "
                  "NOT NULL AND so_the_bhyt IS NOT NULL ORDER BY id");
    phone_ = *p.rows.at(0)[0];
    insurance_ = *p.rows.at(0)[1];
    code_ = *p.rows.at(0)[2];
  }

  // The statement's SQL for this backend: sql_<backend> replaces sql where it is given.
  std::string sql(const std::string& statement) const {
    const YAML::Node node = profile_["statements"][statement];
    if (!node) throw std::runtime_error("demo.yaml lacks " + statement);
    if (const YAML::Node variant = node["sql_" + db_->backend()]) return variant.as<std::string>();
    return node["sql"].as<std::string>();
  }

  QueryResult query(const std::string& statement, Params params = {}) {
    return run_query(db_->session(), sql(statement), std::move(params));
  }

  // Searches as a plugin would: the user's text folded first.
  std::vector<std::string> search_ids(const std::string& text, long long limit = 50) {
    const auto r =
        query("patient.search", {{"q", hisx::sdk::fold_search_text(text)}, {"limit", limit}});
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < r.rows.size(); ++i) ids.push_back(*r.at(i, "id"));
    return ids;
  }

  // Parameter values that make each standard statement return rows from the seeded data.
  Params sample_params(const hisx::sdk::StatementSpec& spec) {
    auto& s = db_->session();
    const long long open_patient =
        scalar(s, "SELECT MIN(benh_nhan_id) FROM hoa_don WHERE trang_thai = 'open'");
    const std::map<std::string, std::variant<long long, std::string>> values = {
        {"id", 1LL},
        {"q", std::string("nguyen")},
        {"limit", 20LL},
        {"from", std::string("2026-03-12T00:00:00Z")},
        {"to", std::string("2026-03-13T00:00:00Z")},
        {"patient_id", spec.name == "charge.open_for_patient" ? open_patient : 2LL},
        {"clinic_id", 3LL},
        {"visit_time", std::string("2026-03-13T08:15:00Z")},
        {"source", std::string("app")},
        {"phone", phone_},
        {"insurance_no", insurance_},
        {"code", code_},
        {"payment_id", std::string("pay-1")},
        {"charge_id", scalar(s, "SELECT MIN(id) FROM hoa_don WHERE trang_thai = 'open'")},
        {"amount", std::string("30000")},
        {"method", std::string("cash")},
        {"paid_at", std::string("2026-03-13T08:20:00Z")},
        {"cashier", std::string("thu.ngan")},
        {"receipt_no", std::string("QT-2026-000001")},
    };
    Params params;
    for (const auto& p : spec.params) params[p.name] = values.at(p.name);
    return params;
  }

  // A pool on the demo HIS, as the host opens `database.his`.
  std::shared_ptr<hisx::host::DatabasePool> his_pool() const {
    hisx::host::DatabaseConfig cfg;
    cfg.key = "database.his";
    cfg.backend = db_->backend();
    cfg.connection = db_->conninfo();
    cfg.pool_size = 1;
    return hisx::host::open_database(cfg);
  }

  YAML::Node profile_;
  std::unique_ptr<DemoDb> db_;
  std::string phone_;
  std::string insurance_;
  std::string code_;  ///< A patient code (ma_bn), for patient.find_by_code.
};

TEST(DemoProfileFile, NamesTheProfileAndDefinesEveryStandardStatement) {
  const YAML::Node profile = load_profile();
  EXPECT_EQ(profile["profile"].as<std::string>(), "demo");
  EXPECT_FALSE(profile["description"].as<std::string>().empty());
  for (const auto& spec : hisx::sdk::standard_statements()) {
    const YAML::Node node = profile["statements"][spec.name];
    ASSERT_TRUE(node && node["sql"]) << spec.name;
    for (const auto& param : spec.params) {
      for (const char* key : {"sql", "sql_postgresql"}) {
        if (!node[key]) continue;
        if (spec.kind == StatementKind::kCommand) continue;  // A command may ignore some.
        EXPECT_NE(node[key].as<std::string>().find(":" + param.name), std::string::npos)
            << spec.name << " " << key << " does not use :" << param.name;
      }
    }
  }
}

TEST_P(DemoProfile, EveryQueryReturnsTheDocumentedColumns) {
  for (const auto& spec : hisx::sdk::standard_statements()) {
    if (spec.kind != StatementKind::kQuery) continue;
    SCOPED_TRACE(spec.name);
    const auto result = query(spec.name, sample_params(spec));
    ASSERT_FALSE(result.rows.empty());
    for (const auto& column : spec.columns) {
      const auto it = std::find(result.columns.begin(), result.columns.end(), column.name);
      EXPECT_NE(it, result.columns.end()) << "missing column " << column.name;
    }
  }
}

TEST_P(DemoProfile, PatientGetMapsTheVendorColumns) {
  const auto r = query("patient.get", {{"id", 5LL}});
  ASSERT_EQ(r.rows.size(), 1u);
  const auto raw = run_query(db_->session(),
                             "SELECT ma_bn, ho_ten, gioi_tinh, dien_thoai, so_the_bhyt, dia_chi "
                             "FROM benh_nhan WHERE id = 5");
  EXPECT_EQ(r.at(0, "id"), "5");
  EXPECT_EQ(r.at(0, "code"), raw.rows[0][0]);
  EXPECT_EQ(r.at(0, "full_name"), raw.rows[0][1]);
  // The HIS's own gender code; the profile's `values:` maps it (see TheHostReadsEveryStatement…).
  EXPECT_EQ(*r.at(0, "gender"), *raw.rows[0][2]);
  EXPECT_EQ(r.at(0, "phone"), raw.rows[0][3]);
  EXPECT_EQ(r.at(0, "insurance_no"), raw.rows[0][4]);
  EXPECT_EQ(r.at(0, "address"), raw.rows[0][5]);
  // Dates come back as ISO text, not as a backend date type.
  EXPECT_EQ(r.types[r.index("birth_date")], soci::dt_string);
  EXPECT_TRUE(std::regex_match(*r.at(0, "birth_date"), std::regex(R"(\d{4}-\d{2}-\d{2})")));
  EXPECT_TRUE(query("patient.get", {{"id", 99999LL}}).rows.empty());
}

TEST_P(DemoProfile, PatientSearchFindsByUnaccentedNamePhoneAndCode) {
  const auto p = run_query(db_->session(),
                           "SELECT id, ho_ten, dien_thoai, ma_bn FROM benh_nhan "
                           "WHERE dien_thoai IS NOT NULL ORDER BY id LIMIT 1 OFFSET 41");
  const std::string id = *p.rows[0][0];
  const std::string name = *p.rows[0][1];
  const std::string phone = *p.rows[0][2];
  const std::string code = *p.rows[0][3];
  const auto has = [&](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  // The last two words of the name, typed without marks, and with marks in capitals.
  const std::string fragment = hisx::sdk::fold_search_text(name.substr(name.find(' ') + 1));
  EXPECT_TRUE(has(search_ids(fragment))) << fragment;
  EXPECT_TRUE(has(search_ids(name))) << name;
  EXPECT_TRUE(has(search_ids(phone))) << phone;
  EXPECT_TRUE(has(search_ids(phone.substr(4)))) << phone;  // Last six digits.
  const auto by_code = search_ids(code);                   // "BN2…" upper case, folded to lower.
  ASSERT_FALSE(by_code.empty());
  EXPECT_EQ(by_code.front(), id);
  // Exact phone matches come first.
  const auto by_phone = query("patient.search", {{"q", phone}, {"limit", 5LL}});
  EXPECT_EQ(by_phone.at(0, "phone"), phone);
}

TEST_P(DemoProfile, PatientSearchHonoursTheLimitAndMatchesNothingForNonsense) {
  EXPECT_EQ(search_ids("nguyen", 5).size(), 5u);
  EXPECT_TRUE(search_ids("zzqxw").empty());
}

TEST_P(DemoProfile, ListsShowOnlyActiveCatalogueRows) {
  const auto departments = query("department.list");
  EXPECT_EQ(departments.rows.size(), 10u);
  EXPECT_EQ(departments.at(0, "name"), "Khoa Khám bệnh");
  for (const auto& row : departments.rows) EXPECT_NE(row[departments.index("code")], "K11");
  const auto clinics = query("clinic.list");
  EXPECT_EQ(clinics.rows.size(), 12u);
  EXPECT_EQ(clinics.at(0, "name"), "Phòng khám Nội 1");
  EXPECT_EQ(clinics.at(0, "department_id"), "1");
  const auto doctors = query("doctor.list");
  EXPECT_EQ(doctors.rows.size(), 26u);
  EXPECT_EQ(doctors.at(0, "full_name"), "BSCKII. Nguyễn Văn Thành");
  EXPECT_EQ(doctors.at(2, "full_name"), "BS. Lê Hoàng Phúc");
}

TEST_P(DemoProfile, VisitListBetweenReturnsIsoUtcTimesInTheRange) {
  const auto r = query("visit.list_between", {{"from", std::string("2026-03-12T00:00:00Z")},
                                              {"to", std::string("2026-03-12T03:00:00Z")}});
  ASSERT_FALSE(r.rows.empty());
  EXPECT_EQ(static_cast<long long>(r.rows.size()),
            scalar(db_->session(),
                   "SELECT COUNT(*) FROM luot_kham WHERE thoi_gian >= "
                   "'2026-03-12 00:00:00' AND thoi_gian < '2026-03-12 03:00:00'"));
  EXPECT_EQ(r.types[r.index("visit_time")], soci::dt_string);
  const std::regex iso(R"(2026-03-12T0[0-2]:\d{2}:\d{2}Z)");
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    EXPECT_TRUE(std::regex_match(*r.at(i, "visit_time"), iso)) << *r.at(i, "visit_time");
    EXPECT_EQ(r.at(i, "status"), "done");
  }
  // The same instant written with the hospital's offset selects the same visits.
  const auto local =
      query("visit.list_between", {{"from", std::string("2026-03-12T07:00:00+07:00")},
                                   {"to", std::string("2026-03-12T10:00:00+07:00")}});
  EXPECT_EQ(local.rows.size(), r.rows.size());
}

TEST_P(DemoProfile, OpenChargesOfAPatientAddUp) {
  const long long patient =
      scalar(db_->session(), "SELECT MIN(benh_nhan_id) FROM hoa_don WHERE trang_thai = 'open'");
  const auto r = query("charge.open_for_patient", {{"patient_id", patient}});
  ASSERT_FALSE(r.rows.empty());
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    EXPECT_EQ(r.at(i, "status"), "open");
    EXPECT_EQ(*r.at(i, "patient_id"), std::to_string(patient));
    EXPECT_EQ(std::stoll(*r.at(i, "total")),
              std::stoll(*r.at(i, "insurance_share")) + std::stoll(*r.at(i, "patient_share")));
  }
  const long long paid_only =
      scalar(db_->session(),
             "SELECT MIN(benh_nhan_id) FROM hoa_don WHERE benh_nhan_id NOT IN "
             "(SELECT benh_nhan_id FROM hoa_don WHERE trang_thai = 'open')");
  EXPECT_TRUE(query("charge.open_for_patient", {{"patient_id", paid_only}}).rows.empty());
}

TEST_P(DemoProfile, VisitRegisterInsertsAWaitingVisit) {
  const long long before = scalar(db_->session(), "SELECT MAX(id) FROM luot_kham");
  const hisx::sdk::StatementSpec* spec = hisx::sdk::find_statement("visit.register");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(run_command(db_->session(), sql("visit.register"), sample_params(*spec)), 1);
  const auto r = query("visit.list_between", {{"from", std::string("2026-03-13T08:15:00Z")},
                                              {"to", std::string("2026-03-13T08:15:01Z")}});
  bool found = false;
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    if (std::stoll(*r.at(i, "id")) <= before) continue;  // A seeded visit at the same second.
    found = true;
    EXPECT_EQ(r.at(i, "patient_id"), "2");
    EXPECT_EQ(r.at(i, "clinic_id"), "3");
    EXPECT_EQ(r.at(i, "doctor_id"), std::nullopt);
    EXPECT_EQ(r.at(i, "status"), "waiting");
    EXPECT_EQ(r.at(i, "source"), "app");
    EXPECT_EQ(r.at(i, "visit_time"), "2026-03-13T08:15:00Z");
  }
  EXPECT_TRUE(found);
}

// What `hisx profile check` does at start-up, for every standard statement, and what a plugin
// then reads through its view of the profile.
TEST_P(DemoProfile, TheHostsCheckPassesEveryStandardStatementAndRowsArriveTyped) {
  const char* src = std::getenv("HISX_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  const auto file =
      hisx::host::load_profile(std::string(src) + "/config/his-profiles/demo.yaml", db_->backend());
  auto pool = his_pool();
  std::vector<hisx::host::DeclaredStatement> all;
  for (const auto& spec : hisx::sdk::standard_statements()) all.push_back({spec, true});
  const auto issues = hisx::host::check_profile(*file, *pool, all);
  EXPECT_TRUE(issues.empty()) << hisx::host::format_issues(file->file(), issues);

  const hisx::host::PluginProfile view("demo_test", *file, all);
  auto lease = pool->session();
  const auto patient = view.query(*lease, "patient.get", {{"id", std::string("5")}});
  ASSERT_EQ(patient.size(), 1u);
  EXPECT_TRUE(patient[0].at("id").isString());
  EXPECT_THAT(patient[0].text("gender"), ::testing::AnyOf("male", "female"));

  const auto by_phone = view.query(*lease, "patient.find_by_phone", {{"phone", phone_}});
  ASSERT_FALSE(by_phone.empty());
  EXPECT_EQ(by_phone[0].text("phone"), phone_);
  EXPECT_FALSE(
      view.query(*lease, "patient.find_by_insurance", {{"insurance_no", insurance_}}).empty());

  const auto visits = view.query(
      *lease, "visit.list_between",
      {{"from", std::string("2026-03-12T00:00:00Z")}, {"to", std::string("2026-03-13T00:00:00Z")}});
  ASSERT_FALSE(visits.empty());
  const auto clinic = run_query(db_->session(), "SELECT khoa_id FROM dm_phong_kham WHERE id = " +
                                                    visits[0].text("clinic_id"));
  EXPECT_EQ(visits[0].text("department_id"), *clinic.rows.at(0)[0]);
  EXPECT_TRUE(std::regex_match(visits[0].text("visit_time"),
                               std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));

  const long long open_charge =
      scalar(db_->session(), "SELECT MIN(id) FROM hoa_don WHERE trang_thai = 'open'");
  const std::string owner =
      std::to_string(scalar(db_->session(), "SELECT benh_nhan_id FROM hoa_don WHERE id = " +
                                                std::to_string(open_charge)));
  const auto lines = view.query(*lease, "charge.open_for_patient", {{"patient_id", owner}});
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) {
    EXPECT_TRUE(line.at("total").isString());
    EXPECT_EQ(std::stoll(line.text("total")),
              std::stoll(line.text("insurance_share")) + std::stoll(line.text("patient_share")));
  }
  const hisx::sdk::HisParams payment = {{"payment_id", std::string("pay-1")},
                                        {"charge_id", std::to_string(open_charge)},
                                        {"amount", std::string("30000")},
                                        {"method", std::string("cash")},
                                        {"paid_at", std::string("2026-03-13T08:20:00Z")},
                                        {"cashier", std::string("thu.ngan")},
                                        {"receipt_no", std::string("QT-2026-000001")}};
  EXPECT_EQ(view.execute(*lease, "payment.record", payment), 1);
  EXPECT_EQ(view.execute(*lease, "payment.record", payment), 0);  // Idempotent.
  EXPECT_EQ(run_query(db_->session(),
                      "SELECT trang_thai FROM hoa_don WHERE id = " + std::to_string(open_charge))
                .rows.at(0)[0],
            "paid");
}

// A command is checked without running it: MySQL and MariaDB explain it, the others prepare
// it. A wrong column is found, and the HIS gains no row either way.
TEST_P(DemoProfile, TheCheckFindsACommandsUnknownColumnWithoutWriting) {
  hisx::test::TempDir dir;
  const auto path = dir.path() / "wrong.yaml";
  {
    std::ofstream out(path);
    out << "profile: wrong\nstatements:\n  visit.register:\n    sql: >\n"
           "      INSERT INTO luot_kham (benh_nhan_id, phong_kham_id, thoi_gian, ma_nguon)\n"
           "      VALUES (:patient_id, :clinic_id, :visit_time, :source)\n"
           "  payment.record:\n    sql: >\n"
           "      UPDATE hoa_don SET trang_thai = 'paid' WHERE id = :charge_id\n";
  }
  const auto file = hisx::host::load_profile(path, db_->backend());
  auto pool = his_pool();
  const long long visits = scalar(db_->session(), "SELECT COUNT(*) FROM luot_kham");
  const long long open =
      scalar(db_->session(), "SELECT COUNT(*) FROM hoa_don WHERE trang_thai = 'open'");
  const auto issues =
      hisx::host::check_profile(*file, *pool,
                                {{*hisx::sdk::find_statement("visit.register"), true},
                                 {*hisx::sdk::find_statement("payment.record"), true}});
  ASSERT_EQ(issues.size(), 1u) << hisx::host::format_issues(file->file(), issues);
  EXPECT_EQ(issues[0].statement, "visit.register");
  EXPECT_THAT(issues[0].problem, ::testing::HasSubstr("ma_nguon"));
  EXPECT_EQ(scalar(db_->session(), "SELECT COUNT(*) FROM luot_kham"), visits);
  EXPECT_EQ(scalar(db_->session(), "SELECT COUNT(*) FROM hoa_don WHERE trang_thai = 'open'"), open);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoProfile, ::testing::Values("sqlite3", "postgresql", "mysql"),
                         [](const auto& info) { return info.param; });

}  // namespace
