// The FHIR R4 facade at /fhir/r4: CapabilityStatement, Schedule, Slot and Appointment, and the
// HIS's Patient, Practitioner and Location they refer to, on SQLite, PostgreSQL and a MariaDB
// HIS: every interaction, the search parameters, booking and cancelling through FHIR (seen by
// the REST API), refusals as OperationOutcome, and roles.
#include <Poco/String.h>
#include <gmock/gmock.h>

#include <set>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class AppointmentsFhir : public AppointmentsTest {
 protected:
  // The body as a FHIR resource of `type`; checks the media type.
  Poco::JSON::Object::Ptr resource(const HttpResult& r, const std::string& type) {
    EXPECT_THAT(r.header("Content-Type"), StartsWith("application/fhir+json")) << r.body;
    auto o = r.json();
    EXPECT_EQ(o->getValue<std::string>("resourceType"), type) << r.body;
    return o;
  }

  // A searchset Bundle; returns it after checking total and the entries' shape.
  Poco::JSON::Object::Ptr bundle(const HttpResult& r, long long total, std::size_t entries,
                                 const std::string& type) {
    EXPECT_EQ(r.status, 200) << r.body;
    auto b = resource(r, "Bundle");
    EXPECT_EQ(b->getValue<std::string>("type"), "searchset");
    EXPECT_EQ(b->getValue<long long>("total"), total) << r.body;
    EXPECT_EQ(b->getArray("link")->getObject(0)->getValue<std::string>("relation"), "self");
    const std::size_t n = b->has("entry") ? b->getArray("entry")->size() : 0;
    EXPECT_EQ(n, entries) << r.body;
    for (std::size_t i = 0; i < n; ++i) {
      auto e = b->getArray("entry")->getObject(static_cast<unsigned>(i));
      auto res = e->getObject("resource");
      EXPECT_EQ(res->getValue<std::string>("resourceType"), type);
      EXPECT_THAT(e->getValue<std::string>("fullUrl"),
                  EndsWith("/fhir/r4/" + type + "/" + res->getValue<std::string>("id")));
      EXPECT_THAT(e->getValue<std::string>("fullUrl"), StartsWith("http://"));
      EXPECT_EQ(e->getObject("search")->getValue<std::string>("mode"), "match");
    }
    return b;
  }

  // The ids of a Bundle's entries, in order.
  // The bundle's links as "relation url-after-/fhir/r4", in order.
  static std::vector<std::string> links(const Poco::JSON::Object::Ptr& b) {
    std::vector<std::string> out;
    auto array = b->getArray("link");
    for (std::size_t i = 0; i < array->size(); ++i) {
      auto l = array->getObject(static_cast<unsigned>(i));
      const auto url = l->getValue<std::string>("url");
      out.push_back(l->getValue<std::string>("relation") + " " +
                    url.substr(url.find("/fhir/r4") + 8));
    }
    return out;
  }

  static std::vector<std::string> ids(const Poco::JSON::Object::Ptr& b) {
    std::vector<std::string> out;
    if (!b->has("entry")) return out;
    auto entries = b->getArray("entry");
    for (std::size_t i = 0; i < entries->size(); ++i) {
      out.push_back(entries->getObject(static_cast<unsigned>(i))
                        ->getObject("resource")
                        ->getValue<std::string>("id"));
    }
    return out;
  }

  // An OperationOutcome with `status`, one issue of `code` and, when given, `expression`;
  // returns the issue.
  Poco::JSON::Object::Ptr outcome(const HttpResult& r, int status, const std::string& code,
                                  const std::string& expression = {}) {
    EXPECT_EQ(r.status, status) << r.body;
    auto o = resource(r, "OperationOutcome");
    auto issue = o->getArray("issue")->getObject(0);
    EXPECT_EQ(issue->getValue<std::string>("severity"), "error") << r.body;
    EXPECT_EQ(issue->getValue<std::string>("code"), code) << r.body;
    EXPECT_FALSE(issue->getValue<std::string>("diagnostics").empty());
    if (!expression.empty()) {
      EXPECT_EQ(issue->getArray("expression")->getElement<std::string>(0), expression) << r.body;
    }
    return issue;
  }

  static std::string problem_code(const Poco::JSON::Object::Ptr& issue) {
    return issue->getObject("details")->getArray("coding")->getObject(0)->getValue<std::string>(
        "code");
  }

  HttpResult post_fhir(const std::string& path, const std::string& body, const std::string& role,
                       const std::map<std::string, std::string>& extra = {}) {
    std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + key(role)},
                                                  {"Content-Type", "application/fhir+json"}};
    headers.insert(extra.begin(), extra.end());
    return raw("POST", path, body, headers);
  }

  HttpResult put_fhir(const std::string& path, const std::string& body, const std::string& role) {
    return raw(
        "PUT", path, body,
        {{"Authorization", "Bearer " + key(role)}, {"Content-Type", "application/fhir+json"}});
  }

  // An Appointment to create for `patient` in `slot`, with `channel` as the extension when
  // given.
  static std::string new_appointment(long long patient, long long slot,
                                     const std::string& channel = {},
                                     const std::string& status = "booked") {
    std::string body = R"({"resourceType":"Appointment","status":")" + status +
                       R"(","slot":[{"reference":"Slot/)" + std::to_string(slot) +
                       R"("}],"participant":[{"actor":{"reference":"Patient/)" +
                       std::to_string(patient) +
                       R"("},"status":"accepted"}],"reasonCode":[{"text":"Khám định kỳ"}])";
    if (!channel.empty()) {
      body += R"(,"extension":[{"url":"urn:hisx:fhir:channel","valueCode":")" + channel + "\"}]";
    }
    return body + "}";
  }

  static std::string cancel_body(long long id, const std::string& reason) {
    return R"({"resourceType":"Appointment","id":")" + std::to_string(id) +
           R"(","status":"cancelled","cancelationReason":{"text":")" + reason + "\"}}";
  }

  long long booked_id(const HttpResult& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<long long>("id") : 0;
  }
};

