// The printed side of app linking: the slip in every format, the signed form, the batch of a
// department's day, the form lookup; each print recorded as a row and an event.
#include <gmock/gmock.h>
#include <soci/soci.h>

#include <ctime>
#include <set>

#include "app_link_fixture.h"
#include "hisx/civil_time.h"
#include "hisx/time_zone.h"
#include "support/documents/pdf_file.h"

namespace hisx::test::app_link {
namespace {

using hisx::testing::Answer;

// A HIS id or count column as text, whatever type the backend gives it.
std::string text_at(const soci::row& r, std::size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return r.get<std::string>(i);
    case soci::dt_integer:
      return std::to_string(r.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(r.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(r.get<unsigned long long>(i));
    case soci::dt_double:
      return std::to_string(static_cast<long long>(r.get<double>(i)));
    case soci::dt_date: {
      const std::tm t = r.get<std::tm>(i);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &t);
      return buf;
    }
    default:
      return {};
  }
}

class Printing : public AppLinkTest {
 protected:
  Answer slip(const std::string& query, const std::string& role = "receptionist") {
    return host_->call({.method = "GET", .target = "/api/v1/app-link/slip?" + query, .role = role});
  }

  // The patient's open code as the desk sees it ("ABCD-EFGH"), "" when none.
  std::string code_of(const std::string& patient_id) {
    const auto r = host_->get("/api/v1/app-link/patients/" + patient_id, "receptionist");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = json(r);
    if (body->isNull("linking_code")) return {};
    return body->getObject("linking_code")->getValue<std::string>("code");
  }

  long long count(const std::string& sql, const std::string& value) {
    auto store = host_->store();
    long long n = 0;
    *store << sql, soci::into(n), soci::use(value);
    return n;
  }

  long long prints_of(const std::string& patient_id) {
    return count("SELECT COUNT(*) FROM hisx_app_link_prints WHERE patient_id = :p", patient_id);
  }

  // The distinct patients who visited department `department` on the hospital's local day
  // `day`, read straight from the demo HIS tables (visits are stored in UTC).
  std::set<std::string> visitors(const std::string& department, sdk::LocalDate day) {
    const auto zone = sdk::TimeZone::locate("Asia/Ho_Chi_Minh");
    const auto bound = [&](sdk::LocalDate d) {
      std::string t = sdk::format_utc(zone.start_of(d));  // "YYYY-MM-DDTHH:MM:SSZ"
      t[10] = ' ';
      return t.substr(0, 19);
    };
    const std::string from = bound(day), to = bound(day + std::chrono::days(1));
    std::set<std::string> out;
    auto his = host_->his();
    soci::rowset<soci::row> rows =
        (his->prepare << "SELECT v.benh_nhan_id, k.khoa_id, v.thoi_gian FROM luot_kham v "
                         "JOIN dm_phong_kham k ON k.id = v.phong_kham_id");
    for (const auto& r : rows) {
      if (text_at(r, 1) != department) continue;
      const std::string at = text_at(r, 2).substr(0, 19);
      if (at >= from && at < to) out.insert(text_at(r, 0));
    }
    return out;
  }

