// W2: booking a place — the booking's shape, refusals by capacity, quota, overlap, channel
// and input, idempotent retries, and the appointment.booked event in the outbox.
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

class AppointmentsBooking : public AppointmentsTest {};

TEST_F(AppointmentsBooking, AnAppBookingIsRequestedAndShowsEverything) {
  const auto ids = bookable_slots(1, 5);
  HttpResult r = book("app", 17, ids[1], "app");
  ASSERT_EQ(r.status, 201) << r.body;
  auto b = r.json();
  EXPECT_GT(b->getValue<long long>("id"), 0);
  EXPECT_THAT(b->getValue<std::string>("code"), MatchesRegex("HK-[0-9A-HJKMNP-TV-Z]{5}"));
  EXPECT_EQ(b->getValue<std::string>("patient_id"), "17");
  EXPECT_TRUE(b->get("patient_id").isString()) << "HIS ids are JSON strings: " << r.body;
  EXPECT_TRUE(b->get("clinic_id").isString()) << r.body;
  EXPECT_EQ(b->getValue<long long>("slot_id"), ids[1]);
  EXPECT_EQ(b->getValue<std::string>("clinic_id"), "1");
  EXPECT_EQ(b->getValue<std::string>("start"), booking_day() + "T08:15:00+07:00");
  EXPECT_EQ(b->getValue<std::string>("end"), booking_day() + "T08:30:00+07:00");
  EXPECT_EQ(b->getValue<std::string>("channel"), "app");
  EXPECT_EQ(b->getValue<std::string>("status"), "requested") << "app bookings need confirming";
  EXPECT_EQ(b->getValue<int>("priority"), 1) << "default channel_priority app:1";
  EXPECT_THAT(b->getValue<std::string>("created_at"),
              MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"));
  EXPECT_THAT(b->getValue<std::string>("created_by"), ::testing::StartsWith("apikey:"));

  auto s = slot(1, booking_day(), ids[1]);
  EXPECT_EQ(s->getValue<int>("booked"), 1);
  EXPECT_EQ(s->getValue<int>("remaining"), 4);

  // The event is in the outbox, written in the booking's transaction.
  std::string name, payload;
  *store() << "SELECT name, payload FROM hisx_host_outbox WHERE name = 'appointment.booked'",
      soci::into(name), soci::into(payload);
  EXPECT_EQ(name, "appointment.booked");
  EXPECT_THAT(payload, HasSubstr("\"booking_id\":" + std::to_string(b->getValue<long long>("id"))));
  EXPECT_THAT(payload, HasSubstr("\"channel\":\"app\""));
  // What a report counts by: the clinic's HIS department (demo: clinic 1 is in department 1)
  // and the booking's local day, beside the slot's UTC start.
  auto p = Poco::JSON::Parser().parse(payload).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(p->getValue<std::string>("department_id"), "1");
  EXPECT_EQ(p->getValue<std::string>("date"), booking_day());
  EXPECT_EQ(p->getValue<std::string>("start"), booking_day() + "T01:15:00Z");
  EXPECT_EQ(p->getValue<long long>("slot_id"), ids[1]);
  int version = 0;
  *store() << "SELECT version FROM hisx_host_outbox WHERE name = 'appointment.booked'",
      soci::into(version);
  EXPECT_EQ(version, 1);
}

TEST_F(AppointmentsBooking, StaffChannelsStartConfirmed) {
  const auto ids = bookable_slots(2, 5);
  HttpResult r = book("receptionist", 20, ids[0], "walkin");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "confirmed");
  EXPECT_EQ(r.json()->getValue<int>("priority"), 0);
  r = book("doctor", 21, ids[0], "");  // a doctor's only channel is reexam
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("channel"), "reexam");
  EXPECT_EQ(r.json()->getValue<int>("priority"), 1);
  r = book("call_center", 22, ids[0], "phone");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "confirmed");
}

TEST_F(AppointmentsBooking, AFullSlotOrChannelQuotaIsAConflict) {
  // Capacity 2, app quota 50 %: one app booking, then the phone fills the slot.
  const auto ids = bookable_slots(3, 2, "{\"app\": 50}");
  ASSERT_EQ(book("app", 1, ids[0], "app").status, 201);
  auto doc = expect_problem(book("app", 2, ids[0], "app"), 409, "channel-quota-full");
  EXPECT_EQ(doc->getValue<long long>("slot_id"), ids[0]);
  EXPECT_EQ(doc->getValue<std::string>("channel"), "app");
  ASSERT_EQ(book("call_center", 3, ids[0], "phone").status, 201);
  doc = expect_problem(book("call_center", 4, ids[0], "phone"), 409, "slot-full");
  EXPECT_EQ(doc->getValue<long long>("slot_id"), ids[0]);
  EXPECT_EQ(slot(3, booking_day(), ids[0])->getValue<int>("booked"), 2);
}

