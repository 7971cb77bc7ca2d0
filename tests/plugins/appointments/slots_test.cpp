// Slots: generated from the templates (idempotently, skipping closures), listed in local
// time with the places left overall and for the caller's channel.
#include <Poco/JSON/Parser.h>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

class AppointmentsSlots : public AppointmentsTest {
 protected:
  // The schedule.capacity_changed payloads of `clinic_id` in the outbox, oldest first.
  std::vector<Poco::JSON::Object::Ptr> capacity_events(long long clinic_id) {
    std::vector<Poco::JSON::Object::Ptr> out;
    auto s = store();
    soci::rowset<std::string> rows =
        (s->prepare << "SELECT payload FROM hisx_host_outbox WHERE name = "
                       "'schedule.capacity_changed' ORDER BY seq");
    for (const auto& text : rows) {
      auto p = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
      if (p->getValue<std::string>("clinic_id") == std::to_string(clinic_id)) out.push_back(p);
    }
    return out;
  }
};

TEST_F(AppointmentsSlots, GenerationIsIdempotentAndSlotsShowLocalTimes) {
  const std::string day = booking_day();
  open_clinic(1, {"app", "phone"});
  add_template(1, weekday_of(day), "07:30", "08:40", 15, 5, "{\"app\": 30}");

  // Four whole 15-minute slots fit 07:30–08:40; a week holds one such day.
  auto first = generate(day, local_day(8));
  EXPECT_EQ(first->getValue<int>("days"), 7);
  EXPECT_EQ(first->getValue<int>("planned"), 4);
  EXPECT_EQ(first->getValue<int>("created"), 4);
  auto again = generate(day, local_day(8));
  EXPECT_EQ(again->getValue<int>("planned"), 4);
  EXPECT_EQ(again->getValue<int>("created"), 0) << "running it twice creates nothing";

  auto items = slots(1, day, "app");
  ASSERT_EQ(items->size(), 4u);
  auto s = items->getObject(0);
  EXPECT_EQ(s->getValue<std::string>("start"), day + "T07:30:00+07:00");
  EXPECT_EQ(s->getValue<std::string>("end"), day + "T07:45:00+07:00");
  EXPECT_EQ(items->getObject(3)->getValue<std::string>("start"), day + "T08:15:00+07:00");
  EXPECT_EQ(s->getValue<std::string>("clinic_id"), "1");
  EXPECT_EQ(s->getValue<int>("capacity"), 5);
  EXPECT_EQ(s->getValue<int>("booked"), 0);
  EXPECT_EQ(s->getValue<int>("remaining"), 5);
  EXPECT_EQ(s->getValue<std::string>("channel"), "app") << "the app's own channel";
  EXPECT_EQ(s->getValue<int>("remaining_for_channel"), 1) << "30 % of 5";
  EXPECT_TRUE(s->getValue<bool>("bookable"));

  // A receptionist counts for walk-ins by default, which this clinic does not take.
  s = slots(1, day, "receptionist")->getObject(0);
  EXPECT_EQ(s->getValue<std::string>("channel"), "walkin");
  EXPECT_EQ(s->getValue<int>("remaining_for_channel"), 0);
  EXPECT_FALSE(s->getValue<bool>("bookable"));
  s = slots(1, day, "receptionist", "phone")->getObject(0);
  EXPECT_EQ(s->getValue<int>("remaining_for_channel"), 5) << "phone has no quota";
}

TEST_F(AppointmentsSlots, EachDaysCapacityIsPublishedWhenItChanges) {
  const std::string day = booking_day();
  open_clinic(1, {"app", "phone"});
  add_template(1, weekday_of(day), "07:30", "08:40", 15, 5, "{\"app\": 30}");
  generate(day, local_day(8));
  auto events = capacity_events(1);
  ASSERT_EQ(events.size(), 1u) << "one day of the week got slots";
  auto e = events[0];
  EXPECT_EQ(e->getValue<std::string>("date"), day);
  EXPECT_EQ(e->getValue<std::string>("department_id"), "1") << "clinic 1's department in the HIS";
  EXPECT_EQ(e->getValue<int>("slots"), 4);
  EXPECT_EQ(e->getValue<int>("capacity"), 20) << "4 slots of 5 places";
  ASSERT_TRUE(e->has("by_channel"));
  EXPECT_EQ(e->getObject("by_channel")->getValue<int>("app"), 4) << "30 % of 5 is 1 per slot";
  EXPECT_FALSE(e->getObject("by_channel")->has("phone")) << "phone has no quota";
  EXPECT_FALSE(e->getValue<bool>("closed"));
  EXPECT_EQ(e->getValue<std::string>("cause"), "generated");
  generate(day, local_day(8));
  EXPECT_EQ(capacity_events(1).size(), 1u) << "nothing new, nothing published";

  // A closure of that day, then its removal: each says what the day offers now.
  HttpResult r = post("/api/v1/appointments/admin/closures",
                      "{\"clinic_id\": 1, \"from\": \"" + day + "\", \"to\": \"" + day + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  events = capacity_events(1);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1]->getValue<std::string>("date"), day);
  EXPECT_TRUE(events[1]->getValue<bool>("closed"));
  EXPECT_EQ(events[1]->getValue<int>("slots"), 0);
  EXPECT_EQ(events[1]->getValue<int>("capacity"), 0);
  EXPECT_FALSE(events[1]->has("by_channel"));
  EXPECT_EQ(events[1]->getValue<std::string>("cause"), "closure_added");
  ASSERT_EQ(del("/api/v1/appointments/admin/closures/" +
                std::to_string(r.json()->getValue<long long>("id")))
                .status,
            204);
  events = capacity_events(1);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_FALSE(events[2]->getValue<bool>("closed"));
  EXPECT_EQ(events[2]->getValue<int>("slots"), 4);
  EXPECT_EQ(events[2]->getValue<int>("capacity"), 20);
  EXPECT_EQ(events[2]->getValue<std::string>("cause"), "closure_removed");
}

