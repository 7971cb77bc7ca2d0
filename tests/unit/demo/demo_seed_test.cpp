#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>

#include "demo/demo_his.h"
#include "demo_test_db.h"
#include "hisx/text.h"

namespace {

using hisx::host::create_demo_schema;
using hisx::host::DemoSeedOptions;
using hisx::host::DemoSeedSummary;
using hisx::host::seed_demo;
using hisx::test::DemoDb;
using hisx::test::dump;
using hisx::test::run_query;
using hisx::test::scalar;

// Wednesday 11 to Friday 13 March 2026; Friday is "today".
DemoSeedOptions small_options() {
  DemoSeedOptions o;
  o.patients = 400;
  o.days = 3;
  o.seed = 7;
  o.end_date = "2026-03-13";
  o.visits_per_day = 600;
  return o;
}

DemoSeedSummary create_and_seed(DemoDb& db, const DemoSeedOptions& options) {
  create_demo_schema(db.session(), db.backend());
  return seed_demo(db.session(), db.backend(), options);
}

// A timestamp column as 'YYYY-MM-DD HH:MM:SS' text on every backend.
std::string ts(const DemoDb& db, const std::string& column) {
  if (db.is_pg()) return "to_char(" + column + ", 'YYYY-MM-DD HH24:MI:SS')";
  if (db.is_mysql()) return "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s')";
  return column;
}

std::string patients_sql(const DemoDb& db) {
  return std::string("SELECT id, ma_bn, ho_ten, ho_ten_khong_dau, ") +
         (db.is_pg()      ? "to_char(ngay_sinh, 'YYYY-MM-DD')"
          : db.is_mysql() ? "DATE_FORMAT(ngay_sinh, '%Y-%m-%d')"
                          : "ngay_sinh") +
         ", gioi_tinh, dien_thoai, so_the_bhyt, dia_chi FROM benh_nhan ORDER BY id";
}

std::string visits_sql(const DemoDb& db) {
  return "SELECT id, benh_nhan_id, phong_kham_id, bac_si_id, " + ts(db, "thoi_gian") +
         ", trang_thai, nguon FROM luot_kham ORDER BY id";
}

std::string invoices_sql(const DemoDb& db) {
  return "SELECT id, benh_nhan_id, luot_kham_id, tong_tien, bhyt_chi_tra, benh_nhan_tra, "
         "trang_thai, " +
         ts(db, "thoi_gian_tao") + ", " + ts(db, "thoi_gian_thu") + " FROM hoa_don ORDER BY id";
}

std::string orders_sql(const DemoDb& db) {
  return "SELECT id, luot_kham_id, benh_nhan_id, loai, ma_dich_vu, ten_dich_vu, don_gia, " +
         ts(db, "thoi_gian") + ", trang_thai FROM chi_dinh_cls ORDER BY id";
}

class DemoSeed : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoSeed, CountsMatchTheOptionsAndTheTables) {
  DemoDb db(GetParam());
  const auto summary = create_and_seed(db, small_options());
  EXPECT_EQ(summary.patients, 400);
  EXPECT_EQ(summary.departments, 11);           // 10 active and one merged away.
  EXPECT_EQ(summary.clinics, 13);               // 12 open rooms and one closed.
  EXPECT_EQ(summary.doctors, 27);               // 26 working and one retired.
  EXPECT_EQ(summary.invoices, summary.visits);  // One invoice per visit.
  auto& s = db.session();
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM benh_nhan"), summary.patients);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM dm_khoa"), summary.departments);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM dm_phong_kham"), summary.clinics);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM dm_bac_si"), summary.doctors);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM luot_kham"), summary.visits);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM chi_dinh_cls"), summary.orders);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM hoa_don"), summary.invoices);
  EXPECT_EQ(scalar(s, "SELECT COUNT(DISTINCT luot_kham_id) FROM hoa_don"), summary.visits);
}