TEST_F(AppointmentsFhir, MetadataIsPublicAndDescribesTheFacade) {
  HttpResult r = raw("GET", "/fhir/r4/metadata");
  ASSERT_EQ(r.status, 200) << r.body;
  auto c = resource(r, "CapabilityStatement");
  EXPECT_EQ(c->getValue<std::string>("fhirVersion"), "4.0.1");
  EXPECT_EQ(c->getValue<std::string>("status"), "active");
  EXPECT_EQ(c->getValue<std::string>("kind"), "instance");
  EXPECT_THAT(c->getObject("implementation")->getValue<std::string>("url"), EndsWith("/fhir/r4"));
  auto resources = c->getArray("rest")->getObject(0)->getArray("resource");
  std::set<std::string> types;
  for (std::size_t i = 0; i < resources->size(); ++i) {
    types.insert(resources->getObject(static_cast<unsigned>(i))->getValue<std::string>("type"));
  }
  EXPECT_EQ(types, (std::set<std::string>{"Schedule", "Slot", "Appointment", "Patient",
                                          "Practitioner", "Location"}));

  // Everything else needs a credential; the host refuses before the facade runs, as a
  // problem document.
  expect_problem(raw("GET", "/fhir/r4/Schedule"), 401, "unauthorized");
  expect_problem(raw("GET", "/fhir/r4/Appointment/1"), 401, "unauthorized");
}

TEST_F(AppointmentsFhir, SchedulesAreTheBookableClinicsOfTheCaller) {
  bookable_slots(1, 5);
  open_clinic(2, {"phone"});
  HttpResult rest = get("/api/v1/appointments/clinics");
  ASSERT_EQ(rest.status, 200) << rest.body;
  const std::string name1 =
      rest.json()->getArray("items")->getObject(0)->getValue<std::string>("name");

  auto b = bundle(get("/fhir/r4/Schedule"), 2, 2, "Schedule");
  EXPECT_EQ(ids(b), (std::vector<std::string>{"1", "2"}));
  auto s = b->getArray("entry")->getObject(0)->getObject("resource");
  EXPECT_EQ(s->getArray("actor")->getObject(0)->getValue<std::string>("reference"), "Location/1");
  EXPECT_EQ(s->getArray("actor")->getObject(0)->getValue<std::string>("display"), name1);
  EXPECT_TRUE(s->getValue<bool>("active"));
  EXPECT_EQ(s->getObject("planningHorizon")->getValue<std::string>("start"), local_day(0));
  EXPECT_EQ(s->getObject("planningHorizon")->getValue<std::string>("end"), local_day(30));

  // The app sees the clinics open to its channel only, as in the REST API.
  b = bundle(get("/fhir/r4/Schedule", "app"), 1, 1, "Schedule");
  EXPECT_EQ(ids(b), std::vector<std::string>{"1"});
  HttpResult one = get("/fhir/r4/Schedule/1", "app");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(resource(one, "Schedule")->getValue<std::string>("id"), "1");
  outcome(get("/fhir/r4/Schedule/2", "app"), 404, "not-found");
  outcome(get("/fhir/r4/Schedule/999"), 404, "not-found");
  b = bundle(get("/fhir/r4/Schedule?_count=1"), 2, 1, "Schedule");
  const std::string first = ids(b).at(0);
  b = bundle(get("/fhir/r4/Schedule?_count=1&_page=2"), 2, 1, "Schedule");
  EXPECT_NE(ids(b).at(0), first) << "page 2 holds the other clinic";
  EXPECT_EQ(links(b).at(2), "previous /Schedule?_count=1&_page=1");
  // Roles as for the REST API: the cashier reads the catalogue, nobody without a role does.
  EXPECT_EQ(get("/fhir/r4/Schedule", "cashier").status, 200);
  expect_problem(get("/fhir/r4/Schedule", "his"), 403, "forbidden");
}

