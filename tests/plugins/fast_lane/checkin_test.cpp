// With the appointments plugin: a patient booked in the app gets a fast-lane ticket when
// checked in at the desk, once, whatever the redelivery; other channels get none.
#include <gmock/gmock.h>

#include "fast_lane_fixture.h"

namespace hisx::test::fast_lane {
namespace {

class Checkin : public FastLaneTest {
 protected:
  void SetUp() override { start({"his", "appointments", "fast_lane"}); }

  // A slot of clinic 1 today from 09:30, open to every channel.
  long long slot_today() {
    auto r = host_->put("/api/v1/appointments/admin/clinics/1",
                        R"({"channels": ["app", "web", "phone", "reexam", "walkin"],)"
                        R"( "booking_window_days": 30, "same_day_cutoff": null})");
    EXPECT_EQ(r.status, 200) << r.body;
    r = host_->post("/api/v1/appointments/admin/templates",
                    R"({"clinic_id": 1, "weekday": 2, "start": "09:30", "end": "12:00",)"
                    R"( "slot_minutes": 15, "capacity": 10, "quotas": {}})");
    EXPECT_EQ(r.status, 201) << r.body;
    r = host_->post("/api/v1/appointments/admin/slots/generate",
                    R"({"from": "2026-12-01", "to": "2026-12-01"})");
    EXPECT_EQ(r.status, 200) << r.body;
    r = host_->get("/api/v1/appointments/slots?clinic=1&from=2026-12-01&to=2026-12-01");
    const auto items = json(r)->getArray("items");
    EXPECT_GT(items->size(), 0u) << r.body;
    return items->size() ? items->getObject(0)->getValue<long long>("id") : 0;
  }

  // Books patient `patient` in `slot` through `channel` and checks the booking in; its id.
  long long booked_and_checked_in(int patient, long long slot, const std::string& channel) {
    auto r =
        host_->post("/api/v1/appointments/bookings", "{\"patient_id\": " + std::to_string(patient) +
                                                         ", \"slot_id\": " + std::to_string(slot) +
                                                         ", \"channel\": \"" + channel + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    const long long id = json(r)->getValue<long long>("id");
    r = host_->post("/api/v1/appointments/bookings/" + std::to_string(id) + "/check-in", "",
                    "receptionist");
    EXPECT_EQ(r.status, 200) << r.body;
    return id;
  }
};

TEST_F(Checkin, AnAppBookingCheckedInGetsAFastLaneTicket) {
  const long long slot = slot_today();
  const long long app = booked_and_checked_in(1, slot, "app");
  booked_and_checked_in(2, slot, "phone");
  host_->deliver_events();
  const auto list = json(host_->get("/api/v1/fast-lane/tickets", "cashier"))->getArray("items");
  ASSERT_EQ(list->size(), 1u);
  const auto t = list->getObject(0);
  EXPECT_EQ(t->getValue<std::string>("label"), "U001");
  EXPECT_EQ(t->getValue<std::string>("lane"), "fast");
  EXPECT_EQ(t->getValue<std::string>("priority_group"), "app");
  EXPECT_EQ(t->getValue<std::string>("source"), "checkin");
  EXPECT_EQ(t->getValue<long long>("booking_id"), app);
  EXPECT_EQ(t->getValue<std::string>("patient_id"), "1");
  EXPECT_THAT(t->getValue<std::string>("booking_code"), ::testing::Not(::testing::IsEmpty()));
  const auto issued = host_->published("ticket.issued");
  ASSERT_EQ(issued.size(), 1u);
  EXPECT_EQ(issued[0].payload->getValue<long long>("booking_id"), app);
}

TEST_F(Checkin, TheChannelsAreSettings) {
  start({"his", "appointments", "fast_lane"},
        {"plugins.settings.fast_lane.checkin_channels=[app, phone]"});
  const long long slot = slot_today();
  booked_and_checked_in(1, slot, "app");
  booked_and_checked_in(2, slot, "phone");
  booked_and_checked_in(3, slot, "walkin");
  host_->deliver_events();
  const auto list = json(host_->get("/api/v1/fast-lane/tickets", "cashier"))->getArray("items");
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->getObject(1)->getValue<std::string>("priority_group"), "booked");
}

}  // namespace
}  // namespace hisx::test::fast_lane