TEST_F(AppointmentsSlots, StoredInUtc) {
  const std::string day = booking_day();
  open_clinic(2, {"phone"});
  add_template(2, weekday_of(day), "07:30", "07:45", 15, 3);
  generate(day, day);
  const long long id = slots(2, day)->getObject(0)->getValue<long long>("id");
  // 07:30 in Vietnam is 00:30 UTC the same day; the local day is kept beside it.
  std::string start_utc, local_date;
  *store() << "SELECT start_utc, local_date FROM hisx_appointments_slots WHERE id = :id",
      soci::into(start_utc), soci::into(local_date), soci::use(id);
  EXPECT_EQ(start_utc, day + "T00:30:00Z");
  EXPECT_EQ(local_date, day);
}

TEST_F(AppointmentsSlots, ClosuresSkipGenerationAndHideSlots) {
  const std::string day = booking_day();
  const std::string next_week = local_day(9);
  open_clinic(3, {"phone"});
  add_template(3, weekday_of(day), "08:00", "09:00", 30, 2);
  // Closed next week before generation: no slots made for that day.
  HttpResult r =
      post("/api/v1/appointments/admin/closures",
           "{\"clinic_id\": 3, \"from\": \"" + next_week + "\", \"to\": \"" + next_week + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  auto g = generate(day, next_week);
  EXPECT_EQ(g->getValue<int>("planned"), 2) << "only the open day";
  EXPECT_EQ(slots(3, next_week)->size(), 0u);
  ASSERT_EQ(slots(3, day)->size(), 2u);

  // Closed after generation (hospital-wide): the slots stay but are hidden, then come back.
  r = post("/api/v1/appointments/admin/closures",
           "{\"from\": \"" + day + "\", \"to\": \"" + day + "\", \"reason\": \"Nghỉ lễ\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(slots(3, day)->size(), 0u);
  ASSERT_EQ(del("/api/v1/appointments/admin/closures/" +
                std::to_string(r.json()->getValue<long long>("id")))
                .status,
            204);
  EXPECT_EQ(slots(3, day)->size(), 2u);
}

TEST_F(AppointmentsSlots, WindowMakesFarSlotsUnbookable) {
  const std::string near = booking_day();
  const std::string far = local_day(6);
  open_clinic(4, {"app", "reexam"}, 3);
  add_template(4, weekday_of(near), "08:00", "08:30", 30, 2);
  if (weekday_of(far) != weekday_of(near))
    add_template(4, weekday_of(far), "08:00", "08:30", 30, 2);
  generate(near, far);
  EXPECT_TRUE(slots(4, near, "app")->getObject(0)->getValue<bool>("bookable"));
  auto s = slots(4, far, "app")->getObject(0);
  EXPECT_FALSE(s->getValue<bool>("bookable")) << "6 days ahead, window 3";
  EXPECT_EQ(s->getValue<int>("remaining"), 2);
  EXPECT_EQ(s->getValue<int>("remaining_for_channel"), 0);
  // A doctor's re-exam is not bound by the window.
  EXPECT_TRUE(slots(4, far, "doctor")->getObject(0)->getValue<bool>("bookable"));
}

TEST_F(AppointmentsSlots, BadQueriesNameTheField) {
  open_clinic(1, {"app"});
  const std::string d = booking_day();
  const std::string base = "/api/v1/appointments/slots?";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {base + "from=" + d + "&to=" + d, "clinic"},
      {base + "clinic=x&from=" + d + "&to=" + d, "clinic"},
      {base + "clinic=1&to=" + d, "from"},
      {base + "clinic=1&from=2030-02-30&to=" + d, "from"},
      {base + "clinic=1&from=" + d + "&to=2020-01-01", "to"},
      {base + "clinic=1&from=" + d + "&to=" + local_day(40), "to"},
      {base + "clinic=1&from=" + d + "&to=" + d + "&channel=fax", "channel"},
      {base + "clinic=7&from=" + d + "&to=" + d, "clinic"},
  };
  for (const auto& [path, field] : cases) {
    auto doc = expect_problem(get(path, "receptionist"), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), field) << path;
  }
  // The app may not count places for another channel.
  auto doc = expect_problem(get(base + "clinic=1&from=" + d + "&to=" + d + "&channel=phone", "app"),
                            403, "forbidden");
  EXPECT_EQ(doc->getValue<std::string>("field"), "channel");

  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {"{\"to\": \"" + d + "\"}", "from"},
           {"{\"from\": \"" + d + "\", \"to\": \"" + local_day(-1) + "\"}", "to"},
           {"{\"from\": \"" + d + "\", \"to\": \"" + local_day(200) + "\"}", "to"},
           {"{\"from\": 20300101, \"to\": \"" + d + "\"}", "from"},
       }) {
    doc =
        expect_problem(post("/api/v1/appointments/admin/slots/generate", body), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), field) << body;
  }
}

}  // namespace
}  // namespace hisx::test::integration
