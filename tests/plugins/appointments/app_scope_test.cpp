// App accounts with app_link (SDK 2.1, PatientScope): every app request names its app account
// in X-App-Account, and the app books, reads and changes only the bookings and records of the
// patients linked to that account; any other patient is answered exactly as one that does not
// exist. Without app_link the app acts for any patient, as before.
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <gmock/gmock.h>

#include <sstream>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::ElementsAre;

// `text` with every `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  Poco::replaceInPlace(text, from, to);
  return text;
}

// A JSON body without its request_id (which every answer has its own of), as text.
std::string without_request_id(const std::string& body) {
  auto o = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  o->remove("request_id");
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

class AppScope : public AppointmentsTest {
 protected:
  void SetUp() override { start_host({"plugins.enabled=[his, appointments, app_link]"}); }

  // Two demo patients (staff find them by a common family name): a is linked to account 1,
  // b to account 2.
  void pick_patients() {
    const auto found = ids(get("/fhir/r4/Patient?name=nguyen", "receptionist"));
    ASSERT_GE(found.size(), 2u);
    a_ = found[0];
    b_ = found[1];
  }

  // POST /app-link/links as a receptionist; returns the link id (asserts 201).
  long long link(const std::string& patient_id, const std::string& account) {
    const HttpResult r =
        post("/api/v1/app-link/links",
             R"({"patient_id": ")" + patient_id + R"(", "app_account_id": ")" + account +
                 R"(", "department_id": "1", "consent": {"by": "Nguyễn Văn )"
                 R"(An", "method": "signed_form"}})",
             "receptionist");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<long long>("id") : 0;
  }

  HttpResult app_get(const std::string& path, const std::string& account) {
    return raw("GET", path, "",
               {{"Authorization", "Bearer " + key("app")}, {"X-App-Account", account}});
  }
  HttpResult app_post(const std::string& path, const std::string& body,
                      const std::string& account) {
    return post(path, body, "app", {{"X-App-Account", account}});
  }
  HttpResult app_book(const std::string& patient_id, long long slot_id,
                      const std::string& account) {
    return app_post(
        "/api/v1/appointments/bookings",
        R"({"patient_id": ")" + patient_id + R"(", "slot_id": )" + std::to_string(slot_id) + "}",
        account);
  }
  HttpResult fhir_book(const std::string& patient_id, long long slot_id,
                       const std::string& account) {
    return raw("POST", "/fhir/r4/Appointment",
               R"({"resourceType":"Appointment","status":"booked","slot":[{"reference":"Slot/)" +
                   std::to_string(slot_id) +
                   R"("}],"participant":[{"actor":{"reference":"Patient/)" + patient_id +
                   R"("},"status":"accepted"}]})",
               {{"Authorization", "Bearer " + key("app")},
                {"Content-Type", "application/fhir+json"},
                {"X-App-Account", account}});
  }

  static long long id_of(const HttpResult& r) {
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<long long>("id") : 0;
  }

  // The entry ids of a FHIR searchset Bundle (asserts 200).
  static std::vector<std::string> ids(const HttpResult& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    if (r.status != 200) return out;
    auto b = r.json();
    if (!b->has("entry")) return out;
    auto entries = b->getArray("entry");
    for (std::size_t i = 0; i < entries->size(); ++i) {
      out.push_back(entries->getObject(static_cast<unsigned>(i))
                        ->getObject("resource")
                        ->getValue<std::string>("id"));
    }
    return out;
  }

  // `refused` is the answer `missing` got, with `missing_id` read as `refused_id`: the same
  // status, media type and body (type, detail, field), so that nothing tells them apart.
  static void same_answer(const HttpResult& refused, const HttpResult& missing,
                          const std::string& refused_id, const std::string& missing_id) {
    EXPECT_EQ(refused.status, missing.status) << refused.body;
    EXPECT_EQ(refused.header("content-type"), missing.header("content-type"));
    EXPECT_EQ(without_request_id(refused.body),
              without_request_id(replaced(missing.body, missing_id, refused_id)));
  }

  std::string a_, b_;
  const std::string kMissing = "99999999";
};