TEST_F(AppointmentsFhir, SlotsAreSearchedByScheduleStartAndStatus) {
  const auto slot_ids = bookable_slots(1, 1);  // 08:00, 08:15, 08:30, 08:45, one place each
  const std::string day = booking_day();
  ASSERT_EQ(book("receptionist", 40, slot_ids[1], "walkin").status, 201);

  auto b = bundle(get("/fhir/r4/Slot?schedule=Schedule/1"), 4, 4, "Slot");
  std::vector<std::string> all;
  for (long long id : slot_ids) all.push_back(std::to_string(id));
  EXPECT_EQ(ids(b), all);
  auto first = b->getArray("entry")->getObject(0)->getObject("resource");
  EXPECT_EQ(first->getObject("schedule")->getValue<std::string>("reference"), "Schedule/1");
  EXPECT_EQ(first->getValue<std::string>("start"), day + "T08:00:00+07:00");
  EXPECT_EQ(first->getValue<std::string>("end"), day + "T08:15:00+07:00");
  EXPECT_EQ(first->getValue<std::string>("status"), "free");
  EXPECT_THAT(b->getArray("link")->getObject(0)->getValue<std::string>("url"),
              EndsWith("/fhir/r4/Slot?schedule=Schedule%2F1"));

  b = bundle(get("/fhir/r4/Slot?schedule=1&status=busy"), 1, 1, "Slot");
  EXPECT_EQ(ids(b), std::vector<std::string>{all[1]});
  b = bundle(get("/fhir/r4/Slot?schedule=1&status=free"), 3, 3, "Slot");
  bundle(get("/fhir/r4/Slot?schedule=1&status=free,busy"), 4, 4, "Slot");
  bundle(get("/fhir/r4/Slot?schedule=1&status=http://hl7.org/fhir/slotstatus%7Cbusy"), 1, 1,
         "Slot");
  bundle(get("/fhir/r4/Slot?schedule=1&status=busy-tentative"), 0, 0, "Slot");
  b = bundle(get("/fhir/r4/Slot?schedule=1&start=ge" + day + "T08:30:00%2B07:00"), 2, 2, "Slot");
  EXPECT_EQ(ids(b), (std::vector<std::string>{all[2], all[3]}));
  b = bundle(get("/fhir/r4/Slot?schedule=1&start=lt" + day + "T08:15"), 1, 1, "Slot");
  EXPECT_EQ(ids(b), std::vector<std::string>{all[0]});
  bundle(get("/fhir/r4/Slot?start=" + day), 4, 4, "Slot");
  // A repeated parameter narrows: every value must hold.
  b = bundle(get("/fhir/r4/Slot?start=ge" + day + "T08:15&start=lt" + day + "T08:45&schedule=1"), 2,
             2, "Slot");
  EXPECT_EQ(ids(b), (std::vector<std::string>{all[1], all[2]}));
  EXPECT_THAT(b->getArray("link")->getObject(0)->getValue<std::string>("url"),
              AllOf(HasSubstr("start=ge" + day + "T08%3A15"), HasSubstr("start=lt" + day)));
  bundle(get("/fhir/r4/Slot?start=lt" + day + "&start=gt" + day), 0, 0, "Slot");
  bundle(get("/fhir/r4/Slot?start=gt" + day), 0, 0, "Slot");
  bundle(get("/fhir/r4/Slot?start=le" + day + "&schedule=Schedule/2"), 0, 0, "Slot");
  b = bundle(get("/fhir/r4/Slot?schedule=1&_count=2"), 4, 2, "Slot");
  EXPECT_EQ(ids(b), (std::vector<std::string>{all[0], all[1]}));
  bundle(get("/fhir/r4/Slot?schedule=1&_count=0"), 4, 0, "Slot");

  // Pages: _count entries each, _page from 1; the links lead through them.
  b = bundle(get("/fhir/r4/Slot?schedule=1&_count=3"), 4, 3, "Slot");
  EXPECT_EQ(ids(b), (std::vector<std::string>{all[0], all[1], all[2]}));
  EXPECT_EQ(links(b),
            (std::vector<std::string>{"self /Slot?schedule=Schedule%2F1&_count=3",
                                      "first /Slot?schedule=Schedule%2F1&_count=3&_page=1",
                                      "next /Slot?schedule=Schedule%2F1&_count=3&_page=2",
                                      "last /Slot?schedule=Schedule%2F1&_count=3&_page=2"}));
  b = bundle(get("/fhir/r4/Slot?_page=2&schedule=1&_count=3"), 4, 1, "Slot");
  EXPECT_EQ(ids(b), std::vector<std::string>{all[3]});
  EXPECT_EQ(links(b),
            (std::vector<std::string>{"self /Slot?schedule=Schedule%2F1&_count=3&_page=2",
                                      "first /Slot?schedule=Schedule%2F1&_count=3&_page=1",
                                      "previous /Slot?schedule=Schedule%2F1&_count=3&_page=1",
                                      "last /Slot?schedule=Schedule%2F1&_count=3&_page=2"}));
  b = bundle(get("/fhir/r4/Slot?schedule=1&_count=3&_page=9"), 4, 0, "Slot");
  EXPECT_EQ(links(b)[2], "previous /Slot?schedule=Schedule%2F1&_count=3&_page=2")
      << "a page past the end leads back to the last";
  EXPECT_EQ(links(bundle(get("/fhir/r4/Slot?schedule=1"), 4, 4, "Slot")).size(), 1u)
      << "one page: only the self link";

  HttpResult one = get("/fhir/r4/Slot/" + all[1], "app");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(resource(one, "Slot")->getValue<std::string>("status"), "busy");
  outcome(get("/fhir/r4/Slot/999999"), 404, "not-found");
  outcome(get("/fhir/r4/Slot/abc"), 404, "not-found");

  // Malformed parameters are a 400 naming the parameter.
  outcome(get("/fhir/r4/Slot?start=06-01-2025"), 400, "invalid", "start");
  outcome(get("/fhir/r4/Slot?start=ne" + day), 400, "invalid", "start");
  outcome(get("/fhir/r4/Slot?status=full"), 400, "invalid", "status");
  outcome(get("/fhir/r4/Slot?schedule=Location/1"), 400, "invalid", "schedule");
  outcome(get("/fhir/r4/Slot?_count=-1"), 400, "invalid", "_count");
  outcome(get("/fhir/r4/Slot?_page=0"), 400, "invalid", "_page");

  // A closure makes the day's slots busy-unavailable (they are kept, as in the REST API).
  HttpResult closure = post("/api/v1/appointments/admin/closures",
                            "{\"clinic_id\": 1, \"from\": \"" + day + "\", \"to\": \"" + day +
                                "\", \"reason\": \"Tập huấn\"}");
  ASSERT_EQ(closure.status, 201) << closure.body;
  bundle(get("/fhir/r4/Slot?schedule=1&status=busy-unavailable"), 4, 4, "Slot");
  bundle(get("/fhir/r4/Slot?schedule=1&status=free"), 0, 0, "Slot");
}

