// W1: which clinics take bookings from which channels, weekly templates and closures,
// through the admin API; refusals name the field.
#include <gmock/gmock.h>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

class AppointmentsCatalogue : public AppointmentsTest {};

TEST_F(AppointmentsCatalogue, ClinicsListedWithHisNamesAndFilteredForTheApp) {
  open_clinic(1, {"app", "phone"}, 14, "10:30");
  open_clinic(2, {"phone", "walkin"});
  HttpResult r = put("/api/v1/appointments/admin/clinics/3",
                     "{\"channels\": [\"app\"], "
                     "\"active\": false}");
  ASSERT_EQ(r.status, 200) << r.body;

  // Staff see every active clinic, named as the HIS names it (demo: "Phòng khám Nội 1").
  r = get("/api/v1/appointments/clinics", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.json()->getArray("items");
  ASSERT_EQ(items->size(), 2u) << r.body;
  auto first = items->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("clinic_id"), "1");
  EXPECT_EQ(first->getValue<std::string>("name"), "Phòng khám Nội 1");
  EXPECT_EQ(first->getValue<std::string>("code"), "PK01");
  EXPECT_EQ(first->getValue<int>("booking_window_days"), 14);
  EXPECT_EQ(first->getValue<std::string>("same_day_cutoff"), "10:30");
  EXPECT_EQ(first->getArray("channels")->size(), 2u);

  // The app sees only clinics that take app bookings.
  r = get("/api/v1/appointments/clinics", "app");
  ASSERT_EQ(r.status, 200) << r.body;
  items = r.json()->getArray("items");
  ASSERT_EQ(items->size(), 1u) << r.body;
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("clinic_id"), "1");

  // The admin list shows the inactive one too.
  r = get("/api/v1/appointments/admin/clinics");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("count"), 3) << r.body;

  // Changing a clinic replaces its rules.
  open_clinic(1, {"walkin"});
  r = get("/api/v1/appointments/clinics", "app");
  EXPECT_EQ(r.json()->getValue<int>("count"), 0) << r.body;
}

TEST_F(AppointmentsCatalogue, ClinicRefusalsNameTheField) {
  struct Case {
    std::string path, body, field;
  };
  const std::vector<Case> cases = {
      {"/api/v1/appointments/admin/clinics/1", "{\"channels\": [\"fax\"]}", "channels"},
      {"/api/v1/appointments/admin/clinics/1", "{}", "channels"},
      {"/api/v1/appointments/admin/clinics/1", "{\"channels\": \"app\"}", "channels"},
      {"/api/v1/appointments/admin/clinics/1",
       "{\"channels\": [\"app\"], \"booking_window_days\": 400}", "booking_window_days"},
      {"/api/v1/appointments/admin/clinics/1",
       "{\"channels\": [\"app\"], \"same_day_cutoff\": \"25:00\"}", "same_day_cutoff"},
      {"/api/v1/appointments/admin/clinics/1", "{\"channels\": [\"app\"], \"active\": \"yes\"}",
       "active"},
      // Clinic 13 is inactive in the demo HIS, 999 does not exist.
      {"/api/v1/appointments/admin/clinics/13", "{\"channels\": [\"app\"]}", "clinic_id"},
      {"/api/v1/appointments/admin/clinics/999", "{\"channels\": [\"app\"]}", "clinic_id"},
      {"/api/v1/appointments/admin/clinics/abc", "{\"channels\": [\"app\"]}", "clinic_id"},
  };
  for (const auto& c : cases) {
    auto doc = expect_problem(put(c.path, c.body), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), c.field) << c.path << " " << c.body;
  }
  EXPECT_EQ(get("/api/v1/appointments/admin/clinics").json()->getValue<int>("count"), 0);
}