TEST_F(AppScope, EveryAppRequestNamesItsAccount) {
  const auto slot_ids = bookable_slots(1, 5);
  // No header, an empty one, one too long: refused before the route runs, even where the
  // route serves no patient (the clinics).
  for (const auto& headers : std::vector<std::map<std::string, std::string>>{
           {}, {{"X-App-Account", ""}}, {{"X-App-Account", std::string(101, 'x')}}}) {
    auto all = headers;
    all["Authorization"] = "Bearer " + key("app");
    auto doc = expect_problem(raw("GET", "/api/v1/appointments/clinics", "", all), 400,
                              "app-account-required");
    EXPECT_EQ(doc->getValue<std::string>("field"), "X-App-Account");
    EXPECT_THAT(doc->getValue<std::string>("detail"), ::testing::HasSubstr("X-App-Account"));
    all["Content-Type"] = "application/json";
    doc = expect_problem(
        raw("POST", "/api/v1/appointments/bookings",
            R"({"patient_id": "17", "slot_id": )" + std::to_string(slot_ids[0]) + "}", all),
        400, "app-account-required");
    EXPECT_EQ(doc->getValue<std::string>("field"), "X-App-Account");
  }
  long long bookings = -1;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings", soci::into(bookings);
  EXPECT_EQ(bookings, 0) << "no handler ran";

  // app_link's own routes take the account in their body or path: a claim needs no header.
  expect_problem(post("/api/v1/app-link/claims",
                      R"({"code": "ABCD-EFGH", "app_account_id": "acct-1", )"
                      R"("birth_date": "1990-01-01"})",
                      "app"),
                 422, "claim-refused");

  // With the header the catalogue answers as before; staff never name an account.
  EXPECT_EQ(app_get("/api/v1/appointments/clinics", "acct-1").status, 200);
  EXPECT_EQ(book("receptionist", 17, slot_ids[0], "walkin").status, 201);
  EXPECT_EQ(get("/fhir/r4/Patient/17", "doctor").status, 200);
}

TEST_F(AppScope, TheAppBooksOnlyForItsLinkedPatients) {
  pick_patients();
  link(a_, "acct-1");
  link(b_, "acct-2");
  const auto slot_ids = bookable_slots(1, 5);

  EXPECT_EQ(app_book(a_, slot_ids[0], "acct-1").status, 201);
  // B is another account's patient: the answer for a patient the HIS does not have.
  const HttpResult refused = app_book(b_, slot_ids[1], "acct-1");
  const HttpResult missing = app_book(kMissing, slot_ids[1], "acct-1");
  auto doc = expect_problem(refused, 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "patient_id");
  same_answer(refused, missing, b_, kMissing);
  // The same on the FHIR facade.
  const HttpResult fhir_refused = fhir_book(b_, slot_ids[1], "acct-1");
  EXPECT_EQ(fhir_refused.status, 422) << fhir_refused.body;
  same_answer(fhir_refused, fhir_book(kMissing, slot_ids[1], "acct-1"), b_, kMissing);
  // An account with no link at all acts for no one.
  same_answer(app_book(a_, slot_ids[1], "acct-9"), app_book(kMissing, slot_ids[1], "acct-9"), a_,
              kMissing);

  // Account 2 books for B, on both APIs.
  EXPECT_EQ(app_book(b_, slot_ids[1], "acct-2").status, 201);
  EXPECT_EQ(fhir_book(b_, slot_ids[2], "acct-2").status, 201);
  long long b_bookings = 0;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_bookings WHERE patient_id = :p",
      soci::use(b_), soci::into(b_bookings);
  EXPECT_EQ(b_bookings, 2) << "nothing was booked for B by account 1";
}