TEST_P(DemoSeed, AWeekdayHasAboutVisitsPerDayAndWeekendsFewer) {
  DemoDb db(GetParam());
  auto options = small_options();
  options.end_date = "2026-03-15";  // Thursday 12 .. Sunday 15 March.
  options.days = 4;
  create_and_seed(db, options);
  auto& s = db.session();
  const auto on_day = [&](const std::string& from_utc, const std::string& to_utc) {
    return scalar(s, "SELECT COUNT(*) FROM luot_kham WHERE thoi_gian >= '" + from_utc +
                         "' AND thoi_gian < '" + to_utc + "'");
  };
  // Local days start at 17:00 UTC the day before.
  const long long thursday = on_day("2026-03-11 17:00:00", "2026-03-12 17:00:00");
  const long long friday = on_day("2026-03-12 17:00:00", "2026-03-13 17:00:00");
  const long long saturday = on_day("2026-03-13 17:00:00", "2026-03-14 17:00:00");
  const long long sunday = on_day("2026-03-14 17:00:00", "2026-03-15 17:00:00");
  EXPECT_GE(thursday, 540);
  EXPECT_LE(thursday, 660);
  EXPECT_GE(friday, 540);
  EXPECT_LE(friday, 660);
  EXPECT_GT(saturday, 0);
  EXPECT_LT(saturday, thursday / 2);
  EXPECT_GT(sunday, 0);
  EXPECT_LT(sunday, saturday);
  EXPECT_EQ(thursday + friday + saturday + sunday, scalar(s, "SELECT COUNT(*) FROM luot_kham"));
}

TEST_P(DemoSeed, VisitsFallInOpeningHours) {
  DemoDb db(GetParam());
  create_and_seed(db, small_options());
  // 07:00–16:30 in Ho Chi Minh City is 00:00–09:30 UTC on the same date.
  std::set<std::string> hours;
  for (const auto& line : dump(db.session(), "SELECT " + ts(db, "thoi_gian") + " FROM luot_kham")) {
    const std::string clock = line.substr(11);
    EXPECT_LE(clock, "09:30:00") << line;
    hours.insert(clock.substr(0, 2));
  }
  EXPECT_GE(hours.size(), 9u);  // Spread over the day, not bunched at one time.
}

TEST_P(DemoSeed, PastDaysAreClosedAndTheLastDayIsPartlyOpen) {
  DemoDb db(GetParam());
  create_and_seed(db, small_options());
  auto& s = db.session();
  const std::string today = "thoi_gian >= '2026-03-12 17:00:00'";
  const std::string before = "thoi_gian < '2026-03-12 17:00:00'";
  EXPECT_GT(scalar(s, "SELECT COUNT(*) FROM luot_kham WHERE " + before), 1000);
  EXPECT_EQ(
      scalar(s, "SELECT COUNT(*) FROM luot_kham WHERE " + before + " AND trang_thai <> 'done'"), 0);
  for (const char* status : {"done", "in_exam", "waiting"}) {
    EXPECT_GT(scalar(s, "SELECT COUNT(*) FROM luot_kham WHERE " + today + " AND trang_thai = '" +
                            status + "'"),
              30)
        << status;
  }
  // Waiting patients have no doctor yet; everyone else has one.
  EXPECT_EQ(
      scalar(
          s,
          "SELECT COUNT(*) FROM luot_kham WHERE trang_thai = 'waiting' AND bac_si_id IS NOT NULL"),
      0);
  EXPECT_EQ(
      scalar(s,
             "SELECT COUNT(*) FROM luot_kham WHERE trang_thai <> 'waiting' AND bac_si_id IS NULL"),
      0);
  // Invoices: paid exactly for finished visits, with a payment time.
  EXPECT_EQ(scalar(s,
                   "SELECT COUNT(*) FROM hoa_don h JOIN luot_kham l ON l.id = h.luot_kham_id "
                   "WHERE (l.trang_thai = 'done') <> (h.trang_thai = 'paid')"),
            0);
  EXPECT_EQ(scalar(s,
                   "SELECT COUNT(*) FROM hoa_don WHERE (trang_thai = 'paid') <> (thoi_gian_thu IS "
                   "NOT NULL)"),
            0);
  EXPECT_GT(scalar(s, "SELECT COUNT(*) FROM hoa_don WHERE trang_thai = 'open'"), 60);
  // Orders of patients still in the exam room are not done yet.
  EXPECT_EQ(scalar(s,
                   "SELECT COUNT(*) FROM chi_dinh_cls c JOIN luot_kham l ON l.id = c.luot_kham_id "
                   "WHERE (l.trang_thai = 'in_exam') <> (c.trang_thai = 'ordered')"),
            0);
  EXPECT_EQ(scalar(s,
                   "SELECT COUNT(*) FROM chi_dinh_cls c JOIN luot_kham l ON l.id = c.luot_kham_id "
                   "WHERE l.trang_thai = 'waiting'"),
            0);
}

