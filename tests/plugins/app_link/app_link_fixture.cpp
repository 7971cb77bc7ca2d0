#include "app_link_fixture.h"

#include <soci/soci.h>

#include <ctime>
#include <sstream>

#include "hisx/civil_time.h"

namespace hisx::test::app_link {

void AppLinkTest::start(std::vector<std::string> plugins, std::vector<std::string> overrides) {
  host_.reset();
  backend_ = hisx::test::backend_from_env();
  hisx::testing::HarnessOptions options;
  options.plugins = std::move(plugins);
  options.overrides = backend_.overrides;
  options.overrides.insert(options.overrides.end(), overrides.begin(), overrides.end());
  host_ = std::make_unique<hisx::testing::Harness>(options);
}

DemoPatient AppLinkTest::patient(int n) {
  auto his = host_->his();
  soci::rowset<soci::row> rows =
      (his->prepare << "SELECT id, ma_bn, ho_ten, ngay_sinh FROM benh_nhan ORDER BY id");
  int i = 0;
  for (const auto& r : rows) {
    if (i++ < n) continue;
    DemoPatient p;
    const auto& props = r.get_properties(0);
    p.id = props.get_data_type() == soci::dt_string    ? r.get<std::string>(0)
           : props.get_data_type() == soci::dt_integer ? std::to_string(r.get<int>(0))
                                                       : std::to_string(r.get<long long>(0));
    p.code = r.get<std::string>(1);
    p.full_name = r.get<std::string>(2);
    if (r.get_properties(3).get_data_type() == soci::dt_date) {
      const std::tm day = r.get<std::tm>(3);
      char buf[11];
      std::strftime(buf, sizeof buf, "%Y-%m-%d", &day);
      p.birth_date = buf;
    } else {
      p.birth_date = r.get<std::string>(3).substr(0, 10);
    }
    return p;
  }
  ADD_FAILURE() << "the demo HIS has no patient " << n;
  return {};
}

std::vector<std::string> AppLinkTest::departments() {
  auto his = host_->his();
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (his->prepare << "SELECT id FROM dm_khoa WHERE hoat_dong = 1 ORDER BY id");
  for (const auto& r : rows) out.push_back(id_text(r, 0));
  return out;
}

Poco::JSON::Object::Ptr AppLinkTest::json(const hisx::testing::Answer& answer) {
  try {
    return answer.json();
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
    return new Poco::JSON::Object;
  }
}

Poco::JSON::Object::Ptr AppLinkTest::expect_problem(const hisx::testing::Answer& answer, int status,
                                                    const std::string& type,
                                                    const std::string& field) {
  EXPECT_EQ(answer.status, status) << answer.body;
  EXPECT_EQ(answer.header("Content-Type"), "application/problem+json") << answer.body;
  auto doc = json(answer);
  EXPECT_EQ(doc->optValue<std::string>("type", ""), "urn:hisx:problem:" + type) << answer.body;
  if (!field.empty()) {
    EXPECT_EQ(doc->optValue<std::string>("field", ""), field) << answer.body;
  }
  return doc;
}

hisx::testing::Answer AppLinkTest::link(const std::string& patient_id, const std::string& account,
                                        const std::string& department_id) {
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("patient_id", patient_id);
  body->set("app_account_id", account);
  body->set("department_id", department_id);
  Poco::JSON::Object::Ptr consent = new Poco::JSON::Object;
  consent->set("by", "Người bệnh");
  consent->set("method", "signed_form");
  body->set("consent", consent);
  std::ostringstream text;
  body->stringify(text);
  return host_->post("/api/v1/app-link/links", text.str(), "receptionist");
}

long long AppLinkTest::rows_of(const std::string& table) {
  auto store = host_->store();
  long long n = 0;
  *store << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return n;
}

std::string id_text(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(i));
    default:
      return std::to_string(row.get<long long>(i));
  }
}

std::string other_date(const std::string& birth_date) {
  const auto day = hisx::sdk::parse_date(birth_date);
  if (!day) return "2000-01-01";
  return hisx::sdk::format_date(*day + std::chrono::days(1));
}

}  // namespace hisx::test::app_link
