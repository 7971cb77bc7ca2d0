// fast_lane under concurrent requests on two hosts sharing one database, over real sockets:
// each thread has its own connection, and the database alone decides. Windows calling "next"
// at the same instant never get the same ticket, and tickets issued at once get distinct,
// consecutive numbers.
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "integration_support.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

HostOptions shared_host(const TestBackend& backend, const std::filesystem::path& shared) {
  std::vector<std::string> overrides = small_demo();
  overrides.push_back("plugins.enabled=[his, fast_lane]");
  if (backend.name == "sqlite3") {
    overrides.push_back("database.his.connection=db=" + (shared / "hisx.db").string());
  }
  return host_options(backend, overrides);
}

class FastLaneConcurrency : public ::testing::Test {
 protected:
  void SetUp() override {
    backend_ = backend_from_env();
    a_ = std::make_unique<HostProcess>(shared_host(backend_, shared_.path()));
    a_->start();
    b_ = std::make_unique<HostProcess>(shared_host(backend_, shared_.path()));
    b_->start();
    lead_key_ = create_key(*a_, "cashier_lead");
    cashier_key_ = create_key(*a_, "cashier");
    desk_key_ = create_key(*a_, "receptionist");
  }

  // Runs `n` requests at once (released together), alternately on host a and host b.
  template <typename Request>
  std::vector<HttpResult> at_once(int n, Request request) {
    return integration::at_once({a_.get(), b_.get()}, n, request);
  }

  std::filesystem::path db_dir() const {
    return backend_.name == "sqlite3" ? shared_.path() : a_->data_dir();
  }