TEST_F(AppointmentsFhir, CreatingAnAppointmentBooksTheSlotAsTheRestApiDoes) {
  const auto slot_ids = bookable_slots(1, 3);
  HttpResult r = post_fhir("/fhir/r4/Appointment", new_appointment(50, slot_ids[0]), "app");
  ASSERT_EQ(r.status, 201) << r.body;
  auto a = resource(r, "Appointment");
  const std::string id = a->getValue<std::string>("id");
  EXPECT_THAT(r.header("Location"), EndsWith("/fhir/r4/Appointment/" + id));
  EXPECT_THAT(r.header("Location"), StartsWith("http://"));
  EXPECT_EQ(a->getValue<std::string>("status"), "pending") << "app bookings need confirming";
  EXPECT_EQ(a->getArray("slot")->getObject(0)->getValue<std::string>("reference"),
            "Slot/" + std::to_string(slot_ids[0]));
  EXPECT_EQ(a->getArray("participant")
                ->getObject(0)
                ->getObject("actor")
                ->getValue<std::string>("reference"),
            "Patient/50");
  EXPECT_EQ(a->getValue<std::string>("start"), booking_day() + "T08:00:00+07:00");

  // The REST API shows the same booking under the same id.
  HttpResult rest = get("/api/v1/appointments/bookings/" + id);
  ASSERT_EQ(rest.status, 200) << rest.body;
  auto booking = rest.json();
  EXPECT_EQ(booking->getValue<std::string>("patient_id"), "50");
  EXPECT_EQ(booking->getValue<long long>("slot_id"), slot_ids[0]);
  EXPECT_EQ(booking->getValue<std::string>("channel"), "app");
  EXPECT_EQ(booking->getValue<std::string>("status"), "requested");
  EXPECT_EQ(booking->getValue<std::string>("reason"), "Khám định kỳ");
  EXPECT_EQ(slot(1, booking_day(), slot_ids[0])->getValue<int>("booked"), 1);

  // A receptionist names the channel; walk-ins start booked.
  r = post_fhir("/fhir/r4/Appointment", new_appointment(51, slot_ids[0], "walkin", "proposed"),
                "receptionist");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(resource(r, "Appointment")->getValue<std::string>("status"), "booked");
  // …and must name it, having two.
  auto issue =
      outcome(post_fhir("/fhir/r4/Appointment", new_appointment(52, slot_ids[0]), "receptionist"),
              422, "invalid", "Appointment.extension");

  // Idempotency-Key: the same request answers the same appointment, another is refused.
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "fhir-key-1"}};
  r = post_fhir("/fhir/r4/Appointment", new_appointment(53, slot_ids[1]), "app", key);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string first_id = resource(r, "Appointment")->getValue<std::string>("id");
  r = post_fhir("/fhir/r4/Appointment", new_appointment(53, slot_ids[1]), "app", key);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(resource(r, "Appointment")->getValue<std::string>("id"), first_id);
  EXPECT_EQ(slot(1, booking_day(), slot_ids[1])->getValue<int>("booked"), 1);
  outcome(post_fhir("/fhir/r4/Appointment", new_appointment(54, slot_ids[1]), "app", key), 422,
          "invalid", "Idempotency-Key");
}

