// The plugin's own jobs: bookings nobody came for become no-shows once their day has ended,
// slots stay generated two weeks ahead, old Idempotency-Key answers are pruned. Each job
// also runs once when the host starts, which is what these tests use: the host's clock is
// the real one, so a booking is moved to yesterday in the store instead of waiting a day.
#include <gmock/gmock.h>

#include <chrono>
#include <ctime>
#include <thread>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

// "YYYY-MM-DDTHH:MM:SSZ", as the plugin stores times.
std::string utc_text(std::chrono::system_clock::time_point t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

class AppointmentsJobs : public AppointmentsTest {
 protected:
  // The start-up runs are one-off jobs keyed to the second they were registered in: a host
  // restarted within the same second would find them done already. Wait that second out.
  void restart() {
    host().stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    host().start();
  }

  long long booking_id(const HttpResult& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()->getValue<long long>("id");
  }

  // Moves a booking's time to yesterday morning (local), as if its day had passed.
  void move_to_yesterday(long long id) {
    const std::string day = local_day(-1);
    const std::string start = day + "T01:00:00Z", end = day + "T01:15:00Z";
    *store() << "UPDATE hisx_appointments_bookings SET start_utc = :s, end_utc = :e WHERE id = :id",
        soci::use(start), soci::use(end), soci::use(id);
  }

  // The booking's status, polled until it is `wanted` or 20 s have passed.
  std::string wait_status(long long id, const std::string& wanted) {
    std::string status;
    for (int i = 0; i < 100; ++i) {
      HttpResult r = get("/api/v1/appointments/bookings/" + std::to_string(id));
      if (r.status == 200) status = r.json()->getValue<std::string>("status");
      if (status == wanted) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return status;
  }
};

TEST_F(AppointmentsJobs, BookingsOfAPastDayNobodyCameForBecomeNoShows) {
  const auto slots = bookable_slots(1, 5);
  const long long confirmed = booking_id(book("call_center", 11, slots[0], "phone"));
  const long long requested = booking_id(book("app", 12, slots[1], "app"));
  const long long cancelled = booking_id(book("receptionist", 13, slots[2], "walkin"));
  const long long upcoming = booking_id(book("call_center", 14, slots[3], "phone"));
  ASSERT_EQ(post("/api/v1/appointments/bookings/" + std::to_string(cancelled) + "/cancel",
                 "{\"reason\": \"bận\"}", "receptionist")
                .status,
            200);
  for (long long id : {confirmed, requested, cancelled}) move_to_yesterday(id);

  restart();
  EXPECT_EQ(wait_status(confirmed, "no_show"), "no_show");
  EXPECT_EQ(wait_status(requested, "no_show"), "no_show");
  EXPECT_EQ(wait_status(cancelled, "cancelled"), "cancelled") << "a final status stays";
  EXPECT_EQ(wait_status(upcoming, "confirmed"), "confirmed") << "today and later: untouched";

  HttpResult r = get("/api/v1/appointments/bookings/" + std::to_string(confirmed));
  auto history = r.json()->getArray("history");
  auto last = history->getObject(history->size() - 1);
  EXPECT_EQ(last->getValue<std::string>("action"), "no_show");
  EXPECT_EQ(last->getValue<std::string>("by"), "job:appointments");
  int events = 0;
  *store() << "SELECT COUNT(*) FROM hisx_host_outbox WHERE name = 'appointment.no_show'",
      soci::into(events);
  EXPECT_EQ(events, 2);

  // The daily runs are listed with the host's jobs.
  HttpResult jobs = get("/api/v1/host/jobs");
  ASSERT_EQ(jobs.status, 200) << jobs.body;
  EXPECT_THAT(jobs.body, HasSubstr("appointments.no_shows"));
  EXPECT_THAT(jobs.body, HasSubstr("appointments.generate_slots"));
}

TEST_F(AppointmentsJobs, SlotsAreKeptGeneratedTwoWeeksAhead) {
  open_clinic(2, {"app", "phone", "walkin"});
  const std::string day = local_day(13);
  add_template(2, weekday_of(day), "08:00", "09:00", 30, 2);
  EXPECT_EQ(slots(2, day)->size(), 0u) << "nothing generated yet";

  restart();
  std::size_t found = 0;
  for (int i = 0; i < 100 && found == 0; ++i) {
    found = slots(2, day)->size();
    if (found == 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_EQ(found, 2u);
  // Not beyond the horizon.
  EXPECT_EQ(slots(2, local_day(15))->size(), 0u);
}

TEST_F(AppointmentsJobs, OldIdempotencyKeysAreRemovedRecentOnesKept) {
  // Keys live in the host's table for idempotency.keep_hours (168 by default): one created
  // eight days ago goes when the next key is claimed, one from an hour ago stays.
  const std::string old_at = utc_text(std::chrono::system_clock::now() - std::chrono::hours(192));
  const std::string recent_at = utc_text(std::chrono::system_clock::now() - std::chrono::hours(1));
  for (const auto& [k, at] : {std::pair{std::string("old-key"), old_at},
                              std::pair{std::string("recent-key"), recent_at}}) {
    *store() << "INSERT INTO hisx_host_idempotency (principal, scope, idem_key, request, "
                "status, response, created_at) VALUES ('apikey:1', 'appointments:bookings', :k, "
                "'{}', 201, '{}', :at)",
        soci::use(k), soci::use(at);
  }
  restart();
  const auto ids = bookable_slots(1, 5);
  ASSERT_EQ(book("app", 1, ids[0], "app", "new-key").status, 201);
  std::vector<std::string> kept(10);
  *store() << "SELECT idem_key FROM hisx_host_idempotency ORDER BY idem_key", soci::into(kept);
  EXPECT_EQ(kept, (std::vector<std::string>{"new-key", "recent-key"}));
}

}  // namespace
}  // namespace hisx::test::integration