  void window(const std::string& code, const std::string& mode) {
    const auto r = a_->client().request(
        "PUT", "/api/v1/fast-lane/windows/" + code,
        R"({"name": "Quầy )" + code + R"(", "mode": ")" + mode + "\"}",
        {{"Authorization", "Bearer " + lead_key_}, {"Content-Type", "application/json"}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  TempDir shared_;
  TestBackend backend_;
  std::unique_ptr<HostProcess> a_, b_;
  std::string lead_key_, cashier_key_, desk_key_;
  std::string patient_;
};

TEST_F(FastLaneConcurrency, TicketsIssuedAtOnceGetConsecutiveNumbers) {
  const auto results = at_once(16, [&](const HttpClient& client, int i) {
    return client.post("/api/v1/fast-lane/tickets",
                       i % 4 == 0 ? R"({"priority_group": "disability"})" : "{}", desk_key_);
  });
  std::set<std::string> labels;
  for (const auto& r : results) {
    ASSERT_EQ(r.status, 201) << r.body;
    labels.insert(r.json()->getValue<std::string>("label"));
  }
  EXPECT_EQ(labels, (std::set<std::string>{"T001", "T002", "T003", "T004", "T005", "T006", "T007",
                                           "T008", "T009", "T010", "T011", "T012", "U001", "U002",
                                           "U003", "U004"}));
}

TEST_F(FastLaneConcurrency, WindowsCallingAtTheSameInstantNeverGetTheSameTicket) {
  // 8 windows on two hosts: 4 of the regular lane, 2 mixed, 2 of the fast lane; 48 tickets.
  const std::vector<std::string> windows = {"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"};
  for (std::size_t i = 0; i < windows.size(); ++i) {
    window(windows[i], i < 4 ? "regular" : i < 6 ? "mixed" : "fast");
  }
  for (int i = 0; i < 48; ++i) {
    const auto r =
        a_->client().post("/api/v1/fast-lane/tickets",
                          i % 3 == 0 ? R"({"priority_group": "veteran"})" : "{}", desk_key_);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  // Rounds of 8 simultaneous calls, one per window, until the queue is empty.
  std::map<std::string, int> called;  // label → times called
  int empty = 0;
  for (int round = 0; round < 8; ++round) {
    const auto results = at_once(8, [&](const HttpClient& client, int i) {
      return client.post(
          "/api/v1/fast-lane/windows/" + windows[static_cast<std::size_t>(i)] + "/next", "{}",
          cashier_key_);
    });
    for (const auto& r : results) {
      ASSERT_EQ(r.status, 200) << r.body;
      const auto ticket = r.json()->getObject("called");
      if (ticket.isNull()) {
        ++empty;
      } else {
        ++called[ticket->getValue<std::string>("label")];
      }
    }
  }
  EXPECT_EQ(called.size(), 48u) << "every ticket was called";
  for (const auto& [label, times] : called) EXPECT_EQ(times, 1) << label;
  EXPECT_EQ(empty, 64 - 48);

  auto store = open_store(backend_, db_dir());
  long long calls = 0, tickets_called = 0, lane_calls = 0;
  *store << "SELECT COUNT(*) FROM hisx_fast_lane_calls", soci::into(calls);
  *store << "SELECT COUNT(*) FROM hisx_fast_lane_tickets WHERE calls = 1",
      soci::into(tickets_called);
  *store << "SELECT CAST(SUM(calls) AS BIGINT) FROM hisx_fast_lane_counters",
      soci::into(lane_calls);
  EXPECT_EQ(calls, 48);
  EXPECT_EQ(tickets_called, 48);
  EXPECT_EQ(lane_calls, 48) << "the lanes' call counters equal their rows";
}

TEST_F(FastLaneConcurrency, EightWindowsPayingOneChargeAtOnceTakeItOnce) {
  // One patient's invoice, open in the HIS.
  std::string invoice;
  {
    auto his = open_his(backend_, db_dir());
    long long patient = 0;
    *his << "SELECT MIN(id) FROM benh_nhan", soci::into(patient);
    *his << "INSERT INTO hoa_don (benh_nhan_id, tong_tien, bhyt_chi_tra, benh_nhan_tra, "
            "trang_thai, thoi_gian_tao) VALUES (:p, 200000, 150000, 50000, 'open', "
            "'2026-12-01 01:00:00')",
        soci::use(patient);
    long long id = 0;
    *his << "SELECT MAX(id) FROM hoa_don", soci::into(id);
    invoice = std::to_string(id);
    patient_ = std::to_string(patient);
  }
  // Eight cashiers, each with an open shift at a window of their own.
  std::vector<std::string> cashiers;
  for (int i = 0; i < 8; ++i) {
    cashiers.push_back(create_key(*a_, "cashier"));
    const auto r = a_->client().post(
        "/api/v1/fast-lane/shifts",
        R"({"opening_float": 0, "window": "Q)" + std::to_string(i + 1) + R"("})", cashiers.back());
    ASSERT_EQ(r.status, 201) << r.body;
  }
  const auto results = at_once(8, [&](const HttpClient& client, int i) {
    return client.post("/api/v1/fast-lane/payments",
                       R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + invoice +
                           R"("], "method": "cash", "tendered": 50000})",
                       cashiers[static_cast<std::size_t>(i)],
                       {{"Idempotency-Key", "race-" + std::to_string(i)}});
  });
  int paid = 0, refused = 0;
  for (const auto& r : results) {
    if (r.status == 201) ++paid;
    if (r.status == 409) ++refused;
    EXPECT_TRUE(r.status == 201 || r.status == 409) << r.body;
  }
  EXPECT_EQ(paid, 1);
  EXPECT_EQ(refused, 7);
  auto store = open_store(backend_, db_dir());
  long long payments = 0, receipts = 0;
  *store << "SELECT COUNT(*) FROM hisx_fast_lane_payments", soci::into(payments);
  *store << "SELECT CAST(SUM(last_sequence) AS BIGINT) FROM hisx_fast_lane_receipt_books",
      soci::into(receipts);
  EXPECT_EQ(payments, 1);
  EXPECT_EQ(receipts, 1) << "a refused payment takes no receipt number";
  auto his = open_his(backend_, db_dir());
  std::string status;
  *his << "SELECT trang_thai FROM hoa_don WHERE id = " + invoice, soci::into(status);
  EXPECT_EQ(status, "paid");
}

}  // namespace
}  // namespace hisx::test::integration