TEST_F(AppointmentsFhir, RefusedBookingsAreOperationOutcomes) {
  const auto slot_ids = bookable_slots(1, 1);
  ASSERT_EQ(post_fhir("/fhir/r4/Appointment", new_appointment(60, slot_ids[0]), "app").status, 201);
  auto issue = outcome(post_fhir("/fhir/r4/Appointment", new_appointment(61, slot_ids[0]), "app"),
                       409, "business-rule");
  EXPECT_EQ(problem_code(issue), "slot-full");
  issue = outcome(post_fhir("/fhir/r4/Appointment", new_appointment(60, slot_ids[0]), "app"), 409,
                  "business-rule");
  EXPECT_THAT(problem_code(issue), ::testing::AnyOf("slot-full", "overlapping-booking"));
  issue = outcome(post_fhir("/fhir/r4/Appointment", new_appointment(60, slot_ids[0] + 1000), "app"),
                  422, "invalid", "Appointment.slot");
  outcome(post_fhir("/fhir/r4/Appointment", new_appointment(999999, slot_ids[1]), "app"), 422,
          "invalid", "Appointment.participant.actor");
  issue =
      outcome(post_fhir("/fhir/r4/Appointment", new_appointment(62, slot_ids[1], "phone"), "app"),
              403, "forbidden", "Appointment.extension");
  outcome(post_fhir("/fhir/r4/Appointment", "{not json", "app"), 400, "invalid");
  outcome(post_fhir("/fhir/r4/Appointment", R"({"resourceType":"Patient"})", "app"), 400, "invalid",
          "resourceType");
  outcome(post_fhir("/fhir/r4/Appointment",
                    R"({"resourceType":"Appointment","status":"booked","participant":[{"actor":)"
                    R"({"reference":"Patient/62"}}]})",
                    "app"),
          422, "invalid", "Appointment.slot");
  outcome(post_fhir("/fhir/r4/Appointment", new_appointment(62, slot_ids[1], "", "arrived"), "app"),
          422, "invalid", "Appointment.status");
  // Overlap: the same patient in the next slot of another clinic at the same time.
  open_clinic(2, {"app"});
  add_template(2, weekday_of(booking_day()), "08:00", "09:00", 60, 5);
  generate(booking_day(), booking_day());
  auto other = slots(2, booking_day());
  ASSERT_EQ(other->size(), 1u);
  issue =
      outcome(post_fhir("/fhir/r4/Appointment",
                        new_appointment(60, other->getObject(0)->getValue<long long>("id")), "app"),
              409, "business-rule");
  EXPECT_EQ(problem_code(issue), "overlapping-booking");
  // Roles are the host's: a manager may not book (problem document from the host).
  expect_problem(post_fhir("/fhir/r4/Appointment", new_appointment(63, slot_ids[2]), "manager"),
                 403, "forbidden");
  EXPECT_EQ(slot(1, booking_day(), slot_ids[1])->getValue<int>("booked"), 0);
}

