#include "fast_lane_fixture.h"

#include <soci/soci.h>

#include "hisx/civil_time.h"

namespace hisx::test::fast_lane {

void FastLaneTest::start(std::vector<std::string> plugins, std::vector<std::string> overrides) {
  host_.reset();
  backend_ = hisx::test::backend_from_env();
  hisx::testing::HarnessOptions options;
  options.plugins = std::move(plugins);
  options.overrides = backend_.overrides;
  options.overrides.insert(options.overrides.end(), overrides.begin(), overrides.end());
  options.start = std::chrono::system_clock::time_point(*hisx::sdk::parse_utc(kStart));
  host_ = std::make_unique<hisx::testing::Harness>(options);
}

Poco::JSON::Object::Ptr FastLaneTest::json(const hisx::testing::Answer& answer) {
  try {
    return answer.json();
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
    return new Poco::JSON::Object;
  }
}

Poco::JSON::Object::Ptr FastLaneTest::expect_problem(const hisx::testing::Answer& answer,
                                                     int status, const std::string& type,
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

void FastLaneTest::window(const std::string& code, const std::string& mode, int fast_share,
                          int regular_share) {
  const auto r = host_->put("/api/v1/fast-lane/windows/" + code,
                            R"({"name": "Quầy )" + code + R"(", "mode": ")" + mode +
                                R"(", "fast_share": )" + std::to_string(fast_share) +
                                R"(, "regular_share": )" + std::to_string(regular_share) + "}",
                            "cashier_lead");
  ASSERT_EQ(r.status, 200) << r.body;
}

hisx::testing::Answer FastLaneTest::issue(const std::string& body, const std::string& role) {
  return host_->post("/api/v1/fast-lane/tickets", body, role);
}

std::string FastLaneTest::issue_label(const std::string& body) {
  const auto r = issue(body);
  EXPECT_EQ(r.status, 201) << r.body;
  return json(r)->optValue<std::string>("label", "");
}

std::string FastLaneTest::next(const std::string& code) {
  const auto r = host_->post("/api/v1/fast-lane/windows/" + code + "/next", "{}", "cashier");
  EXPECT_EQ(r.status, 200) << r.body;
  const auto called = json(r)->getObject("called");
  return called.isNull() ? "" : called->getValue<std::string>("label");
}

std::string FastLaneTest::add_patient(const std::string& code, const std::string& birth_date) {
  auto his = host_->his();
  *his << "INSERT INTO benh_nhan (ma_bn, ho_ten, ho_ten_khong_dau, ngay_sinh, gioi_tinh) "
          "VALUES (:c, 'Nguyễn Văn Thử', 'nguyen van thu', :b, 1)",
      soci::use(code), soci::use(birth_date);
  soci::row r;
  *his << "SELECT id FROM benh_nhan WHERE ma_bn = :c", soci::use(code), soci::into(r);
  switch (r.get_properties(0).get_data_type()) {
    case soci::dt_string:
      return r.get<std::string>(0);
    case soci::dt_integer:
      return std::to_string(r.get<int>(0));
    default:
      return std::to_string(r.get<long long>(0));
  }
}

std::string FastLaneTest::add_invoice(const std::string& patient_id, long long patient_share,
                                      long long insurance_share) {
  auto his = host_->his();
  const long long total = patient_share + insurance_share;
  const long long patient = std::stoll(patient_id);
  *his << "INSERT INTO hoa_don (benh_nhan_id, tong_tien, bhyt_chi_tra, benh_nhan_tra, "
          "trang_thai, thoi_gian_tao) VALUES (:p, :t, :i, :s, 'open', '2026-12-01 01:00:00')",
      soci::use(patient), soci::use(total), soci::use(insurance_share), soci::use(patient_share);
  soci::row r;
  *his << "SELECT MAX(id) FROM hoa_don", soci::into(r);
  switch (r.get_properties(0).get_data_type()) {
    case soci::dt_integer:
      return std::to_string(r.get<int>(0));
    case soci::dt_string:
      return r.get<std::string>(0);
    default:
      return std::to_string(r.get<long long>(0));
  }
}

std::string FastLaneTest::invoice_status(const std::string& id) {
  auto his = host_->his();
  std::string status;
  const long long invoice = std::stoll(id);
  *his << "SELECT trang_thai FROM hoa_don WHERE id = :id", soci::use(invoice), soci::into(status);
  return status;
}

void FastLaneTest::open_shift(const std::string& role, long long opening_float) {
  const auto r = host_->post(
      "/api/v1/fast-lane/shifts",
      "{\"opening_float\": " + std::to_string(opening_float) + ", \"window\": \"Q1\"}", role);
  ASSERT_EQ(r.status, 201) << r.body;
}

hisx::testing::Answer FastLaneTest::pay(const std::string& body, const std::string& key,
                                        const std::string& role) {
  return host_->post("/api/v1/fast-lane/payments", body, role, {{"Idempotency-Key", key}});
}

long long FastLaneTest::rows_of(const std::string& table) {
  auto store = host_->store();
  long long n = 0;
  *store << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return n;
}

}  // namespace hisx::test::fast_lane
