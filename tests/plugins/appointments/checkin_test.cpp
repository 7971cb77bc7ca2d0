// Check-in at the desk (W5), in process: priority by channel, queue numbers per clinic and
// day, the event, the HIS visit, the search by code, QR, phone and patient code, and every
// refusal. Concurrent check-ins over real sockets: tests/integration/appointments_checkin_test.cpp.
#include "appointments_checkin_fixture.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST_F(AppointmentsCheckin, PriorityByChannelQueueNumbersPerClinicEventAndHisVisit) {
  const long long slot1 = slot_today(1);
  const long long slot2 = slot_today(2);
  const auto app = booked(10, slot1, "app");
  const auto walkin = booked(11, slot1, "walkin");
  const auto reexam = booked(12, slot1, "reexam");
  const auto other_clinic = booked(13, slot2, "phone");
  EXPECT_EQ(app->getValue<std::string>("status"), "requested");  // app bookings need confirming
  EXPECT_EQ(app->getValue<std::string>("qr_payload"), "HISX:" + app->getValue<std::string>("code"));

  // An app booking never confirmed may still check in; by its code, as the desk reads it.
  HttpResult r = check_in(app->getValue<std::string>("code"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("status"), "checked_in");
  EXPECT_EQ(doc->getValue<int>("priority"), 1) << "app bookings are high by default";
  EXPECT_EQ(doc->getValue<int>("queue_number"), 1);
  EXPECT_EQ(doc->getValue<std::string>("queue_label"), "U-001");
  EXPECT_FALSE(doc->getValue<bool>("late"));
  EXPECT_TRUE(doc->getValue<bool>("visit_registered")) << r.body;
  EXPECT_EQ(doc->getValue<std::string>("visit_register"), "registered");
  EXPECT_TRUE(doc->isNull("visit_error"));
  EXPECT_THAT(doc->getValue<std::string>("checked_in_by"), StartsWith("apikey:"));
  EXPECT_THAT(doc->getValue<std::string>("checked_in_at"), HasSubstr("+07:00"));

  r = check_in(walkin->getValue<long long>("id"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("priority"), 0);
  EXPECT_EQ(r.json()->getValue<int>("queue_number"), 2);
  EXPECT_EQ(r.json()->getValue<std::string>("queue_label"), "002");

  r = check_in(reexam->getValue<long long>("id"), "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("priority"), 1);
  EXPECT_EQ(r.json()->getValue<std::string>("queue_label"), "U-003");

  // Another clinic has its own series.
  r = check_in(other_clinic->getValue<long long>("id"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("queue_number"), 1);
  EXPECT_EQ(r.json()->getValue<std::string>("queue_label"), "001");

  // The rows behind it: status, number, day and history.
  const long long app_id = app->getValue<long long>("id");
  std::string status, day;
  int number = 0, priority = -1;
  *store() << "SELECT status, queue_number, queue_day, priority FROM hisx_appointments_bookings "
              "WHERE id = :id",
      soci::use(app_id), soci::into(status), soci::into(number), soci::into(day),
      soci::into(priority);
  EXPECT_EQ(status, "checked_in");
  EXPECT_EQ(number, 1);
  EXPECT_EQ(day, today());
  EXPECT_EQ(priority, 1);
  r = get("/api/v1/appointments/bookings/" + std::to_string(app_id), "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  auto history = r.json()->getArray("history");
  ASSERT_EQ(history->size(), 2u) << r.body;
  EXPECT_EQ(history->getObject(1)->getValue<std::string>("action"), "check_in");
  EXPECT_EQ(history->getObject(1)->getValue<std::string>("from_status"), "requested");

  // appointment.checked_in with channel, priority and queue number, once per check-in.
  auto events = checked_in_events();
  ASSERT_EQ(events.size(), 4u);
  auto e = events.at(app_id);
  EXPECT_EQ(e->getValue<std::string>("channel"), "app");
  EXPECT_EQ(e->getValue<int>("priority"), 1);
  EXPECT_EQ(e->getValue<int>("queue_number"), 1);
  EXPECT_EQ(e->getValue<std::string>("clinic_id"), "1");
  EXPECT_EQ(e->getValue<std::string>("patient_id"), "10");
  EXPECT_EQ(e->getValue<std::string>("department_id"), "1");
  EXPECT_EQ(e->getValue<std::string>("date"), e->getValue<std::string>("day"));
  e = events.at(walkin->getValue<long long>("id"));
  EXPECT_EQ(e->getValue<std::string>("channel"), "walkin");
  EXPECT_EQ(e->getValue<int>("priority"), 0);
  EXPECT_EQ(e->getValue<int>("queue_number"), 2);

  // visit.register wrote the visit into the demo HIS, traceable to the booking.
  EXPECT_EQ(visits_with_source("hisx:" + app->getValue<std::string>("code"), 10, 1), 1);
  EXPECT_EQ(visits_with_source("hisx:" + other_clinic->getValue<std::string>("code"), 13, 2), 1);
}

TEST_F(AppointmentsCheckin, PriorityFollowsTheChannelSetting) {
  start_host({morning(), "plugins.settings.appointments.channel_priority=[walkin:2]"});
  const long long slot = slot_today(3);
  const auto walkin = booked(20, slot, "walkin");
  const auto app = booked(21, slot, "app");
  HttpResult r = check_in(walkin->getValue<long long>("id"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("priority"), 2);
  EXPECT_EQ(r.json()->getValue<std::string>("queue_label"), "U-001");
  r = check_in(app->getValue<long long>("id"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("priority"), 0);
  EXPECT_EQ(r.json()->getValue<std::string>("queue_label"), "002");
}

TEST_F(AppointmentsCheckin, SearchFindsTodaysBookingsByCodeQrPhoneAndPatientCode) {
  // A patient whose phone number is theirs alone, and their HIS code.
  long long patient = 0;
  std::string phone, code, name;
  *his() << "SELECT id, dien_thoai, ma_bn, ho_ten FROM benh_nhan b WHERE dien_thoai IS NOT NULL "
            "AND (SELECT COUNT(*) FROM benh_nhan c WHERE c.dien_thoai = b.dien_thoai) = 1 "
            "ORDER BY id LIMIT 1",
      soci::into(patient), soci::into(phone), soci::into(code), soci::into(name);
  ASSERT_GT(patient, 0);
  const long long slot = slot_today(1);
  const auto today_booking = booked(patient, slot, "app");
  const auto someone_else = booked(patient + 1, slot, "walkin");
  // The same patient's booking on another day is not listed.
  const auto later = bookable_slots(2, 3);
  booked(patient, later[0], "phone");

  const long long id = today_booking->getValue<long long>("id");
  const std::string booking_code = today_booking->getValue<std::string>("code");
  std::string lower_code = booking_code;
  for (char& c : lower_code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string international = "+84 " + phone.substr(1, 3) + " " + phone.substr(4);
  for (const std::string& q :
       {booking_code, lower_code, "HISX:" + booking_code, phone, international, code}) {
    auto items = search(q);
    ASSERT_EQ(items->size(), 1u) << q;
    auto m = items->getObject(0);
    EXPECT_EQ(m->getValue<long long>("id"), id) << q;
    EXPECT_EQ(m->getObject("patient")->getValue<std::string>("full_name"), name) << q;
    EXPECT_EQ(m->getObject("patient")->getValue<std::string>("code"), code) << q;
    EXPECT_FALSE(m->getValue<std::string>("clinic_name").empty()) << q;
    EXPECT_EQ(m->getValue<std::string>("channel"), "app") << q;
    EXPECT_EQ(m->getValue<int>("priority"), 1) << q;
    EXPECT_EQ(m->getValue<std::string>("status"), "requested") << q;
    EXPECT_TRUE(m->isNull("queue_label")) << q;
  }
  // The other patient's booking by its QR payload, as admin.
  auto items = search("HISX:" + someone_else->getValue<std::string>("code"), "admin");
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("patient_id"), std::to_string(patient + 1));

  // Once checked in, the search shows the ticket.
  ASSERT_EQ(check_in(id).status, 200);
  items = search(phone);
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("status"), "checked_in");
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("queue_label"), "U-001");

  // Nothing today for an unknown code; too little to search for is a 422 on q.
  EXPECT_EQ(search("HK-ZZZZZ")->size(), 0u);
  EXPECT_EQ(search("0999999999")->size(), 0u);
  auto problem = expect_problem(get("/api/v1/appointments/check-in/search?q=x", "receptionist"),
                                422, "validation");
  EXPECT_EQ(problem->getValue<std::string>("field"), "q");
  expect_problem(get("/api/v1/appointments/check-in/search?q=" + phone, "doctor"), 403,
                 "forbidden");
  expect_problem(get("/api/v1/appointments/check-in/search?q=" + phone, "app"), 403, "forbidden");
}

TEST_F(AppointmentsCheckin, RefusalsNameTheirReason) {
  const long long slot = slot_today(1);
  const auto b = booked(30, slot, "walkin");
  const long long id = b->getValue<long long>("id");

  for (const std::string role : {"call_center", "doctor", "cashier", "manager", "app"}) {
    expect_problem(check_in(id, role), 403, "forbidden");
  }
  expect_problem(check_in(999999), 404, "not-found");
  expect_problem(check_in("HK-ZZZZZ"), 404, "not-found");

  ASSERT_EQ(check_in(id).status, 200);
  auto doc = expect_problem(check_in(id), 409, "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "checked_in");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("checked_in"));

  // A cancelled booking.
  const auto cancelled = booked(31, slot, "walkin");
  ASSERT_EQ(post("/api/v1/appointments/bookings/" +
                     std::to_string(cancelled->getValue<long long>("id")) + "/cancel",
                 "{\"reason\": \"Bệnh nhân bận\"}", "receptionist")
                .status,
            200);
  doc = expect_problem(check_in(cancelled->getValue<long long>("id")), 409, "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "cancelled");

  // A booking of another day.
  const auto later = bookable_slots(2, 3);
  const auto future = booked(32, later[0], "phone");
  doc = expect_problem(check_in(future->getValue<long long>("id")), 409, "not-today");
  EXPECT_EQ(doc->getValue<std::string>("day"), booking_day());
  EXPECT_EQ(
      get("/api/v1/appointments/bookings/" + std::to_string(future->getValue<long long>("id")))
          .json()
          ->getValue<std::string>("status"),
      "confirmed");

  // Nothing refused took a number or published anything.
  int last = 0;
  *store() << "SELECT COALESCE(MAX(last_number), 0) FROM hisx_appointments_queue_counters",
      soci::into(last);
  EXPECT_EQ(last, 1);
  EXPECT_EQ(checked_in_events().size(), 1u);
}

TEST_F(AppointmentsCheckin, WithoutVisitRegisterInTheProfileNothingIsTried) {
  // The demo profile without its visit.register statement.
  TempDir dir;
  std::string profile = read_text(std::filesystem::path(env("HISX_SOURCE_DIR")) / "config" /
                                  "his-profiles" / "demo.yaml");
  profile = profile.substr(0, profile.find("  visit.register:"));
  write_file(dir.path() / "no-visit.yaml", profile);
  start_host({morning(), "his_profile=" + (dir.path() / "no-visit.yaml").string()});
  const long long slot = slot_today(1);
  const auto b = booked(41, slot, "walkin");
  HttpResult r = check_in(b->getValue<long long>("id"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.json()->getValue<bool>("visit_registered"));
  EXPECT_EQ(r.json()->getValue<std::string>("visit_register"), "not_configured");
  EXPECT_TRUE(r.json()->isNull("visit_error"));
  EXPECT_EQ(visits_with_source("hisx:" + b->getValue<std::string>("code"), 41, 1), 0);
}

}  // namespace
}  // namespace hisx::test::integration