TEST_F(AppointmentsCatalogue, TheAdminPageSeesEveryHisClinicAndDoctor) {
  // Every active HIS clinic room, in the catalogue or not (the catalogue is empty here).
  HttpResult clinics = get("/api/v1/appointments/admin/his-clinics");
  ASSERT_EQ(clinics.status, 200) << clinics.body;
  auto items = clinics.json()->getArray("items");
  ASSERT_GT(items->size(), 3u) << clinics.body;
  EXPECT_EQ(clinics.json()->getValue<std::size_t>("count"), items->size());
  auto first = items->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("clinic_id"), "1");
  EXPECT_EQ(first->getValue<std::string>("code"), "PK01");
  EXPECT_EQ(first->getValue<std::string>("name"), "Phòng khám Nội 1");
  EXPECT_EQ(get("/api/v1/appointments/admin/clinics").json()->getValue<int>("count"), 0);

  HttpResult doctors = get("/api/v1/appointments/admin/his-doctors");
  ASSERT_EQ(doctors.status, 200) << doctors.body;
  auto list = doctors.json()->getArray("items");
  ASSERT_GT(list->size(), 0u) << doctors.body;
  auto doctor = list->getObject(0);
  EXPECT_TRUE(doctor->get("doctor_id").isString());
  EXPECT_FALSE(doctor->getValue<std::string>("doctor_id").empty());
  EXPECT_FALSE(doctor->getValue<std::string>("full_name").empty());
}

TEST_F(AppointmentsCatalogue, AdminRoutesAreForAdminsOnly) {
  for (const std::string role : {"receptionist", "call_center", "doctor", "app", "manager"}) {
    expect_problem(put("/api/v1/appointments/admin/clinics/1", "{\"channels\": [\"app\"]}", role),
                   403, "forbidden");
    expect_problem(get("/api/v1/appointments/admin/templates", role), 403, "forbidden");
    expect_problem(post("/api/v1/appointments/admin/slots/generate", "{}", role), 403, "forbidden");
    expect_problem(get("/api/v1/appointments/admin/his-clinics", role), 403, "forbidden");
    expect_problem(get("/api/v1/appointments/admin/his-doctors", role), 403, "forbidden");
  }
  expect_problem(raw("GET", "/api/v1/appointments/clinics"), 401, "unauthorized");
}