TEST_F(AppointmentsBooking, AnOverlappingActiveBookingIsAConflictNamingIt) {
  const auto ids = bookable_slots(4, 5);
  // A second clinic with a session at the same hours.
  open_clinic(5, {"phone"});
  add_template(5, weekday_of(booking_day()), "08:00", "09:00", 30, 5);
  generate(booking_day(), booking_day());
  const long long other_clinic_slot =
      slots(5, booking_day())->getObject(0)->getValue<long long>("id");

  HttpResult first = book("call_center", 30, ids[0], "phone");
  ASSERT_EQ(first.status, 201) << first.body;
  const long long first_id = first.json()->getValue<long long>("id");
  // 08:00–08:30 at clinic 5 overlaps 08:00–08:15 at clinic 4.
  auto doc = expect_problem(book("call_center", 30, other_clinic_slot, "phone"), 409,
                            "overlapping-booking");
  EXPECT_EQ(doc->getValue<long long>("booking_id"), first_id);
  EXPECT_EQ(doc->getValue<std::string>("booking_code"),
            first.json()->getValue<std::string>("code"));
  // The refused booking took no place.
  EXPECT_EQ(slots(5, booking_day())->getObject(0)->getValue<int>("booked"), 0);
  // The next slot does not overlap; another patient may take the same time.
  EXPECT_EQ(book("call_center", 30, ids[1], "phone").status, 201);
  EXPECT_EQ(book("call_center", 31, other_clinic_slot, "phone").status, 201);
}

TEST_F(AppointmentsBooking, BadInputNamesTheField) {
  const auto ids = bookable_slots(6, 5);
  const std::string slot_id = std::to_string(ids[0]);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{\"slot_id\": " + slot_id + ", \"channel\": \"phone\"}", "patient_id"},
      {"{\"patient_id\": \"\", \"slot_id\": " + slot_id + ", \"channel\": \"phone\"}",
       "patient_id"},
      {"{\"patient_id\": 999999, \"slot_id\": " + slot_id + ", \"channel\": \"phone\"}",
       "patient_id"},
      {"{\"patient_id\": 17, \"channel\": \"phone\"}", "slot_id"},
      {"{\"patient_id\": 17, \"slot_id\": 999999, \"channel\": \"phone\"}", "slot_id"},
      {"{\"patient_id\": 17, \"slot_id\": " + slot_id + "}", "channel"},
      {"{\"patient_id\": 17, \"slot_id\": " + slot_id + ", \"channel\": \"fax\"}", "channel"},
      {"{\"patient_id\": 17, \"slot_id\": " + slot_id + ", \"channel\": \"phone\", \"reason\": \"" +
           std::string(501, 'x') + "\"}",
       "reason"},
  };
  for (const auto& [body, field] : cases) {
    auto doc = expect_problem(post("/api/v1/appointments/bookings", body, "call_center"), 422,
                              "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), field) << body;
  }
  // The app books through the app only.
  auto doc = expect_problem(book("app", 17, ids[0], "phone"), 403, "forbidden");
  EXPECT_EQ(doc->getValue<std::string>("field"), "channel");
  for (const std::string role : {"cashier", "manager", "his"}) {
    expect_problem(book(role, 17, ids[0], "phone"), 403, "forbidden");
  }
  // A clinic that does not take a channel.
  open_clinic(7, {"walkin"});
  add_template(7, weekday_of(booking_day()), "08:00", "09:00", 30, 5);
  generate(booking_day(), booking_day());
  const long long walkin_only = slots(7, booking_day())->getObject(0)->getValue<long long>("id");
  doc = expect_problem(book("app", 17, walkin_only, "app"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "channel");
  EXPECT_EQ(slot(6, booking_day(), ids[0])->getValue<int>("booked"), 0) << "nothing was booked";
}

TEST_F(AppointmentsBooking, IdempotentRetriesGetTheSameAnswer) {
  const auto ids = bookable_slots(8, 5);
  HttpResult first = book("app", 40, ids[2], "app", "retry-40-a");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.header("idempotent-replayed"), "");
  HttpResult again = book("app", 40, ids[2], "app", "retry-40-a");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.body, first.body) << "the same booking, byte for byte";
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(slot(8, booking_day(), ids[2])->getValue<int>("booked"), 1) << "booked once";

  // The same key for another request is refused; the key belongs to one request.
  auto doc = expect_problem(book("app", 41, ids[2], "app", "retry-40-a"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "Idempotency-Key");
  // Keys are per caller: the website's key of the same name is its own.
  HttpResult web = book("website", 42, ids[2], "web", "retry-40-a");
  EXPECT_EQ(web.status, 201) << web.body;
  EXPECT_NE(web.json()->getValue<long long>("id"), first.json()->getValue<long long>("id"));
  // A malformed key.
  doc = expect_problem(book("app", 43, ids[2], "app", std::string(201, 'k')), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "Idempotency-Key");
}

}  // namespace
}  // namespace hisx::test::integration
