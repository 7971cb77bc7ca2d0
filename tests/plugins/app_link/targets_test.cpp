// Link-rate targets per department and the progress against them over local days: the
// figures are checked against the demo HIS's own visit rows.
#include <Poco/JSON/Array.h>
#include <gmock/gmock.h>
#include <soci/soci.h>

#include <map>
#include <set>

#include "app_link_fixture.h"
#include "hisx/civil_time.h"
#include "hisx/time_zone.h"

namespace hisx::test::app_link {
namespace {

class Targets : public AppLinkTest {
 protected:
  // Today's local date in the configured zone (Asia/Ho_Chi_Minh), from the harness clock.
  std::string today() {
    const auto zone = sdk::TimeZone::locate("Asia/Ho_Chi_Minh");
    return sdk::format_date(
        zone.date_of(std::chrono::floor<std::chrono::seconds>(host_->clock().now())));
  }

  // Distinct patients per department who visited on local day `day`, from the HIS tables.
  std::map<std::string, std::set<std::string>> visitors(const std::string& day) {
    const auto zone = sdk::TimeZone::locate("Asia/Ho_Chi_Minh");
    const auto start = zone.start_of(*sdk::parse_date(day));
    const auto end = start + std::chrono::hours(24);
    std::map<std::string, std::set<std::string>> out;
    auto his = host_->his();
    soci::rowset<soci::row> rows =
        (his->prepare << "SELECT v.benh_nhan_id, k.khoa_id, "
                         "v.thoi_gian, v.trang_thai FROM luot_kham v JOIN dm_phong_kham k ON "
                         "k.id = v.phong_kham_id");
    for (const auto& r : rows) {
      std::string at;
      if (r.get_properties(2).get_data_type() == soci::dt_date) {
        const std::tm t = r.get<std::tm>(2);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &t);
        at = buf;
      } else {
        at = r.get<std::string>(2);
        if (at.size() >= 19) at = at.substr(0, 10) + "T" + at.substr(11, 8) + "Z";
      }
      const auto when = sdk::parse_utc(at);
      if (!when || *when < start || *when >= end) continue;
      if (r.get<std::string>(3) == "cancelled") continue;
      out[id_text(r, 1)].insert(id_text(r, 0));
    }
    return out;
  }

  Poco::JSON::Object::Ptr row_of(const Poco::JSON::Object::Ptr& progress, const std::string& id) {
    const auto items = progress->getArray("departments");
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (items->getObject(i)->getValue<std::string>("department_id") == id) {
        return items->getObject(i);
      }
    }
    ADD_FAILURE() << "no department " << id;
    return new Poco::JSON::Object;
  }
};

TEST_F(Targets, ProgressCountsDistinctVisitorsAndThoseLinkedAgainstTheTarget) {
  const std::string day = today();
  auto truth = visitors(day);
  ASSERT_FALSE(truth.empty()) << "the demo HIS has visits today";
  const auto& [department, patients] = *truth.begin();
  // Link two of the department's visitors.
  auto it = patients.begin();
  ASSERT_EQ(link(*it++, "acct-p1", department).status, 201);
  if (it != patients.end()) {
    ASSERT_EQ(link(*it, "acct-p2", department).status, 201);
  }
  const long long linked = patients.size() > 1 ? 2 : 1;

  const auto r = host_->get("/api/v1/app-link/progress?from=" + day + "&to=" + day, "manager");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = json(r);
  const auto row = row_of(body, department);
  EXPECT_EQ(row->getValue<long long>("visited"), static_cast<long long>(patients.size()));
  EXPECT_EQ(row->getValue<long long>("linked"), linked);
  const double rate = std::round(1000.0 * linked / patients.size()) / 10.0;
  EXPECT_DOUBLE_EQ(row->getValue<double>("rate_percent"), rate);
  EXPECT_DOUBLE_EQ(row->getValue<double>("target_percent"), 80.0);
  EXPECT_TRUE(row->getValue<bool>("target_is_default"));
  const long long needed = (800 * static_cast<long long>(patients.size()) + 999) / 1000;
  EXPECT_EQ(row->getValue<long long>("patients_to_target"), std::max(0LL, needed - linked));

  std::set<std::string> everyone;
  for (const auto& [d, ps] : truth) everyone.insert(ps.begin(), ps.end());
  EXPECT_EQ(body->getObject("total")->getValue<long long>("visited"),
            static_cast<long long>(everyone.size()));
  EXPECT_EQ(body->getObject("total")->getValue<long long>("linked"), linked);

  // Worst first: gaps never grow down the list (departments without visits last).
  const auto items = body->getArray("departments");
  double previous = 1e9;
  bool seen_empty = false;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto o = items->getObject(i);
    if (o->isNull("gap_percent")) {
      seen_empty = true;
      continue;
    }
    EXPECT_FALSE(seen_empty) << "a department with visits after one without";
    EXPECT_LE(o->getValue<double>("gap_percent"), previous);
    previous = o->getValue<double>("gap_percent");
  }
}