TEST_F(AppointmentsCatalogue, TemplatesAreCheckedStoredChangedAndRemoved) {
  open_clinic(4, {"app", "phone"});
  auto t = add_template(4, 2, "07:30", "11:30", 15, 5, "{\"app\": 30, \"phone\": 100}");
  const long long id = t->getValue<long long>("id");
  EXPECT_EQ(t->getValue<std::string>("start"), "07:30");
  EXPECT_EQ(t->getObject("quotas")->getValue<int>("app"), 30);
  EXPECT_EQ(t->getObject("quota_limits")->getValue<int>("app"), 1) << "30 % of 5, rounded down";
  EXPECT_EQ(t->getObject("quota_limits")->getValue<int>("phone"), 5);

  // A doctor's own session (doctor 7 works in the demo HIS) may sit beside it.
  HttpResult r = post("/api/v1/appointments/admin/templates",
                      "{\"clinic_id\": 4, \"doctor_id\": 7, \"weekday\": 2, \"start\": \"08:00\", "
                      "\"end\": \"10:00\", \"slot_minutes\": 20, \"capacity\": 2}");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("doctor_id"), "7");

  struct Case {
    std::string body, field;
  };
  const std::string base = "\"clinic_id\": 4, \"weekday\": 3, \"slot_minutes\": 15, ";
  const std::vector<Case> cases = {
      {"{" + base + "\"start\": \"07:30\", \"end\": \"07:00\", \"capacity\": 5}", "end"},
      {"{" + base + "\"start\": \"7:30\", \"end\": \"11:00\", \"capacity\": 5}", "start"},
      {"{" + base + "\"start\": \"07:30\", \"end\": \"11:00\", \"capacity\": 0}", "capacity"},
      {"{" + base +
           "\"start\": \"07:30\", \"end\": \"11:00\", \"capacity\": 5, \"quotas\": "
           "{\"fax\": 10}}",
       "quotas.fax"},
      {"{" + base +
           "\"start\": \"07:30\", \"end\": \"11:00\", \"capacity\": 5, \"quotas\": "
           "{\"app\": 120}}",
       "quotas.app"},
      {"{\"clinic_id\": 4, \"weekday\": 9, \"slot_minutes\": 15, \"start\": \"07:30\", \"end\": "
       "\"11:00\", \"capacity\": 5}",
       "weekday"},
      {"{\"clinic_id\": 5, \"weekday\": 3, \"slot_minutes\": 15, \"start\": \"07:30\", \"end\": "
       "\"11:00\", \"capacity\": 5}",
       "clinic_id"},
      {"{" + base +
           "\"doctor_id\": 9999, \"start\": \"07:30\", \"end\": \"11:00\", "
           "\"capacity\": 5}",
       "doctor_id"},
      // Overlaps the Tuesday template of the clinic.
      {"{\"clinic_id\": 4, \"weekday\": 2, \"slot_minutes\": 15, \"start\": \"11:00\", \"end\": "
       "\"12:00\", \"capacity\": 5}",
       "start"},
  };
  for (const auto& c : cases) {
    auto doc =
        expect_problem(post("/api/v1/appointments/admin/templates", c.body), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), c.field) << c.body;
  }

  // Change it, list it, remove it.
  r = put("/api/v1/appointments/admin/templates/" + std::to_string(id),
          "{\"clinic_id\": 4, \"weekday\": 2, \"start\": \"13:30\", \"end\": \"16:30\", "
          "\"slot_minutes\": 30, \"capacity\": 3}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("start"), "13:30");
  r = get("/api/v1/appointments/admin/templates?clinic=4");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("count"), 2);
  EXPECT_THAT(r.body, HasSubstr("\"13:30\""));
  EXPECT_EQ(del("/api/v1/appointments/admin/templates/" + std::to_string(id)).status, 204);
  expect_problem(del("/api/v1/appointments/admin/templates/" + std::to_string(id)), 404,
                 "not-found");
  expect_problem(put("/api/v1/appointments/admin/templates/99999",
                     "{\"clinic_id\": 4, \"weekday\": 2, \"start\": \"13:30\", \"end\": "
                     "\"16:30\", \"slot_minutes\": 30, \"capacity\": 3}"),
                 404, "not-found");
  EXPECT_EQ(get("/api/v1/appointments/admin/templates?clinic=4").json()->getValue<int>("count"), 1);
}

TEST_F(AppointmentsCatalogue, ClosuresAreStoredAndRemoved) {
  open_clinic(1, {"phone"});
  HttpResult r = post("/api/v1/appointments/admin/closures",
                      "{\"clinic_id\": 1, \"from\": \"2030-01-28\", \"to\": \"2030-02-02\", "
                      "\"reason\": \"Tết Nguyên Đán\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  auto closure = r.json();
  EXPECT_EQ(closure->getValue<std::string>("reason"), "Tết Nguyên Đán");
  EXPECT_EQ(closure->getValue<int>("affected_bookings"), 0);
  r = post("/api/v1/appointments/admin/closures",
           "{\"from\": \"2030-09-02\", \"to\": \"2030-09-02\", \"reason\": \"Quốc khánh\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.json()->isNull("clinic_id")) << "hospital-wide";

  r = get("/api/v1/appointments/admin/closures");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("count"), 2);

  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {"{\"from\": \"2030-01-28\", \"to\": \"2030-01-27\"}", "to"},
           {"{\"from\": \"2030-02-30\", \"to\": \"2030-03-01\"}", "from"},
           {"{\"to\": \"2030-03-01\"}", "from"},
           {"{\"clinic_id\": 2, \"from\": \"2030-01-01\", \"to\": \"2030-01-01\"}", "clinic_id"},
       }) {
    auto doc = expect_problem(post("/api/v1/appointments/admin/closures", body), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), field) << body;
  }

  const std::string path =
      "/api/v1/appointments/admin/closures/" + std::to_string(closure->getValue<long long>("id"));
  EXPECT_EQ(del(path).status, 204);
  expect_problem(del(path), 404, "not-found");
  EXPECT_EQ(get("/api/v1/appointments/admin/closures").json()->getValue<int>("count"), 1);
}

}  // namespace
}  // namespace hisx::test::integration
