// Check-in over real sockets (W5): sixteen concurrent check-ins from sixteen connections get
// sixteen distinct queue numbers, and a failing HIS visit registration is logged by hisxd.
// The rest of check-in is tested in process: tests/plugins/appointments/checkin_test.cpp.
#include <atomic>
#include <set>
#include <thread>

#include "appointments_checkin_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_F(AppointmentsCheckin, SixteenConcurrentCheckInsGetSixteenDistinctNumbers) {
  const long long slot = slot_today(1, 20);
  std::vector<long long> ids;
  for (int i = 0; i < 16; ++i)
    ids.push_back(booked(100 + i, slot, "walkin")->getValue<long long>("id"));
  const std::string k = key("receptionist");
  std::vector<HttpResult> results(ids.size());
  std::vector<std::string> errors(ids.size());
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&, i] {
      HttpClient client("127.0.0.1", host().port(), std::chrono::seconds(120));
      ++ready;
      while (!go) std::this_thread::yield();
      try {
        results[i] = client.post(
            "/api/v1/appointments/bookings/" + std::to_string(ids[i]) + "/check-in", "", k);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  while (ready < static_cast<int>(ids.size())) std::this_thread::yield();
  go = true;
  for (auto& t : threads) t.join();
  std::set<int> numbers;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(errors[i], "");
    ASSERT_EQ(results[i].status, 200) << results[i].body;
    numbers.insert(results[i].json()->getValue<int>("queue_number"));
  }
  EXPECT_EQ(numbers.size(), 16u);
  EXPECT_EQ(*numbers.begin(), 1);
  EXPECT_EQ(*numbers.rbegin(), 16);
  int last = 0;
  *store() << "SELECT last_number FROM hisx_appointments_queue_counters WHERE clinic_id = '1' AND "
              "day = :day",
      soci::use(today()), soci::into(last);
  EXPECT_EQ(last, 16);
  EXPECT_EQ(checked_in_events().size(), 16u);
}

TEST_F(AppointmentsCheckin, AFailingVisitRegisterKeepsTheCheckInAndSaysWhy) {
  const long long slot = slot_today(1);
  const auto b = booked(40, slot, "app");
  // The HIS refuses the visit: its table is gone.
  *his() << "ALTER TABLE luot_kham RENAME TO luot_kham_moved";
  HttpResult r = check_in(b->getValue<long long>("id"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("status"), "checked_in");
  EXPECT_EQ(doc->getValue<std::string>("queue_label"), "U-001");
  EXPECT_FALSE(doc->getValue<bool>("visit_registered"));
  EXPECT_EQ(doc->getValue<std::string>("visit_register"), "failed");
  // The desk learns which statement failed, never the SQL; the log has the database's message.
  EXPECT_THAT(doc->getValue<std::string>("visit_error"), HasSubstr("'visit.register'"));
  EXPECT_THAT(doc->getValue<std::string>("visit_error"), Not(HasSubstr("luot_kham")));
  EXPECT_THAT(doc->getValue<std::string>("visit_error"), Not(HasSubstr("INSERT")));
  EXPECT_THAT(host().wait_for_output("visit.register failed"), HasSubstr("visit.register failed"));
  EXPECT_THAT(host().wait_for_output("luot_kham"),
              HasSubstr("HIS profile statement 'visit.register' (plugin appointments) failed"));
  EXPECT_EQ(checked_in_events().size(), 1u);
}

}  // namespace
}  // namespace hisx::test::integration