TEST_F(AppointmentsFhir, AppointmentsAreReadAndSearchedByPatientDateAndStatus) {
  const auto slot_ids = bookable_slots(1, 5);
  const long long a0 = booked_id(book("call_center", 70, slot_ids[0], "phone"));
  const long long a1 = booked_id(book("call_center", 70, slot_ids[1], "phone"));
  const long long a2 = booked_id(book("app", 70, slot_ids[2], "app"));
  const long long b0 = booked_id(book("call_center", 71, slot_ids[0], "phone"));
  ASSERT_EQ(post("/api/v1/appointments/bookings/" + std::to_string(a1) + "/cancel",
                 "{\"reason\": \"Bận\"}")
                .status,
            200);

  HttpResult r = get("/fhir/r4/Appointment/" + std::to_string(a0), "manager");
  ASSERT_EQ(r.status, 200) << r.body;
  auto a = resource(r, "Appointment");
  EXPECT_EQ(a->getValue<std::string>("status"), "booked");
  EXPECT_THAT(a->getObject("meta")->getValue<std::string>("lastUpdated"), EndsWith("Z"));
  EXPECT_EQ(a->getArray("identifier")->getObject(0)->getValue<std::string>("value"),
            get("/api/v1/appointments/bookings/" + std::to_string(a0))
                .json()
                ->getValue<std::string>("code"));
  EXPECT_EQ(a->getArray("participant")
                ->getObject(1)
                ->getObject("actor")
                ->getValue<std::string>("reference"),
            "Location/1");

  const std::string day = booking_day();
  auto b = bundle(get("/fhir/r4/Appointment?patient=Patient/70"), 3, 3, "Appointment");
  EXPECT_EQ(ids(b),
            (std::vector<std::string>{std::to_string(a0), std::to_string(a1), std::to_string(a2)}));
  b = bundle(get("/fhir/r4/Appointment?patient=70&status=cancelled"), 1, 1, "Appointment");
  auto cancelled = b->getArray("entry")->getObject(0)->getObject("resource");
  EXPECT_EQ(cancelled->getObject("cancelationReason")->getValue<std::string>("text"), "Bận");
  b = bundle(get("/fhir/r4/Appointment?patient=70&status=booked,pending"), 2, 2, "Appointment");
  EXPECT_EQ(ids(b), (std::vector<std::string>{std::to_string(a0), std::to_string(a2)}));
  bundle(get("/fhir/r4/Appointment?patient=70&status=pending"), 1, 1, "Appointment");
  bundle(get("/fhir/r4/Appointment?patient=70&status=proposed"), 0, 0, "Appointment");
  bundle(get("/fhir/r4/Appointment?date=" + day), 4, 4, "Appointment");
  bundle(get("/fhir/r4/Appointment?date=gt" + day), 0, 0, "Appointment");
  b = bundle(get("/fhir/r4/Appointment?date=ge" + day + "T08:15:00%2B07:00&patient=Patient/70"), 2,
             2, "Appointment");
  EXPECT_EQ(ids(b), (std::vector<std::string>{std::to_string(a1), std::to_string(a2)}));
  b = bundle(get("/fhir/r4/Appointment?date=ge" + day + "&date=lt" + day +
                 "T08:15:00%2B07:00&patient=Patient/70"),
             1, 1, "Appointment");
  EXPECT_EQ(ids(b), std::vector<std::string>{std::to_string(a0)});
  bundle(get("/fhir/r4/Appointment?patient=Patient/71&_count=0"), 1, 0, "Appointment");
  b = bundle(get("/fhir/r4/Appointment?patient=70&_count=2&_page=2"), 3, 1, "Appointment");
  EXPECT_EQ(ids(b), std::vector<std::string>{std::to_string(a2)});
  EXPECT_EQ(links(b).back(), "last /Appointment?patient=Patient%2F70&_count=2&_page=2");
  outcome(get("/fhir/r4/Appointment?patient=Practitioner/71"), 400, "invalid", "patient");
  outcome(get("/fhir/r4/Appointment?status=done"), 400, "invalid", "status");
  outcome(get("/fhir/r4/Appointment?date=yesterday"), 400, "invalid", "date");

  // The app backend sees its own channel only, as in the REST API.
  b = bundle(get("/fhir/r4/Appointment?patient=70", "app"), 1, 1, "Appointment");
  EXPECT_EQ(ids(b), std::vector<std::string>{std::to_string(a2)});
  outcome(get("/fhir/r4/Appointment/" + std::to_string(b0), "app"), 404, "not-found");
  outcome(get("/fhir/r4/Appointment/999999"), 404, "not-found");
  expect_problem(get("/fhir/r4/Appointment?patient=70", "cashier"), 403, "forbidden");
}