TEST_F(AppScope, AnotherPatientsBookingIsNotFound) {
  pick_patients();
  link(a_, "acct-1");
  link(b_, "acct-2");
  const auto slot_ids = bookable_slots(1, 5);
  const long long own = id_of(app_book(a_, slot_ids[0], "acct-1"));
  // B's bookings: one from the app for account 2, one at the desk.
  const long long by_app = id_of(app_book(b_, slot_ids[1], "acct-2"));
  const long long at_desk = id_of(post("/api/v1/appointments/bookings",
                                       R"({"patient_id": ")" + b_ + R"(", "slot_id": )" +
                                           std::to_string(slot_ids[3]) + R"(, "channel": "app"})",
                                       "admin"));
  const long long walk_in = id_of(book("receptionist", std::stoll(b_), slot_ids[2], "walkin"));
  const std::string none = "999999";

  EXPECT_EQ(app_get("/api/v1/appointments/bookings/" + std::to_string(own), "acct-1").status, 200);
  const std::string code =
      app_get("/api/v1/appointments/bookings/" + std::to_string(by_app), "acct-2")
          .json()
          ->getValue<std::string>("code");
  for (const long long other : {by_app, at_desk, walk_in}) {
    const std::string id = std::to_string(other);
    const std::string path = "/api/v1/appointments/bookings/";
    same_answer(app_get(path + id, "acct-1"), app_get(path + none, "acct-1"), id, none);
    expect_problem(app_get(path + id, "acct-1"), 404, "not-found");
    same_answer(app_post(path + id + "/cancel", R"({"reason": "x"})", "acct-1"),
                app_post(path + none + "/cancel", R"({"reason": "x"})", "acct-1"), id, none);
    const std::string move = R"({"slot_id": )" + std::to_string(slot_ids[0]) + "}";
    same_answer(app_post(path + id + "/reschedule", move, "acct-1"),
                app_post(path + none + "/reschedule", move, "acct-1"), id, none);
    same_answer(app_get("/fhir/r4/Appointment/" + id, "acct-1"),
                app_get("/fhir/r4/Appointment/" + none, "acct-1"), id, none);
  }
  // By its code, too.
  expect_problem(app_get("/api/v1/appointments/bookings/" + code, "acct-1"), 404, "not-found");

  // Nothing changed: B's bookings are still requested / confirmed, in their slots.
  auto b = get("/api/v1/appointments/bookings/" + std::to_string(by_app), "receptionist").json();
  EXPECT_EQ(b->getValue<std::string>("status"), "requested");
  EXPECT_EQ(b->getValue<long long>("slot_id"), slot_ids[1]);

  // Appointment search: account 1 sees only A's bookings, asked for B or not.
  EXPECT_THAT(ids(app_get("/fhir/r4/Appointment", "acct-1")), ElementsAre(std::to_string(own)));
  EXPECT_THAT(ids(app_get("/fhir/r4/Appointment?patient=Patient/" + b_, "acct-1")),
              ::testing::IsEmpty());
  EXPECT_EQ(app_get("/fhir/r4/Appointment?patient=Patient/" + b_, "acct-1")
                .json()
                ->getValue<int>("total"),
            0);
  EXPECT_THAT(ids(app_get("/fhir/r4/Appointment", "acct-2")),
              ElementsAre(std::to_string(by_app), std::to_string(at_desk)));
  // Staff are never bound.
  EXPECT_EQ(ids(get("/fhir/r4/Appointment", "receptionist")).size(), 4u);
  EXPECT_EQ(get("/api/v1/appointments/bookings/" + std::to_string(by_app), "call_center").status,
            200);

  // Account 2 cancels its own patient's booking.
  EXPECT_EQ(app_post("/api/v1/appointments/bookings/" + std::to_string(by_app) + "/cancel",
                     R"({"reason": "Bận việc"})", "acct-2")
                .status,
            200);
}

