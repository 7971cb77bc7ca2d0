// A booking's life: confirm, cancel, complete, no-show and reschedule, each allowed only
// from the right status (409 naming the current one), with history and freed places.
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

class AppointmentsLifecycle : public AppointmentsTest {
 protected:
  HttpResult act(long long id, const std::string& step, const std::string& role,
                 const std::string& body = "") {
    return post("/api/v1/appointments/bookings/" + std::to_string(id) + "/" + step, body, role);
  }

  long long booked(const std::string& role, long long patient, long long slot,
                   const std::string& channel) {
    HttpResult r = book(role, patient, slot, channel);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<long long>("id") : 0;
  }

  // Sets a booking's status directly, standing in for the check-in desk (a later part).
  void set_status(long long id, const std::string& status) {
    *store() << "UPDATE hisx_appointments_bookings SET status = :s WHERE id = :id",
        soci::use(status), soci::use(id);
  }
};

TEST_F(AppointmentsLifecycle, ConfirmThenCancelFreesThePlaceAndKeepsHistory) {
  const auto ids = bookable_slots(1, 3);
  const long long id = booked("app", 50, ids[0], "app");

  HttpResult r = act(id, "confirm", "call_center");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "confirmed");
  auto doc = expect_problem(act(id, "confirm", "call_center"), 409, "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "confirmed");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("confirmed"));

  // Cancelling needs a reason.
  doc = expect_problem(act(id, "cancel", "app", "{}"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "reason");
  EXPECT_EQ(slot(1, booking_day(), ids[0])->getValue<int>("booked"), 1);
  r = act(id, "cancel", "app", "{\"reason\": \"Bệnh nhân bận\"}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "cancelled");
  EXPECT_EQ(r.json()->getValue<std::string>("cancel_reason"), "Bệnh nhân bận");
  EXPECT_EQ(slot(1, booking_day(), ids[0])->getValue<int>("booked"), 0) << "place given back";
  doc = expect_problem(act(id, "cancel", "app", "{\"reason\": \"again\"}"), 409,
                       "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "cancelled");
  EXPECT_EQ(slot(1, booking_day(), ids[0])->getValue<int>("booked"), 0) << "given back once";

  r = get("/api/v1/appointments/bookings/" + std::to_string(id), "call_center");
  ASSERT_EQ(r.status, 200) << r.body;
  auto history = r.json()->getArray("history");
  ASSERT_EQ(history->size(), 3u) << r.body;
  EXPECT_EQ(history->getObject(0)->getValue<std::string>("action"), "book");
  EXPECT_EQ(history->getObject(1)->getValue<std::string>("action"), "confirm");
  EXPECT_EQ(history->getObject(2)->getValue<std::string>("action"), "cancel");
  EXPECT_EQ(history->getObject(2)->getValue<std::string>("from_status"), "confirmed");
  EXPECT_EQ(history->getObject(2)->getValue<std::string>("reason"), "Bệnh nhân bận");

  // The confirm and cancel events are in the outbox.
  int events = 0;
  *store() << "SELECT COUNT(*) FROM hisx_host_outbox WHERE name IN ('appointment.confirmed', "
              "'appointment.cancelled')",
      soci::into(events);
  EXPECT_EQ(events, 2);
}

TEST_F(AppointmentsLifecycle, CompleteOnlyAfterCheckInAndNoShowOnlyAfterTheStart) {
  const auto ids = bookable_slots(2, 3);
  const long long id = booked("receptionist", 51, ids[0], "walkin");
  auto doc = expect_problem(act(id, "complete", "doctor"), 409, "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "confirmed");
  doc = expect_problem(act(id, "no-show", "receptionist"), 409, "too-early");

  set_status(id, "checked_in");
  HttpResult r = act(id, "complete", "doctor");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "completed");
  EXPECT_EQ(slot(2, booking_day(), ids[0])->getValue<int>("booked"), 1)
      << "a visit keeps its place";
  for (const std::string step : {"confirm", "complete", "no-show"}) {
    doc = expect_problem(act(id, step, "admin"), 409, "invalid-transition");
    EXPECT_EQ(doc->getValue<std::string>("current_status"), "completed") << step;
  }
  // Roles: the app may not confirm, a cashier may not act at all.
  const long long other = booked("app", 52, ids[1], "app");
  expect_problem(act(other, "confirm", "app"), 403, "forbidden");
  expect_problem(act(other, "cancel", "cashier", "{\"reason\": \"x\"}"), 403, "forbidden");
}

TEST_F(AppointmentsLifecycle, BookingsAreFoundByIdOrCodeAndHiddenFromOtherChannels) {
  const auto ids = bookable_slots(3, 3);
  HttpResult walkin = book("receptionist", 53, ids[0], "walkin");
  ASSERT_EQ(walkin.status, 201) << walkin.body;
  const std::string code = walkin.json()->getValue<std::string>("code");
  const long long id = walkin.json()->getValue<long long>("id");

  HttpResult r = get("/api/v1/appointments/bookings/" + code, "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<long long>("id"), id);
  expect_problem(get("/api/v1/appointments/bookings/HK-00000", "receptionist"), 404, "not-found");
  expect_problem(get("/api/v1/appointments/bookings/999999", "receptionist"), 404, "not-found");
  auto doc =
      expect_problem(get("/api/v1/appointments/bookings/0", "receptionist"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "id");
  // The app sees and changes app bookings only.
  expect_problem(get("/api/v1/appointments/bookings/" + std::to_string(id), "app"), 404,
                 "not-found");
  expect_problem(act(id, "cancel", "app", "{\"reason\": \"x\"}"), 404, "not-found");
  EXPECT_EQ(get("/api/v1/appointments/bookings/" + std::to_string(id), "manager").status, 200);
}

TEST_F(AppointmentsLifecycle, RescheduleMovesThePlaceInOneStep) {
  const auto ids = bookable_slots(4, 1);
  const long long id = booked("call_center", 54, ids[0], "phone");
  HttpResult r = act(id, "reschedule", "call_center",
                     "{\"slot_id\": " + std::to_string(ids[2]) + ", \"reason\": \"Đổi giờ\"}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<long long>("slot_id"), ids[2]);
  EXPECT_EQ(r.json()->getValue<std::string>("start"), booking_day() + "T08:30:00+07:00");
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "confirmed") << "status kept";
  EXPECT_EQ(slot(4, booking_day(), ids[0])->getValue<int>("booked"), 0);
  EXPECT_EQ(slot(4, booking_day(), ids[2])->getValue<int>("booked"), 1);
  auto history =
      get("/api/v1/appointments/bookings/" + std::to_string(id)).json()->getArray("history");
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->getObject(1)->getValue<std::string>("action"), "reschedule");
  EXPECT_EQ(history->getObject(1)->getValue<long long>("from_slot_id"), ids[0]);
  EXPECT_EQ(history->getObject(1)->getValue<long long>("to_slot_id"), ids[2]);
  // appointment.rescheduled: the days before and after, for whoever counts per day.
  std::string payload;
  *store() << "SELECT payload FROM hisx_host_outbox WHERE name = 'appointment.rescheduled'",
      soci::into(payload);
  auto e = Poco::JSON::Parser().parse(payload).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(e->getValue<long long>("from_slot_id"), ids[0]);
  EXPECT_EQ(e->getValue<long long>("slot_id"), ids[2]);
  EXPECT_EQ(e->getValue<std::string>("from_date"), booking_day());
  EXPECT_EQ(e->getValue<std::string>("date"), booking_day());
  EXPECT_EQ(e->getValue<std::string>("start"), booking_day() + "T01:30:00Z");
  EXPECT_EQ(e->getValue<std::string>("department_id"), "2") << "clinic 4 is in department 2";

  // Into a full slot: refused, and the booking stays exactly where it was.
  ASSERT_GT(booked("call_center", 55, ids[3], "phone"), 0);
  const std::string before = get("/api/v1/appointments/bookings/" + std::to_string(id)).body;
  auto doc = expect_problem(
      act(id, "reschedule", "call_center", "{\"slot_id\": " + std::to_string(ids[3]) + "}"), 409,
      "slot-full");
  EXPECT_EQ(doc->getValue<long long>("slot_id"), ids[3]);
  EXPECT_EQ(get("/api/v1/appointments/bookings/" + std::to_string(id)).body, before);
  EXPECT_EQ(slot(4, booking_day(), ids[2])->getValue<int>("booked"), 1);
  EXPECT_EQ(slot(4, booking_day(), ids[3])->getValue<int>("booked"), 1);

  // Same slot, unknown slot, missing slot: 422 on slot_id.
  for (const std::string& body : {"{\"slot_id\": " + std::to_string(ids[2]) + "}",
                                  std::string("{\"slot_id\": 999999}"), std::string("{}")}) {
    doc = expect_problem(act(id, "reschedule", "call_center", body), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id") << body;
  }
  // A cancelled booking cannot move.
  ASSERT_EQ(act(id, "cancel", "call_center", "{\"reason\": \"x\"}").status, 200);
  doc = expect_problem(
      act(id, "reschedule", "call_center", "{\"slot_id\": " + std::to_string(ids[1]) + "}"), 409,
      "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "cancelled");
  EXPECT_EQ(slot(4, booking_day(), ids[1])->getValue<int>("booked"), 0);
}

}  // namespace
}  // namespace hisx::test::integration
