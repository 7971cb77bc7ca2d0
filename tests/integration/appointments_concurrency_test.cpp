// Capacity, overlap and idempotency hold under concurrent requests: each thread has its own
// HTTP client and connection, and the database alone decides.
#include <atomic>
#include <thread>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

class AppointmentsConcurrency : public AppointmentsTest {
 protected:
  // Runs `n` requests at once (released together) and returns their results in order.
  template <typename Request>
  std::vector<HttpResult> at_once(int n, Request request) {
    return integration::at_once({&host()}, n, request);
  }

  std::string booking_body(long long patient, long long slot, const std::string& channel) {
    return "{\"patient_id\": " + std::to_string(patient) +
           ", \"slot_id\": " + std::to_string(slot) + ", \"channel\": \"" + channel + "\"}";
  }
};

TEST_F(AppointmentsConcurrency, ABookingWaitsForAClosureBeingWrittenAndThenSeesIt) {
  const auto ids = bookable_slots(1, 5);
  // A closure of clinic 1 on the booking day is being written, as the closure route writes it:
  // its transaction holds the clinic's row (PostgreSQL) or the write lock (SQLite).
  auto admin_tx = store();
  soci::transaction tx(*admin_tx);
  if (backend_.name == "postgresql") {
    std::string locked;
    *admin_tx << "SELECT clinic_id FROM hisx_appointments_clinics WHERE clinic_id = '1' FOR UPDATE",
        soci::into(locked);
  }
  const std::string day = booking_day();
  *admin_tx << "INSERT INTO hisx_appointments_closures (clinic_id, from_date, to_date, reason, "
               "created_at, created_by) VALUES (1, :d, :d2, 'Mất điện', '2026-01-01T00:00:00Z', "
               "'user:1')",
      soci::use(day), soci::use(day);

  std::atomic<bool> answered{false};
  HttpResult booking;
  std::thread patient([&] {
    HttpClient client("127.0.0.1", host().port(), std::chrono::seconds(60));
    booking = client.post("/api/v1/appointments/bookings", booking_body(7, ids[0], "phone"),
                          key("call_center"));
    answered = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const bool answered_before_commit = answered;
  tx.commit();
  patient.join();
  // It waited for the closure and then refused: no booking on a closed day.
  EXPECT_FALSE(answered_before_commit) << booking.body;
  expect_problem(booking, 409, "clinic-closed");
  long long bookings = -1;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings", soci::into(bookings);
  EXPECT_EQ(bookings, 0);
}

TEST_F(AppointmentsConcurrency, SixtyFourPatientsRaceForFivePlaces) {
  const auto ids = bookable_slots(1, 5);
  const long long target = ids[0];
  const std::string k = key("call_center");
  auto results = at_once(64, [&](const HttpClient& client, int i) {
    return client.post("/api/v1/appointments/bookings", booking_body(i + 1, target, "phone"), k);
  });
  int created = 0, full = 0;
  std::set<std::string> booked_patients;
  for (const auto& r : results) {
    if (r.status == 201) {
      ++created;
      booked_patients.insert(r.json()->getValue<std::string>("patient_id"));
    } else if (r.status == 409) {
      ++full;
      EXPECT_NE(r.body.find("urn:hisx:problem:slot-full"), std::string::npos) << r.body;
    } else {
      ADD_FAILURE() << r.status << " " << r.body;
    }
  }
  EXPECT_EQ(created, 5);
  EXPECT_EQ(full, 59);
  EXPECT_EQ(booked_patients.size(), 5u);
  auto s = slot(1, booking_day(), target);
  EXPECT_EQ(s->getValue<int>("booked"), 5);
  EXPECT_EQ(s->getValue<int>("remaining"), 0);
  int rows = 0, counted = 0;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings WHERE slot_id = :s",
      soci::into(rows), soci::use(target);
  *store() << "SELECT booked FROM hisx_appointments_slot_channels WHERE slot_id = :s AND "
              "channel = 'phone'",
      soci::into(counted), soci::use(target);
  EXPECT_EQ(rows, 5);
  EXPECT_EQ(counted, 5);
}

TEST_F(AppointmentsConcurrency, OnePatientRacingForOverlappingSlotsGetsOne) {
  // Eight clinics with the same hours; the same patient books all of them at once.
  std::vector<long long> targets;
  for (long long clinic = 1; clinic <= 8; ++clinic) {
    targets.push_back(bookable_slots(clinic, 5)[0]);
  }
  const std::string k = key("call_center");
  auto results = at_once(8, [&](const HttpClient& client, int i) {
    return client.post("/api/v1/appointments/bookings",
                       booking_body(77, targets[static_cast<std::size_t>(i)], "phone"), k);
  });
  int created = 0, overlapping = 0;
  for (const auto& r : results) {
    if (r.status == 201) ++created;
    if (r.status == 409 && r.body.find("overlapping-booking") != std::string::npos) ++overlapping;
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(overlapping, 7);
  int active = 0, places = 0;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings WHERE patient_id = '77'",
      soci::into(active);
  *store() << "SELECT SUM(booked) FROM hisx_appointments_slots", soci::into(places);
  EXPECT_EQ(active, 1);
  EXPECT_EQ(places, 1) << "refused bookings hold no place";
}

TEST_F(AppointmentsConcurrency, ConcurrentRetriesWithOneKeyMakeOneBooking) {
  const auto ids = bookable_slots(2, 5);
  const std::string k = key("app");
  const std::string body = booking_body(88, ids[1], "app");
  auto results = at_once(8, [&](const HttpClient& client, int) {
    return client.post("/api/v1/appointments/bookings", body, k,
                       {{"Idempotency-Key", "app-retry-88"}});
  });
  std::set<std::string> bodies;
  for (const auto& r : results) {
    EXPECT_EQ(r.status, 201) << r.body;
    bodies.insert(r.body);
  }
  EXPECT_EQ(bodies.size(), 1u) << "every retry got the same booking";
  EXPECT_EQ(slot(2, booking_day(), ids[1])->getValue<int>("booked"), 1);
}

}  // namespace
}  // namespace hisx::test::integration