TEST_F(AppScope, FhirPatientsAreTheLinkedOnesOnly) {
  pick_patients();
  link(a_, "acct-1");
  EXPECT_EQ(app_get("/fhir/r4/Patient/" + a_, "acct-1").status, 200);
  const HttpResult refused = app_get("/fhir/r4/Patient/" + b_, "acct-1");
  EXPECT_EQ(refused.status, 404) << refused.body;
  same_answer(refused, app_get("/fhir/r4/Patient/" + kMissing, "acct-1"), b_, kMissing);

  EXPECT_THAT(ids(app_get("/fhir/r4/Patient?name=nguyen", "acct-1")), ElementsAre(a_));
  EXPECT_EQ(app_get("/fhir/r4/Patient?name=nguyen", "acct-1").json()->getValue<int>("total"), 1);
  EXPECT_THAT(ids(app_get("/fhir/r4/Patient?_id=" + b_, "acct-1")), ::testing::IsEmpty());
  EXPECT_THAT(ids(app_get("/fhir/r4/Patient?name=nguyen", "acct-9")), ::testing::IsEmpty());
  // Staff find both.
  EXPECT_THAT(ids(get("/fhir/r4/Patient?name=nguyen", "doctor")), ::testing::Contains(b_));
}

TEST_F(AppScope, AnUnlinkedPatientIsRefusedAtOnce) {
  pick_patients();
  const long long link_id = link(a_, "acct-1");
  const auto slot_ids = bookable_slots(1, 5);
  const long long booking = id_of(app_book(a_, slot_ids[0], "acct-1"));

  const HttpResult r = post("/api/v1/app-link/links/" + std::to_string(link_id) + "/unlink",
                            R"({"reason": "Bệnh nhân yêu cầu"})", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;

  same_answer(app_book(a_, slot_ids[1], "acct-1"), app_book(kMissing, slot_ids[1], "acct-1"), a_,
              kMissing);
  expect_problem(app_get("/api/v1/appointments/bookings/" + std::to_string(booking), "acct-1"), 404,
                 "not-found");
  expect_problem(app_post("/api/v1/appointments/bookings/" + std::to_string(booking) + "/cancel",
                          R"({"reason": "x"})", "acct-1"),
                 404, "not-found");
  EXPECT_EQ(app_get("/fhir/r4/Patient/" + a_, "acct-1").status, 404);
  EXPECT_THAT(ids(app_get("/fhir/r4/Appointment", "acct-1")), ::testing::IsEmpty());
}

TEST_F(AppScope, AReplayedBookingIsRefusedOnceUnlinked) {
  pick_patients();
  const long long link_id = link(a_, "acct-1");
  const auto slot_ids = bookable_slots(1, 5);
  const std::string body =
      R"({"patient_id": ")" + a_ + R"(", "slot_id": )" + std::to_string(slot_ids[0]) + "}";
  const std::map<std::string, std::string> headers = {{"X-App-Account", "acct-1"},
                                                      {"Idempotency-Key", "k-1"}};
  ASSERT_EQ(post("/api/v1/appointments/bookings", body, "app", headers).status, 201);
  EXPECT_EQ(
      post("/api/v1/appointments/bookings", body, "app", headers).header("idempotent-replayed"),
      "true");
  ASSERT_EQ(
      post("/api/v1/app-link/links/" + std::to_string(link_id) + "/unlink", "{}", "receptionist")
          .status,
      200);
  auto doc = expect_problem(post("/api/v1/appointments/bookings", body, "app", headers), 422,
                            "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "patient_id");
}

// Without app_link: no header needed, the app acts for any patient, as before.
class AppWithoutAppLink : public AppointmentsTest {};

TEST_F(AppWithoutAppLink, TheAppActsForAnyPatient) {
  const auto slot_ids = bookable_slots(1, 5);
  const HttpResult first = book("app", 17, slot_ids[0], "app");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(book("app", 18, slot_ids[0], "app").status, 201);
  const std::string id = std::to_string(first.json()->getValue<long long>("id"));
  EXPECT_EQ(get("/api/v1/appointments/bookings/" + id, "app").status, 200);
  EXPECT_EQ(get("/fhir/r4/Patient/18", "app").status, 200);
  EXPECT_EQ(get("/fhir/r4/Appointment", "app").json()->getValue<int>("total"), 2);
  EXPECT_EQ(
      post("/api/v1/appointments/bookings/" + id + "/cancel", R"({"reason": "x"})", "app").status,
      200);
}

}  // namespace
}  // namespace hisx::test::integration