TEST_F(Targets, ALinkMadeAfterThePeriodDoesNotCountForIt) {
  const std::string day = today();
  auto truth = visitors(day);
  ASSERT_FALSE(truth.empty());
  const auto& [department, patients] = *truth.begin();
  ASSERT_EQ(link(*patients.begin(), "acct-late", department).status, 201);
  const auto yesterday = sdk::format_date(*sdk::parse_date(day) - std::chrono::days(1));
  const auto r =
      host_->get("/api/v1/app-link/progress?from=" + yesterday + "&to=" + yesterday, "manager");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json(r)->getObject("total")->getValue<long long>("linked"), 0);
}

TEST_F(Targets, ATargetIsSetPerDepartmentAndShownInTheProgress) {
  const auto department = departments().front();
  const auto put = host_->put("/api/v1/app-link/targets/" + department,
                              R"({"target_percent": 85.5})", "manager");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_DOUBLE_EQ(json(put)->getValue<double>("target_percent"), 85.5);
  const auto list = host_->get("/api/v1/app-link/targets", "manager");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto items = json(list)->getArray("items");
  bool found = false;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto o = items->getObject(i);
    if (o->getValue<std::string>("department_id") != department) continue;
    found = true;
    EXPECT_DOUBLE_EQ(o->getValue<double>("target_percent"), 85.5);
    EXPECT_FALSE(o->getValue<bool>("is_default"));
  }
  EXPECT_TRUE(found);
  const auto progress = host_->get("/api/v1/app-link/progress", "manager");
  EXPECT_DOUBLE_EQ(row_of(json(progress), department)->getValue<double>("target_percent"), 85.5);
}

TEST_F(Targets, BadTargetsAndPeriodsAreRefused) {
  const auto department = departments().front();
  for (const std::string body :
       {R"({"target_percent": 101})", R"({"target_percent": -1})", R"({"target_percent": "80"})",
        R"({"target_percent": 80.25})", R"({})"}) {
    expect_problem(host_->put("/api/v1/app-link/targets/" + department, body, "manager"), 422,
                   "validation", "target_percent");
  }
  expect_problem(
      host_->put("/api/v1/app-link/targets/K-NONE", R"({"target_percent": 80})", "manager"), 404,
      "not-found");
  EXPECT_EQ(host_
                ->put("/api/v1/app-link/targets/" + department, R"({"target_percent": 80})",
                      "receptionist")
                .status,
            403);
  expect_problem(host_->get("/api/v1/app-link/progress?from=2026-12-05&to=2026-12-01", "manager"),
                 422, "validation", "to");
  expect_problem(host_->get("/api/v1/app-link/progress?from=2025-01-01&to=2026-12-01", "manager"),
                 422, "validation", "to");
  expect_problem(host_->get("/api/v1/app-link/progress?from=yesterday", "manager"), 422,
                 "validation", "from");
}

}  // namespace
}  // namespace hisx::test::app_link
