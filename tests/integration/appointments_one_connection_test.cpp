// One connection for everything: the store is the HIS database (the default) and its pool
// holds a single session (`database.his.pool_size=1`). Paths that ask the HIS while they hold
// a store session or transaction (a template's doctor, the desk's search, reminders after a
// re-examination order) must answer, never wait for a second connection that cannot come.
#include <gmock/gmock.h>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

class AppointmentsOneConnection : public AppointmentsTest {
 protected:
  const std::string today_ = local_day(0);

  // 09:00 today on the host's clock (slots of today are still ahead), reminders from 00:00
  // (a due tomorrow is reminded at once).
  void SetUp() override {
    start_host({"database.his.pool_size=1", "clock.start=" + today_ + "T09:00:00+07:00",
                "plugins.settings.appointments.reminder_time=00:00"});
  }

  // A request that gives up long before ctest does: a hang fails the test.
  HttpResult call(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& role) {
    const HttpClient client("127.0.0.1", host().port(), 20s);
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + key(role)}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return client.request(method, path, body, headers);
  }
};

TEST_F(AppointmentsOneConnection, ATemplateNamesAHisDoctor) {
  open_clinic(4, {"phone"});
  // The doctor is checked in the HIS inside the template's store transaction.
  HttpResult r = call("POST", "/api/v1/appointments/admin/templates",
                      "{\"clinic_id\": 4, \"doctor_id\": 7, \"weekday\": 2, \"start\": \"08:00\", "
                      "\"end\": \"09:00\", \"slot_minutes\": 15, \"capacity\": 2, \"quotas\": {}}",
                      "admin");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("doctor_id"), "7");
  expect_problem(call("POST", "/api/v1/appointments/admin/templates",
                      "{\"clinic_id\": 4, \"doctor_id\": 9999, \"weekday\": 2, \"start\": "
                      "\"08:00\", \"end\": \"09:00\", \"slot_minutes\": 15, \"capacity\": 2}",
                      "admin"),
                 422, "validation");
}

TEST_F(AppointmentsOneConnection, TheDeskFindsTodaysBookingByItsCode) {
  open_clinic(1, {"app", "web", "phone", "reexam", "walkin"});
  add_template(1, weekday_of(today_), "09:30", "24:00", 5, 20);
  generate(today_, today_);
  long long slot = 0;
  auto items = slots(1, today_);
  for (std::size_t i = 0; i < items->size() && slot == 0; ++i) {
    auto s = items->getObject(static_cast<unsigned>(i));
    if (s->getValue<bool>("bookable")) slot = s->getValue<long long>("id");
  }
  ASSERT_GT(slot, 0);
  HttpResult booked = book("admin", 10, slot, "phone");
  ASSERT_EQ(booked.status, 201) << booked.body;
  const std::string code = booked.json()->getValue<std::string>("code");

  // The search reads the store's bookings, then the HIS's patients and clinic names.
  HttpResult r = call("GET", "/api/v1/appointments/check-in/search?q=" + code, "", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  auto found = r.json()->getArray("items");
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->getObject(0)->getValue<std::string>("code"), code);
  EXPECT_FALSE(found->getObject(0)->getValue<std::string>("clinic_name").empty());
  EXPECT_FALSE(
      found->getObject(0)->getObject("patient")->getValue<std::string>("full_name").empty());

  r = call("POST", "/api/v1/appointments/bookings/" + code + "/check-in", "", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "checked_in");
}

TEST_F(AppointmentsOneConnection, AReexamOrderDueTomorrowIsRemindedAtOnce) {
  open_clinic(6, {"reexam"});
  // The reminders run in one store transaction that reads the patient's phone and the
  // clinic's name from the HIS.
  HttpResult r = call("POST", "/api/v1/appointments/reexams",
                      "{\"patient_id\": 25, \"clinic_id\": 6, \"due_date\": \"" + local_day(1) +
                          "\", \"window_before_days\": 0}",
                      "doctor");
  ASSERT_EQ(r.status, 201) << r.body;
  auto reminders = r.json()->getArray("dues")->getObject(0)->getArray("reminders");
  ASSERT_EQ(reminders->size(), 1u) << r.body;
  EXPECT_THAT(reminders->getObject(0)->getValue<std::string>("recorded_state"),
              ::testing::AnyOf("queued", "skipped"));
}

}  // namespace
}  // namespace hisx::test::integration
