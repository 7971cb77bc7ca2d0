// A HIS that keys everything by codes (tests/data/his_codes): departments 'K01', clinic rooms
// 'PK-NOI', doctors by user name 'bs.lan', patients 'BN0001' and '007'. Every HIS id goes
// through hisx as opaque text: the admin lists, the catalogue, slots, a booking for patient
// '007', check-in with its HIS visit, the FHIR references and the published events. The HIS
// is SQLite (sqlite3 and postgresql runs; the store on PostgreSQL in the latter) or MariaDB.
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fstream>
#include <sstream>

#include "appointments_fixture.h"
#include "support/backend.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

// The statements of a script, split on ';' (the fixture's SQL holds none inside a string).
std::vector<std::string> statements(const std::string& script) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream lines(script);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("--", 0) == 0) continue;
    current += line + "\n";
    if (!line.empty() && line.back() == ';') {
      current.pop_back();
      current.pop_back();
      out.push_back(current);
      current.clear();
    }
  }
  return out;
}

std::filesystem::path fixture_dir() {
  return std::filesystem::path(env("HISX_SOURCE_DIR")) / "tests" / "data" / "his_codes";
}

class HisCodes : public ::testing::Test {
 protected:
  void SetUp() override {
    backend_ = backend_from_env();
    std::vector<std::string> overrides = {
        "his_profile=" + (fixture_dir() / "profile.yaml").string(),
        "demo.seed_on_empty=false",
        "plugins.settings.appointments.demo_seed=false",
        "clock.start=" + today_ + "T09:00:00+07:00",
    };
    const std::string his_file = (dir_.path() / "his_codes.db").string();
    if (backend_.name == "mariadb") {
      his_ = std::make_unique<soci::session>(*soci::factory_mysql(), backend_.database->conninfo());
      overrides.insert(overrides.begin(), backend_.overrides.begin(), backend_.overrides.end());
    } else {
      his_ = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=" + his_file);
      *his_ << "PRAGMA busy_timeout=10000";
      overrides.push_back("database.his.backend=sqlite3");
      overrides.push_back("database.his.connection=db=" + his_file);
      if (backend_.name == "postgresql") {
        overrides.push_back("database.store.backend=postgresql");
        overrides.push_back("database.store.connection=" + backend_.database->conninfo());
      } else {
        overrides.push_back("database.store.backend=sqlite3");
        overrides.push_back("database.store.connection=db=${data_dir}/store.db");
      }
    }
    for (const char* file : {"schema.sql", "seed.sql"}) {
      for (const auto& sql : statements(read_text(fixture_dir() / file))) *his_ << sql;
    }
    harness_ = std::make_unique<hisx::testing::Harness>(
        hisx::testing::HarnessOptions{.plugins = {"his", "appointments"}, .overrides = overrides});
  }

  hisx::testing::Answer get(const std::string& target, const std::string& role = "admin") {
    return harness_->get(target, role);
  }
  hisx::testing::Answer post(const std::string& target, const std::string& body,
                             const std::string& role = "admin") {
    return harness_->post(target, body, role);
  }

  // PK-NOI in the catalogue, a session of bs.lan from 09:30 to midnight today in 5-minute
  // slots, generated; the id of the first bookable slot.
  long long open_pk_noi() {
    auto r = harness_->put("/api/v1/appointments/admin/clinics/PK-NOI",
                           R"({"channels": ["app", "web", "phone", "reexam", "walkin"]})", "admin");
    EXPECT_EQ(r.status, 200) << r.body;
    r = post("/api/v1/appointments/admin/templates",
             R"({"clinic_id": "PK-NOI", "doctor_id": "bs.lan", "weekday": )" +
                 std::to_string(weekday_of(today_)) +
                 R"(, "start": "09:30", "end": "24:00", "slot_minutes": 5, "capacity": 5})");
    EXPECT_EQ(r.status, 201) << r.body;
    r = post("/api/v1/appointments/admin/slots/generate",
             R"({"from": ")" + today_ + R"(", "to": ")" + today_ + R"("})");
    EXPECT_EQ(r.status, 200) << r.body;
    r = get("/api/v1/appointments/slots?clinic=PK-NOI&from=" + today_ + "&to=" + today_);
    EXPECT_EQ(r.status, 200) << r.body;
    auto items = r.json()->getArray("items");
    for (std::size_t i = 0; items && i < items->size(); ++i) {
      auto s = items->getObject(static_cast<unsigned>(i));
      EXPECT_TRUE(s->get("clinic_id").isString());
      EXPECT_EQ(s->getValue<std::string>("clinic_id"), "PK-NOI");
      EXPECT_EQ(s->getValue<std::string>("doctor_id"), "bs.lan");
      if (s->getValue<bool>("bookable")) return s->getValue<long long>("id");
    }
    ADD_FAILURE() << "no bookable slot today: " << r.body;
    return 0;
  }