TEST_P(DemoSeed, MoneyAddsUpWithTheInsuranceShare) {
  DemoDb db(GetParam());
  const auto summary = create_and_seed(db, small_options());
  auto& s = db.session();
  EXPECT_EQ(
      scalar(s, "SELECT COUNT(*) FROM hoa_don WHERE tong_tien <> bhyt_chi_tra + benh_nhan_tra"), 0);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM hoa_don WHERE tong_tien < 34500"), 0);
  EXPECT_EQ(scalar(s,
                   "SELECT COUNT(*) FROM hoa_don h JOIN benh_nhan b ON b.id = h.benh_nhan_id "
                   "WHERE b.so_the_bhyt IS NULL AND h.bhyt_chi_tra <> 0"),
            0);
  // Each invoice's insurance share follows the benefit level printed on the card.
  const auto rows = run_query(s,
                              "SELECT h.tong_tien, h.bhyt_chi_tra, b.so_the_bhyt FROM hoa_don h "
                              "JOIN benh_nhan b ON b.id = h.benh_nhan_id "
                              "WHERE b.so_the_bhyt IS NOT NULL");
  ASSERT_GT(rows.rows.size(), 100u);
  std::set<long long> shares;
  for (const auto& r : rows.rows) {
    const long long total = std::stoll(*r[0]);
    const long long insured = std::stoll(*r[1]);
    const char level = (*r[2])[2];
    const long long percent = level == '3' ? 95 : level == '4' ? 80 : 100;
    EXPECT_EQ(insured, total * percent / 100) << *r[2];
    shares.insert(percent);
  }
  EXPECT_EQ(shares, (std::set<long long>{80, 95, 100}));
  // About 40% of visits get lab or imaging orders, of both kinds, at list prices.
  const double with_orders =
      static_cast<double>(scalar(s, "SELECT COUNT(DISTINCT luot_kham_id) FROM chi_dinh_cls")) /
      static_cast<double>(summary.visits);
  EXPECT_GT(with_orders, 0.30);
  EXPECT_LT(with_orders, 0.50);
  EXPECT_GT(scalar(s, "SELECT COUNT(*) FROM chi_dinh_cls WHERE loai = 'lab'"), 0);
  EXPECT_GT(scalar(s, "SELECT COUNT(*) FROM chi_dinh_cls WHERE loai = 'imaging'"), 0);
  EXPECT_EQ(scalar(s, "SELECT COUNT(*) FROM chi_dinh_cls WHERE don_gia <= 0"), 0);
}

TEST_P(DemoSeed, PatientsLookLikeVietnameseOutpatients) {
  DemoDb db(GetParam());
  create_and_seed(db, small_options());
  const auto rows = run_query(db.session(), patients_sql(db));
  ASSERT_EQ(rows.rows.size(), 400u);
  const std::regex code_re("BN\\d{7}");
  const std::regex phone_re("0[35789]\\d{8}");
  const std::regex card_re("[A-Z]{2}[1-5]\\d{12}");
  std::set<std::string> codes;
  int accented = 0, insured = 0, nguyen = 0, children = 0, elderly = 0, no_phone = 0;
  for (const auto& r : rows.rows) {
    const std::string& code = *r[1];
    const std::string& name = *r[2];
    const std::string& folded = *r[3];
    const int birth_year = std::stoi(r[4]->substr(0, 4));
    const int gender = std::stoi(*r[5]);
    EXPECT_TRUE(std::regex_match(code, code_re)) << code;
    EXPECT_TRUE(codes.insert(code).second) << code;
    EXPECT_EQ(folded, hisx::sdk::fold_search_text(name));
    for (char c : folded) {
      EXPECT_FALSE(static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) << folded;
    }
    if (folded != name) ++accented;
    if (name.rfind("Nguyễn ", 0) == 0) ++nguyen;
    EXPECT_GE(std::count(name.begin(), name.end(), ' '), 2) << name;
    if (name.find(" Thị ") != std::string::npos) {
      EXPECT_EQ(gender, 2) << name;
    }
    if (name.find(" Văn ") != std::string::npos) {
      EXPECT_EQ(gender, 1) << name;
    }
    if (r[6]) {
      EXPECT_TRUE(std::regex_match(*r[6], phone_re)) << *r[6];
    } else {
      ++no_phone;
    }
    if (r[7]) {
      EXPECT_EQ(r[7]->size(), 15u);
      EXPECT_TRUE(std::regex_match(*r[7], card_re)) << *r[7];
      ++insured;
    }
    if (birth_year >= 2021) ++children;
    if (birth_year <= 1946) ++elderly;
    EXPECT_NE(r[8]->find("tỉnh Đồng Tháp"), std::string::npos) << *r[8];
  }
  EXPECT_GT(accented, 390);            // Almost every Vietnamese name carries a mark.
  EXPECT_GT(insured, 400 * 85 / 100);  // About 90% hold an insurance card.
  EXPECT_LT(insured, 400 * 95 / 100);
  EXPECT_GT(nguyen, 400 * 28 / 100);  // Nguyễn is the most common family name.
  EXPECT_LT(nguyen, 400 * 48 / 100);
  EXPECT_GT(children, 10);
  EXPECT_GT(elderly, 5);
  EXPECT_LT(no_phone, 40);
}