  sdk::LocalDate today() {
    const auto zone = sdk::TimeZone::locate("Asia/Ho_Chi_Minh");
    return zone.date_of(sdk::to_instant(host_->clock().now()));
  }
};

TEST_F(Printing, EveryFormatAndSizeAnswersWithItsContentType) {
  const auto p = patient();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "application/pdf"},
      {"&format=pdf&size=a5", "application/pdf"},
      {"&format=pdf&size=80mm", "application/pdf"},
      {"&format=png", "image/png"},
      {"&format=svg", "image/svg+xml"},
      {"&format=html", "text/html; charset=utf-8"},
      {"&format=escpos", "application/vnd.escpos"},
      {"&format=escpos&size=80mm", "application/vnd.escpos"},
  };
  for (const auto& [query, type] : cases) {
    const auto r = slip("patient_id=" + p.id + query);
    ASSERT_EQ(r.status, 200) << query << ": " << r.body;
    EXPECT_EQ(r.header("Content-Type"), type) << query;
    EXPECT_EQ(r.header("Cache-Control"), "no-store") << query;
    EXPECT_THAT(r.header("Content-Disposition"), ::testing::StartsWith("inline; filename=\""))
        << query;
  }
  EXPECT_EQ(slip("patient_id=" + p.id).body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(slip("patient_id=" + p.id + "&format=png").body.rfind("\x89PNG", 0), 0u);
  EXPECT_THAT(slip("patient_id=" + p.id + "&format=svg").body, ::testing::HasSubstr("<svg"));
  EXPECT_THAT(slip("patient_id=" + p.id + "&format=html").body,
              ::testing::StartsWith("<div class=\"hisx-app-link\""));
  const auto a5 = PdfFile(slip("patient_id=" + p.id).body).info().at("Page size");
  EXPECT_THAT(a5, ::testing::StartsWith("419.528 x 595.276"));  // A5, in points
  const auto roll = PdfFile(slip("patient_id=" + p.id + "&size=80mm").body).info().at("Page size");
  EXPECT_NEAR(std::stod(roll), 226.77, 0.1) << roll;
}

TEST_F(Printing, TheHisMayPrintTheAppMayNotAndACredentialIsNeeded) {
  const auto p = patient();
  EXPECT_EQ(slip("patient_id=" + p.id, "his").status, 200);
  EXPECT_EQ(slip("patient_id=" + p.id, "doctor").status, 200);
  EXPECT_EQ(slip("patient_id=" + p.id, "app").status, 403);
  EXPECT_EQ(slip("patient_id=" + p.id, "").status, 401);
  // The signed form is for the desk only.
  const auto form = [&](const std::string& role) {
    return host_
        ->call(
            {.method = "GET", .target = "/api/v1/app-link/form?patient_id=" + p.id, .role = role})
        .status;
  };
  EXPECT_EQ(form("receptionist"), 200);
  EXPECT_EQ(form("his"), 403);
  EXPECT_EQ(form("app"), 403);
  EXPECT_EQ(form(""), 401);
}

TEST_F(Printing, RefusalsNameTheField) {
  const auto p = patient();
  const auto unknown = slip("patient_id=999999999");
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_EQ(unknown.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(json(unknown)->getValue<std::string>("type"), "urn:hisx:problem:not-found");

  const auto expect_field = [&](const Answer& r, const std::string& field) {
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(json(r)->getValue<std::string>("field"), field) << r.body;
  };
  expect_field(slip(""), "patient_id");
  expect_field(slip("patient_id=" + p.id + "&format=jpeg"), "format");
  expect_field(slip("patient_id=" + p.id + "&size=a4"), "size");
  expect_field(slip("patient_id=" + p.id + "&department_id=NO-SUCH-DEPT"), "department_id");
  EXPECT_EQ(prints_of(p.id), 0) << "a refused print was recorded";
}

TEST_F(Printing, AReprintShowsTheSameCodeUntilItExpires) {
  const auto p = patient(3);
  const auto first = slip("patient_id=" + p.id);
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string code = code_of(p.id);
  ASSERT_EQ(code.size(), 9u) << code;
  EXPECT_THAT(PdfFile(first.body).text(), ::testing::HasSubstr(code));
  EXPECT_THAT(PdfFile(first.body).text(), ::testing::HasSubstr(p.full_name));

  host_->clock().advance(std::chrono::hours(71));
  const auto again = slip("patient_id=" + p.id + "&size=80mm");
  ASSERT_EQ(again.status, 200);
  EXPECT_THAT(PdfFile(again.body).text(), ::testing::HasSubstr(code));
  EXPECT_EQ(code_of(p.id), code);

  host_->clock().advance(std::chrono::hours(2));  // 73 h: past the 72 h of the default TTL.
  const auto fresh = slip("patient_id=" + p.id);
  ASSERT_EQ(fresh.status, 200);
  const std::string replacement = code_of(p.id);
  EXPECT_NE(replacement, code);
  EXPECT_THAT(PdfFile(fresh.body).text(), ::testing::HasSubstr(replacement));
  EXPECT_EQ(count("SELECT COUNT(*) FROM hisx_app_link_codes WHERE patient_id = :p AND state = "
                  "'replaced'",
                  p.id),
            1);
}

TEST_F(Printing, EachPrintIsARowAndAnEvent) {
  const auto p = patient(5);
  const auto department = departments().front();
  ASSERT_EQ(slip("patient_id=" + p.id + "&department_id=" + department + "&format=png").status,
            200);
  ASSERT_EQ(slip("patient_id=" + p.id + "&format=escpos", "his").status, 200);
  EXPECT_EQ(prints_of(p.id), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM hisx_app_link_prints WHERE patient_id = :p AND kind = "
                  "'slip' AND format = 'png' AND department_id IS NOT NULL",
                  p.id),
            1);

  const auto events = host_->published("app_link.slip_printed");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].source, "app_link");
  EXPECT_EQ(events[0].payload->getValue<std::string>("patient_id"), p.id);
  EXPECT_EQ(events[0].payload->getValue<std::string>("department_id"), department);
  EXPECT_EQ(events[0].payload->getValue<std::string>("kind"), "slip");
  EXPECT_EQ(events[0].payload->getValue<std::string>("format"), "png");
  EXPECT_EQ(events[1].payload->getValue<std::string>("format"), "escpos");
  EXPECT_FALSE(events[1].payload->has("department_id"));
}