  const std::string today_ = local_day(0);
  TestBackend backend_;
  TempDir dir_;
  std::unique_ptr<soci::session> his_;
  std::unique_ptr<hisx::testing::Harness> harness_;
};

TEST_F(HisCodes, AdminListsTheHisCodesAsText) {
  auto r = get("/api/v1/appointments/admin/his-clinics");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"PK-NHI")"));
  EXPECT_THAT(
      r.body,
      HasSubstr(
          R"("clinic_id":"PK-NOI","code":"PK-NOI","name":"Phòng khám Nội","department_id":"K01")"));

  r = get("/api/v1/appointments/admin/his-doctors");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("doctor_id":"bs.lan","code":"NV01")"));
  EXPECT_THAT(r.body, HasSubstr(R"("department_id":"K01")"));
  EXPECT_THAT(r.body, HasSubstr(R"("doctor_id":"bs.minh")"));

  r = harness_->put("/api/v1/appointments/admin/clinics/PK-NOI", R"({"channels": ["phone"]})",
                    "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"PK-NOI")"));
  EXPECT_THAT(r.body, HasSubstr(R"("department_id":"K01")"));
  r = get("/api/v1/appointments/admin/clinics");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"PK-NOI","code":"PK-NOI")"));

  // A code the HIS does not list, and a doctor it does not know, are refused by name.
  r = harness_->put("/api/v1/appointments/admin/clinics/PK-XYZ", R"({"channels": ["phone"]})",
                    "admin");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr("PK-XYZ"));
  r = post("/api/v1/appointments/admin/templates",
           R"({"clinic_id": "PK-NOI", "doctor_id": "bs.nobody", "weekday": 1, "start": "08:00",)"
           R"( "end": "09:00", "slot_minutes": 15, "capacity": 2})");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr("bs.nobody"));

  // The his plugin gives the HIS's ids as text too.
  r = get("/api/v1/his/patients/007", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("id":"007","code":"007","full_name":"Phạm Thị Bảy")"));
  r = get("/api/v1/his/patients?q=bay", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("id":"007")"));
  r = get("/api/v1/his/departments", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("id":"K01","code":"K01","name":"Khoa Nội")"));
  EXPECT_EQ(get("/api/v1/his/patients/BN9999", "receptionist").status, 404);
}

TEST_F(HisCodes, BookCheckInFhirAndEventsCarryTheCodes) {
  const long long slot = open_pk_noi();
  ASSERT_GT(slot, 0);

  auto r =
      post("/api/v1/appointments/bookings", R"({"patient_id": "007", "slot_id": )" +
                                                std::to_string(slot) + R"(, "channel": "phone"})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto booking = r.json();
  EXPECT_TRUE(booking->get("patient_id").isString()) << r.body;
  EXPECT_EQ(booking->getValue<std::string>("patient_id"), "007");
  EXPECT_EQ(booking->getValue<std::string>("clinic_id"), "PK-NOI");
  EXPECT_EQ(booking->getValue<std::string>("doctor_id"), "bs.lan");
  const long long id = booking->getValue<long long>("id");
  EXPECT_THAT(r.body, HasSubstr(R"("patient_id":"007")"));

  // An unknown patient code is refused, naming it; "7" is not "007".
  r = post("/api/v1/appointments/bookings", R"({"patient_id": "7", "slot_id": )" +
                                                std::to_string(slot) + R"(, "channel": "phone"})");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr("patient_id"));

  // The store keeps the code as it is (no integer affinity turning it into 7).
  std::string patient, clinic, doctor;
  *harness_->store() << "SELECT patient_id, clinic_id, doctor_id FROM hisx_appointments_bookings "
                        "WHERE id = :id",
      soci::use(id), soci::into(patient), soci::into(clinic), soci::into(doctor);
  EXPECT_EQ(patient, "007");
  EXPECT_EQ(clinic, "PK-NOI");
  EXPECT_EQ(doctor, "bs.lan");

  // Check-in registers the visit in the HIS with the codes.
  r = post("/api/v1/appointments/bookings/" + std::to_string(id) + "/check-in", "", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()->getValue<bool>("visit_registered")) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("patient_id"), "007");
  int visits = 0;
  *his_ << "SELECT COUNT(*) FROM luot_kham WHERE ma_bn = '007' AND ma_phong = 'PK-NOI'",
      soci::into(visits);
  EXPECT_EQ(visits, 1);

  // The check-in desk finds the booking by the patient code.
  r = get("/api/v1/appointments/check-in/search?q=007", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("patient_id":"007")"));

  // FHIR: the references carry the HIS ids; a search by patient finds the booking.
  r = get("/fhir/r4/Appointment/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("reference":"Patient/007")"));
  EXPECT_THAT(r.body, HasSubstr(R"("reference":"Location/PK-NOI")"));
  EXPECT_THAT(r.body, HasSubstr(R"("reference":"Practitioner/bs.lan")"));
  r = get("/fhir/r4/Appointment?patient=Patient/007");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("total"), 1) << r.body;
  r = get("/fhir/r4/Schedule/PK-NOI");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("id":"PK-NOI")"));
  r = get("/fhir/r4/Slot?schedule=Schedule/PK-NOI&_count=1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("reference":"Schedule/PK-NOI")"));

  // The events carry the ids as strings.
  auto booked = harness_->published("appointment.booked");
  ASSERT_EQ(booked.size(), 1u);
  const auto& p = booked.front().payload;
  EXPECT_TRUE(p->get("patient_id").isString());
  EXPECT_EQ(p->getValue<std::string>("patient_id"), "007");
  EXPECT_EQ(p->getValue<std::string>("clinic_id"), "PK-NOI");
  EXPECT_EQ(p->getValue<std::string>("department_id"), "K01");
  auto checked_in = harness_->published("appointment.checked_in");
  ASSERT_EQ(checked_in.size(), 1u);
  EXPECT_EQ(checked_in.front().payload->getValue<std::string>("patient_id"), "007");
  EXPECT_EQ(checked_in.front().payload->getValue<std::string>("clinic_id"), "PK-NOI");
  auto capacity = harness_->published("schedule.capacity_changed");
  ASSERT_FALSE(capacity.empty());
  EXPECT_EQ(capacity.front().payload->getValue<std::string>("clinic_id"), "PK-NOI");
  EXPECT_EQ(capacity.front().payload->getValue<std::string>("department_id"), "K01");
}

TEST_F(HisCodes, ReexamOrdersKeepTheCodes) {
  open_pk_noi();
  auto r = post("/api/v1/appointments/reexams",
                R"({"patient_id": "BN0001", "clinic_id": "PK-NOI", "doctor_id": "bs.lan",)"
                R"( "visit_id": "LK-2025-0001", "due_date": ")" +
                    local_day(14) + R"("})",
                "doctor");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("patient_id":"BN0001")"));
  EXPECT_THAT(r.body, HasSubstr(R"("visit_id":"LK-2025-0001")"));
  r = get("/api/v1/appointments/reexams?patient_id=BN0001", "doctor");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("count"), 1) << r.body;
}

}  // namespace
}  // namespace hisx::test::integration