TEST_F(AppointmentsFhir, AnUpdateCancelsAndNothingElse) {
  const auto slot_ids = bookable_slots(1, 2);
  const long long id = booked_id(book("call_center", 80, slot_ids[0], "phone"));
  const std::string path = "/fhir/r4/Appointment/" + std::to_string(id);

  outcome(put_fhir(path,
                   R"({"resourceType":"Appointment","id":")" + std::to_string(id) +
                       R"(","status":"arrived"})",
                   "call_center"),
          422, "invalid", "Appointment.status");
  outcome(put_fhir(path,
                   R"({"resourceType":"Appointment","id":")" + std::to_string(id) +
                       R"(","status":"cancelled"})",
                   "call_center"),
          422, "invalid", "Appointment.cancelationReason");
  outcome(put_fhir(path,
                   R"({"resourceType":"Appointment","id":")" + std::to_string(id) +
                       R"(","status":"cancelled","cancelationReason":{"text":"x"},)"
                       R"("slot":[{"reference":"Slot/)" +
                       std::to_string(slot_ids[1]) + R"("}]})",
                   "call_center"),
          422, "invalid", "Appointment.slot");
  outcome(put_fhir(path, cancel_body(id + 1, "x"), "call_center"), 400, "invalid",
          "Appointment.id");
  outcome(put_fhir("/fhir/r4/Appointment/999999", cancel_body(999999, "x"), "call_center"), 404,
          "not-found");
  // The app may not touch a phone booking: it does not exist for it.
  outcome(put_fhir(path, cancel_body(id, "x"), "app"), 404, "not-found");
  expect_problem(put_fhir(path, cancel_body(id, "x"), "manager"), 403, "forbidden");
  EXPECT_EQ(slot(1, booking_day(), slot_ids[0])->getValue<int>("booked"), 1);

  HttpResult r = put_fhir(path, cancel_body(id, "Bệnh nhân đổi ý"), "call_center");
  ASSERT_EQ(r.status, 200) << r.body;
  auto a = resource(r, "Appointment");
  EXPECT_EQ(a->getValue<std::string>("status"), "cancelled");
  EXPECT_EQ(a->getObject("cancelationReason")->getValue<std::string>("text"), "Bệnh nhân đổi ý");
  auto rest = get("/api/v1/appointments/bookings/" + std::to_string(id)).json();
  EXPECT_EQ(rest->getValue<std::string>("status"), "cancelled");
  EXPECT_EQ(rest->getValue<std::string>("cancel_reason"), "Bệnh nhân đổi ý");
  EXPECT_EQ(slot(1, booking_day(), slot_ids[0])->getValue<int>("booked"), 0) << "place given back";

  auto issue = outcome(put_fhir(path, cancel_body(id, "again"), "call_center"), 409, "conflict");
  EXPECT_EQ(problem_code(issue), "invalid-transition");
}