TEST_F(Printing, AFormIsNumberedRecordedAndFoundAgainByItsNumber) {
  const auto p = patient(7);
  const auto department = departments().front();
  const auto r = host_->get(
      "/api/v1/app-link/form?patient_id=" + p.id + "&department_id=" + department, "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "application/pdf");
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  const PdfFile file(r.body);
  EXPECT_EQ(file.pages(), 1);
  const auto events = host_->published("app_link.slip_printed");
  ASSERT_EQ(events.size(), 1u);
  const std::string number = events[0].payload->getValue<std::string>("form_number");
  EXPECT_EQ(events[0].payload->getValue<std::string>("kind"), "form");
  EXPECT_THAT(number, ::testing::MatchesRegex("LK[0-9]{7,}"));
  EXPECT_THAT(file.text(), ::testing::HasSubstr(number));
  EXPECT_THAT(file.text(), ::testing::HasSubstr(code_of(p.id)));
  EXPECT_THAT(r.header("Content-Disposition"), ::testing::HasSubstr(number));

  const auto found = host_->get("/api/v1/app-link/forms/" + number, "receptionist");
  ASSERT_EQ(found.status, 200) << found.body;
  const auto body = json(found);
  EXPECT_EQ(body->getValue<std::string>("form_number"), number);
  EXPECT_EQ(body->getValue<std::string>("patient_id"), p.id);
  EXPECT_EQ(body->getValue<std::string>("department_id"), department);
  EXPECT_THAT(body->getValue<std::string>("printed_by"), ::testing::StartsWith("apikey:"));
  EXPECT_EQ(body->getValue<std::string>("printed_at"),
            sdk::format_utc(sdk::to_instant(host_->clock().now())));
  // Lower case is the same number; an unknown or malformed one is not found.
  std::string lower = number;
  lower[0] = 'l', lower[1] = 'k';
  EXPECT_EQ(host_->get("/api/v1/app-link/forms/" + lower, "receptionist").status, 200);
  EXPECT_EQ(host_->get("/api/v1/app-link/forms/LK9999999", "receptionist").status, 404);
  EXPECT_EQ(host_->get("/api/v1/app-link/forms/nonsense", "receptionist").status, 404);
  EXPECT_EQ(host_->get("/api/v1/app-link/forms/" + number, "app").status, 403);

  EXPECT_EQ(count("SELECT COUNT(*) FROM hisx_app_link_prints WHERE patient_id = :p AND kind = "
                  "'form' AND format = 'pdf' AND form_id IS NOT NULL",
                  p.id),
            1);
}

TEST_F(Printing, ABatchHasAFormPerDistinctPatientOfTheDepartmentsDay) {
  const sdk::LocalDate day = today();
  std::string department;
  std::set<std::string> truth;
  for (const auto& d : departments()) {
    auto seen = visitors(d, day);
    if (seen.size() > truth.size()) department = d, truth = std::move(seen);
  }
  ASSERT_FALSE(truth.empty()) << "the demo HIS has no visit today";

  const auto r = host_->get(
      "/api/v1/app-link/forms/batch?department_id=" + department + "&date=" + sdk::format_date(day),
      "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "application/pdf");
  EXPECT_EQ(PdfFile(r.body).pages(), static_cast<int>(truth.size()));

  std::set<std::string> printed;
  for (const auto& e : host_->published("app_link.slip_printed")) {
    EXPECT_EQ(e.payload->getValue<std::string>("kind"), "form");
    EXPECT_EQ(e.payload->getValue<std::string>("department_id"), department);
    printed.insert(e.payload->getValue<std::string>("patient_id"));
  }
  EXPECT_EQ(printed, truth);
  EXPECT_EQ(count("SELECT COUNT(*) FROM hisx_app_link_forms WHERE department_id = :d", department),
            static_cast<long long>(truth.size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM hisx_app_link_prints WHERE department_id = :d AND kind = "
                  "'form'",
                  department),
            static_cast<long long>(truth.size()));
}

TEST_F(Printing, ABatchRefusesAnEmptyDayAndBadParameters) {
  const auto department = departments().front();
  const auto batch = [&](const std::string& query) {
    return host_->get("/api/v1/app-link/forms/batch?" + query, "receptionist");
  };
  const auto empty = batch("department_id=" + department + "&date=2001-01-01");
  EXPECT_EQ(empty.status, 404) << empty.body;
  EXPECT_THAT(json(empty)->getValue<std::string>("detail"), ::testing::HasSubstr("No patient"));
  EXPECT_EQ(json(batch("department_id=" + department + "&date=2001-02-30"))
                ->getValue<std::string>("field"),
            "date");
  EXPECT_EQ(json(batch("department_id=NO-SUCH&date=2001-01-01"))->getValue<std::string>("field"),
            "department_id");
  EXPECT_EQ(json(batch("date=2001-01-01"))->getValue<std::string>("field"), "department_id");
  EXPECT_EQ(batch("department_id=" + department + "&date=2001-01-01").status, 404);
  EXPECT_EQ(
      host_
          ->get("/api/v1/app-link/forms/batch?department_id=" + department + "&date=2001-01-01",
                "his")
          .status,
      403);
  EXPECT_TRUE(host_->published("app_link.slip_printed").empty());
}

}  // namespace
}  // namespace hisx::test::app_link
