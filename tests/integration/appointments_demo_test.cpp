// The demo configuration: with `demo_seed: true` and empty tables the plugin opens the first
// three HIS clinics with weekly sessions and generates two weeks of slots, once.
#include <map>
#include <string>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

class AppointmentsDemo : public AppointmentsTest {
 protected:
  void SetUp() override { start_host({"plugins.settings.appointments.demo_seed=true"}); }
};

TEST_F(AppointmentsDemo, SeedsThreeClinicsOnceAndKeepsChanges) {
  HttpResult r = get("/api/v1/appointments/clinics", "app");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.json()->getArray("items");
  ASSERT_EQ(items->size(), 3u) << r.body;
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("name"), "Phòng khám Nội 1");

  // The seeded sessions run Monday to Saturday: take a day ahead that is not a Sunday.
  std::string day = local_day(2);
  if (weekday_of(day) == 7) day = local_day(3);
  const auto morning = slots(1, day, "app");
  // 07:30–11:30 in 15-minute slots, and 13:30–16:30 on weekdays.
  EXPECT_EQ(morning->size(), weekday_of(day) == 6 ? 16u : 28u);
  auto first = morning->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("start"), day + "T07:30:00+07:00");
  EXPECT_EQ(first->getValue<int>("capacity"), 4);
  EXPECT_LE(first->getValue<int>("remaining_for_channel"), 2) << "app at 50 % of 4";

  // A change made by the hospital survives a restart: the seed runs only on empty tables.
  ASSERT_EQ(put("/api/v1/appointments/admin/clinics/1", "{\"channels\": [\"walkin\"]}").status,
            200);
  host().stop();
  host().start();
  r = get("/api/v1/appointments/clinics", "app");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("count"), 2) << r.body;
  EXPECT_EQ(slots(1, day)->size(), morning->size()) << "no slot generated twice";
}

TEST_F(AppointmentsDemo, SeedsAMixOfBookingsThatFitsTheSlots) {
  // Every channel is there, app bookings partly still awaiting the call centre.
  std::map<std::string, int> by_channel;
  {
    std::string channel;
    int n = 0;
    auto session = store();
    soci::statement q = (session->prepare << "SELECT channel, COUNT(*) FROM "
                                             "hisx_appointments_bookings GROUP BY channel",
                         soci::into(channel), soci::into(n));
    q.execute();
    while (q.fetch()) by_channel[channel] = n;
  }
  for (const char* channel : {"app", "web", "phone", "reexam", "walkin"}) {
    EXPECT_GT(by_channel[channel], 0) << channel;
  }
  EXPECT_GT(by_channel["app"], by_channel["web"]);
  int requested = 0;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings WHERE status = 'requested'",
      soci::into(requested);
  EXPECT_GT(requested, 0);

  // No slot holds more than its capacity, and each slot's count is its bookings.
  int mismatched = -1;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_slots s WHERE s.booked > s.capacity OR "
              "s.booked <> (SELECT COUNT(*) FROM hisx_appointments_bookings b WHERE b.slot_id = "
              "s.id AND b.status NOT IN ('cancelled', 'no_show'))",
      soci::into(mismatched);
  EXPECT_EQ(mismatched, 0);
  // Within each channel's quota too.
  int over_quota = -1;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_slot_channels c WHERE c.quota IS NOT NULL "
              "AND c.booked > c.quota",
      soci::into(over_quota);
  EXPECT_EQ(over_quota, 0);

  // A restart seeds nothing more.
  int before = 0, after = 0;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings", soci::into(before);
  host().stop();
  host().start();
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings", soci::into(after);
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace hisx::test::integration