// The references an Appointment carries resolve: Patient, Location (and Practitioner) are
// read from the HIS through the profile.
TEST_F(AppointmentsFhir, PatientsPractitionersAndLocationsComeFromTheHis) {
  std::string code, full_name, birth, phone, card;
  {
    auto his_session = his();
    *his_session << "SELECT ma_bn, ho_ten, CAST(ngay_sinh AS CHAR(10)), dien_thoai, so_the_bhyt "
                    "FROM benh_nhan WHERE id = 5",
        soci::into(code), soci::into(full_name), soci::into(birth), soci::into(phone),
        soci::into(card);
  }
  const auto slot_ids = bookable_slots(1, 2);
  const long long booked = booked_id(book("receptionist", 5, slot_ids[0], "walkin"));
  auto a = resource(get("/fhir/r4/Appointment/" + std::to_string(booked)), "Appointment");
  auto participants = a->getArray("participant");
  std::vector<std::string> refs;
  for (std::size_t i = 0; i < participants->size(); ++i) {
    refs.push_back(participants->getObject(static_cast<unsigned>(i))
                       ->getObject("actor")
                       ->getValue<std::string>("reference"));
  }
  ASSERT_THAT(refs, ::testing::Contains("Patient/5"));
  for (const auto& ref : refs) {
    EXPECT_EQ(get("/fhir/r4/" + ref).status, 200) << ref << " dangles";
  }

  HttpResult r = get("/fhir/r4/Patient/5", "app");
  ASSERT_EQ(r.status, 200) << r.body;
  auto p = resource(r, "Patient");
  EXPECT_EQ(p->getValue<std::string>("id"), "5");
  auto name = p->getArray("name")->getObject(0);
  EXPECT_EQ(name->getValue<std::string>("text"), full_name);
  EXPECT_EQ(name->getValue<std::string>("family"), full_name.substr(0, full_name.find(' ')));
  EXPECT_EQ(p->getValue<std::string>("birthDate"), birth);
  EXPECT_THAT(p->getValue<std::string>("gender"), ::testing::AnyOf("male", "female"));
  EXPECT_EQ(p->getArray("identifier")->getObject(0)->getValue<std::string>("value"), code);
  EXPECT_EQ(p->getArray("telecom")->getObject(0)->getValue<std::string>("value"), phone);

  EXPECT_EQ(ids(bundle(get("/fhir/r4/Patient?identifier=urn:hisx:fhir:his-patient-code|" + code), 1,
                       1, "Patient")),
            std::vector<std::string>{"5"});
  EXPECT_THAT(ids(bundle(get("/fhir/r4/Patient?identifier=" + card), 1, 1, "Patient")),
              std::vector<std::string>{"5"});
  EXPECT_THAT(ids(bundle(get("/fhir/r4/Patient?phone=" + phone, "call_center"), 1, 1, "Patient")),
              ::testing::Contains("5"));
  // A name (without diacritics) and a birth date.
  const std::string given = full_name.substr(full_name.rfind(' ') + 1);
  r = get("/fhir/r4/Patient?name=" + Poco::toLower(given) + "&birthdate=" + birth);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(ids(resource(r, "Bundle")), ::testing::Contains("5"));
  EXPECT_THAT(ids(bundle(get("/fhir/r4/Patient?_id=5"), 1, 1, "Patient")),
              std::vector<std::string>{"5"});

  // The HIS is never listed whole; unknown ids are 404.
  outcome(get("/fhir/r4/Patient"), 400, "invalid");
  outcome(get("/fhir/r4/Patient?birthdate=" + birth), 400, "invalid");
  outcome(get("/fhir/r4/Patient?birthdate=12-03-1984&name=an"), 400, "invalid", "birthdate");
  outcome(get("/fhir/r4/Patient/99999999"), 404, "not-found");
  outcome(get("/fhir/r4/Patient?identifier=urn:other|1"), 400, "invalid", "identifier");
  bundle(get("/fhir/r4/Patient?identifier=urn:hisx:fhir:his-patient-code|no-such-code"), 0, 0,
         "Patient");

  // Practitioners and Locations: the HIS's active doctors and clinic rooms.
  long long doctors = 0;
  long long clinics = 0;
  std::string clinic_code;
  {
    auto his_session = his();
    *his_session << "SELECT COUNT(*) FROM dm_bac_si WHERE hoat_dong = 1", soci::into(doctors);
    *his_session << "SELECT COUNT(*) FROM dm_phong_kham WHERE hoat_dong = 1", soci::into(clinics);
    *his_session << "SELECT ma_phong FROM dm_phong_kham WHERE id = 1", soci::into(clinic_code);
  }
  auto practitioners = bundle(get("/fhir/r4/Practitioner"), doctors,
                              static_cast<std::size_t>(doctors), "Practitioner");
  const std::string doctor = ids(practitioners).at(0);
  auto one = resource(get("/fhir/r4/Practitioner/" + doctor, "app"), "Practitioner");
  EXPECT_FALSE(one->getArray("name")->getObject(0)->getValue<std::string>("text").empty());
  bundle(get("/fhir/r4/Location"), clinics, static_cast<std::size_t>(clinics), "Location");
  EXPECT_EQ(
      ids(bundle(get("/fhir/r4/Location?identifier=urn:hisx:fhir:his-clinic-code|" + clinic_code),
                 1, 1, "Location")),
      std::vector<std::string>{"1"});
  auto location = resource(get("/fhir/r4/Location/1"), "Location");
  EXPECT_EQ(location->getValue<std::string>("status"), "active");
  outcome(get("/fhir/r4/Location/99999"), 404, "not-found");

  // For staff and the app-facing backends only.
  EXPECT_EQ(get("/fhir/r4/Patient/5", "cashier").status, 200);
  expect_problem(get("/fhir/r4/Patient/5", "his"), 403, "forbidden");
  expect_problem(get("/fhir/r4/Location", "his"), 403, "forbidden");
}

}  // namespace
}  // namespace hisx::test::integration