TEST_P(DemoSeed, SecondSeedIsRefusedAndChangesNothing) {
  DemoDb db(GetParam());
  const auto summary = create_and_seed(db, small_options());
  auto other = small_options();
  other.seed = 99;
  try {
    seed_demo(db.session(), db.backend(), other);
    FAIL() << "second seed accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("already holds data"), std::string::npos) << e.what();
  }
  EXPECT_EQ(scalar(db.session(), "SELECT COUNT(*) FROM benh_nhan"), summary.patients);
  EXPECT_EQ(scalar(db.session(), "SELECT COUNT(*) FROM luot_kham"), summary.visits);
}

TEST_P(DemoSeed, SeedWithoutSchemaIsRefused) {
  DemoDb db(GetParam());
  try {
    seed_demo(db.session(), db.backend(), small_options());
    FAIL() << "seed without schema accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("create_demo_schema"), std::string::npos) << e.what();
  }
}

TEST_P(DemoSeed, AFailedSeedLeavesNothingBehind) {
  DemoDb db(GetParam());
  create_demo_schema(db.session(), db.backend());
  // Swap the invoice table for one whose extra NOT NULL column makes the last step fail.
  db.session() << "DROP TABLE hoa_don";
  db.session() << "CREATE TABLE hoa_don (id INTEGER PRIMARY KEY, bat_buoc TEXT NOT NULL, "
                  "benh_nhan_id INTEGER, luot_kham_id INTEGER, tong_tien INTEGER, "
                  "bhyt_chi_tra INTEGER, benh_nhan_tra INTEGER, trang_thai TEXT, "
                  "thoi_gian_tao TEXT, thoi_gian_thu TEXT)";
  EXPECT_THROW(seed_demo(db.session(), db.backend(), small_options()), std::exception);
  for (const char* table : {"dm_khoa", "dm_phong_kham", "dm_bac_si", "benh_nhan", "luot_kham",
                            "chi_dinh_cls", "hoa_don"}) {
    EXPECT_EQ(scalar(db.session(), std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
}

TEST_P(DemoSeed, ReportsProgressOfEveryStep) {
  DemoDb db(GetParam());
  create_demo_schema(db.session(), db.backend());
  std::vector<std::string> steps;
  std::map<std::string, std::pair<long, long>> last;
  const auto summary = seed_demo(db.session(), db.backend(), small_options(),
                                 [&](std::string_view step, long done, long total) {
                                   if (steps.empty() || steps.back() != step)
                                     steps.emplace_back(step);
                                   auto& [d, t] = last[std::string(step)];
                                   EXPECT_GE(done, d);
                                   EXPECT_LE(done, total);
                                   d = done;
                                   t = total;
                                 });
  EXPECT_EQ(steps,
            (std::vector<std::string>{"catalogues", "patients", "visits", "orders", "invoices"}));
  EXPECT_EQ(last["catalogues"], std::make_pair(11L + 13L + 27L, 11L + 13L + 27L));
  EXPECT_EQ(last["patients"], std::make_pair(summary.patients, summary.patients));
  EXPECT_EQ(last["visits"], std::make_pair(summary.visits, summary.visits));
  EXPECT_EQ(last["orders"], std::make_pair(summary.orders, summary.orders));
  EXPECT_EQ(last["invoices"], std::make_pair(summary.invoices, summary.invoices));
}

TEST_P(DemoSeed, DefaultsSeedADistrictHospitalWeek) {
  DemoDb db(GetParam());
  create_demo_schema(db.session(), db.backend());
  const auto summary = seed_demo(db.session(), db.backend(), DemoSeedOptions{});
  EXPECT_EQ(summary.patients, 3000);
  EXPECT_GT(summary.visits, 2500);
}

TEST_P(DemoSeed, EmptyEndDateMeansTodayInHoChiMinhCity) {
  using namespace std::chrono;
  const auto local_today = [] {
    const year_month_day d{floor<days>(system_clock::now() + hours{7})};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return std::string(buf);
  };
  DemoDb db(GetParam());
  DemoSeedOptions options;
  options.patients = 100;
  options.days = 1;
  options.visits_per_day = 300;
  const std::string before = local_today();
  create_and_seed(db, options);
  const std::string after = local_today();
  // Local date of each visit: UTC + 7 hours.
  const std::string local_date =
      db.is_pg()      ? "to_char(thoi_gian + INTERVAL '7 hours', 'YYYY-MM-DD')"
      : db.is_mysql() ? "DATE_FORMAT(thoi_gian + INTERVAL 7 HOUR, '%Y-%m-%d')"
                      : "date(thoi_gian, '+7 hours')";
  const auto dates = dump(db.session(), "SELECT DISTINCT " + local_date + " FROM luot_kham");
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_TRUE(dates[0] == before || dates[0] == after) << dates[0] << " vs " << before;
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoSeed, ::testing::Values("sqlite3", "postgresql", "mysql"),
                         [](const auto& info) { return info.param; });

TEST(DemoSeedDeterminism, SameOptionsGiveTheSameRowsOnEveryBackend) {
  DemoDb a("sqlite3");
  DemoDb b("sqlite3");
  DemoDb pg("postgresql");
  DemoDb maria("mysql");
  for (DemoDb* db : {&a, &b, &pg, &maria}) create_and_seed(*db, small_options());
  const auto patients = dump(a.session(), patients_sql(a));
  ASSERT_EQ(patients.size(), 400u);
  EXPECT_EQ(dump(b.session(), patients_sql(b)), patients);
  EXPECT_EQ(dump(pg.session(), patients_sql(pg)), patients);
  EXPECT_EQ(dump(maria.session(), patients_sql(maria)), patients);
  const auto visits = dump(a.session(), visits_sql(a));
  EXPECT_EQ(dump(b.session(), visits_sql(b)), visits);
  EXPECT_EQ(dump(pg.session(), visits_sql(pg)), visits);
  EXPECT_EQ(dump(maria.session(), visits_sql(maria)), visits);
  const auto orders = dump(a.session(), orders_sql(a));
  EXPECT_EQ(dump(pg.session(), orders_sql(pg)), orders);
  EXPECT_EQ(dump(maria.session(), orders_sql(maria)), orders);
  const auto invoices = dump(a.session(), invoices_sql(a));
  EXPECT_EQ(dump(pg.session(), invoices_sql(pg)), invoices);
  EXPECT_EQ(dump(maria.session(), invoices_sql(maria)), invoices);
}

TEST(DemoSeedDeterminism, AnotherSeedGivesOtherPatients) {
  DemoDb a("sqlite3");
  DemoDb b("sqlite3");
  auto other = small_options();
  other.seed = 8;
  create_and_seed(a, small_options());
  create_and_seed(b, other);
  const auto first = dump(a.session(), patients_sql(a));
  const auto second = dump(b.session(), patients_sql(b));
  ASSERT_EQ(first.size(), second.size());
  int same = 0;
  for (std::size_t i = 0; i < first.size(); ++i) same += first[i] == second[i];
  EXPECT_EQ(same, 0);
}

TEST(DemoSeedOptionsCheck, RejectsBadOptionsBeforeWriting) {
  DemoDb db("sqlite3");
  create_demo_schema(db.session(), db.backend());
  const auto refused = [&](DemoSeedOptions o) {
    EXPECT_THROW(seed_demo(db.session(), db.backend(), o), std::runtime_error);
  };
  auto o = small_options();
  o.patients = 0;
  refused(o);
  o = small_options();
  o.days = 0;
  refused(o);
  o = small_options();
  o.visits_per_day = -1;
  refused(o);
  for (const char* bad : {"2026-13-01", "13/03/2026", "2026-02-30", "2026-3-1", "soon"}) {
    o = small_options();
    o.end_date = bad;
    refused(o);
  }
  EXPECT_THROW(seed_demo(db.session(), "oracle", small_options()), std::invalid_argument);
  EXPECT_EQ(scalar(db.session(), "SELECT COUNT(*) FROM benh_nhan"), 0);
}

}  // namespace
