// The appointments plugin on "HIS B" (tests/data/his-b), the second HIS schema, through its
// example profile alone: departments 'K01', clinic rooms 'PK-NOI', doctors by user name
// 'bs.lan', patients 'BN0001' and '007', names split in two, local wall-clock timestamps and
// the HIS's own codes. Every HIS id goes through hisx as opaque text: the admin lists, the
// catalogue, slots, a booking for patient '007', check-in with its HIS encounter, the FHIR
// references and the published events. HIS B is on the backend HISX_TEST_BACKEND names
// (make_his_b): SQLite (hisx's tables beside it), PostgreSQL (likewise) or MariaDB (hisx's
// tables in SQLite).
#include "support/his_b.h"

#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>

#include "appointments_fixture.h"
#include "support/backend.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// `t` as HIS B stores it: the wall-clock time of Asia/Ho_Chi_Minh (UTC+7, no DST),
// "YYYY-MM-DD HH:MM:SS".
std::string his_b_local_text(std::chrono::system_clock::time_point t) {
  const std::time_t local = std::chrono::system_clock::to_time_t(t + std::chrono::hours(7));
  std::tm tm{};
  gmtime_r(&local, &tm);
  char text[20];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
  return text;
}

class AppointmentsOnHisB : public ::testing::Test {
 protected:
  void SetUp() override {
    his_ = make_his_b(test_backend_name(), dir_.path());
    std::vector<std::string> overrides = his_.overrides;
    overrides.push_back("plugins.settings.appointments.demo_seed=false");
    overrides.push_back("clock.start=" + today_ + "T09:00:00+07:00");
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

  // ENCOUNTER.ARRIVED_AT as the text HIS B holds, whatever the column's type on the backend.
  std::string arrived_at_text() const {
    if (his_.backend == "postgresql") return "CAST(ARRIVED_AT AS TEXT)";
    if (his_.backend == "mysql") return "CAST(ARRIVED_AT AS CHAR)";
    return "ARRIVED_AT";
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
  TempDir dir_;
  HisB his_;
  std::unique_ptr<hisx::testing::Harness> harness_;
};

TEST_F(AppointmentsOnHisB, AdminListsTheHisCodesAsText) {
  auto r = get("/api/v1/appointments/admin/his-clinics");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(
      r.body,
      HasSubstr(
          R"("clinic_id":"PK-NHI","code":"PK-NHI","name":"Phòng khám Nhi","department_id":"K02")"));
  EXPECT_THAT(
      r.body,
      HasSubstr(
          R"("clinic_id":"PK-NOI","code":"PK-NOI","name":"Phòng khám Nội","department_id":"K01")"));
  // The inactive room is not listed.
  EXPECT_THAT(r.body, Not(HasSubstr("PK-CU")));

  // Doctors only (JOB 'BS'), named from the split name with the degree; not the nurse.
  r = get("/api/v1/appointments/admin/his-doctors");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("doctor_id":"bs.lan","code":"bs.lan",)"
                                R"("full_name":"BSCKI. Trần Thị Lan","department_id":"K01")"));
  EXPECT_THAT(r.body, HasSubstr(R"("doctor_id":"bs.minh","code":"bs.minh",)"
                                R"("full_name":"ThS. Lê Văn Minh","department_id":"K02")"));
  EXPECT_THAT(r.body, Not(HasSubstr("dd.hoa")));

  r = harness_->put("/api/v1/appointments/admin/clinics/PK-NOI", R"({"channels": ["phone"]})",
                    "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"PK-NOI")"));
  EXPECT_THAT(r.body, HasSubstr(R"("department_id":"K01")"));
  r = get("/api/v1/appointments/admin/clinics");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"PK-NOI","code":"PK-NOI")"));

  // A code the HIS does not list (unknown, or its inactive room), and a doctor it does not
  // know, are refused by name.
  for (const std::string code : {"PK-XYZ", "PK-CU"}) {
    r = harness_->put("/api/v1/appointments/admin/clinics/" + code, R"({"channels": ["phone"]})",
                      "admin");
    EXPECT_EQ(r.status, 422) << code << ": " << r.body;
    EXPECT_THAT(r.body, HasSubstr(code));
  }
  r = post("/api/v1/appointments/admin/templates",
           R"({"clinic_id": "PK-NOI", "doctor_id": "bs.nobody", "weekday": 1, "start": "08:00",)"
           R"( "end": "09:00", "slot_minutes": 15, "capacity": 2})");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr("bs.nobody"));

  // The his plugin gives the HIS's ids as text too, names joined, codes mapped.
  r = get("/api/v1/his/patients/007", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("id":"007","code":"007","full_name":"Nguyễn Văn An")"));
  EXPECT_THAT(r.body, HasSubstr(R"("gender":"male")"));
  r = get("/api/v1/his/patients/BN0001", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("full_name":"Đỗ Thị Bích")"));
  EXPECT_THAT(r.body, HasSubstr(R"("gender":"female")"));
  r = get("/api/v1/his/patients?q=bich", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("id":"BN0001")"));
  r = get("/api/v1/his/departments", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("id":"K01","code":"K01","name":"Khoa Khám bệnh")"));
  EXPECT_THAT(r.body, Not(HasSubstr("K99")));
  EXPECT_EQ(get("/api/v1/his/patients/BN9999", "receptionist").status, 404);
  EXPECT_EQ(get("/api/v1/his/patients/7", "receptionist").status, 404);
}

TEST_F(AppointmentsOnHisB, BookCheckInFhirAndEventsCarryTheCodes) {
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
  const std::string code = booking->getValue<std::string>("code");
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

  // Check-in registers the encounter in HIS B through its visit.register: numbered by the
  // booking's source, an outpatient waiting (its own codes NGT, CHO), arrived at the local
  // wall-clock time of the check-in (UTC + 7 h).
  const std::string arrived = his_b_local_text(harness_->clock().now());
  EXPECT_EQ(arrived, today_ + " 09:00:00");
  r = post("/api/v1/appointments/bookings/" + std::to_string(id) + "/check-in", "", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()->getValue<bool>("visit_registered")) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("patient_id"), "007");
  {
    auto his = harness_->his();
    int visits = 0;
    *his << "SELECT COUNT(*) FROM ENCOUNTER WHERE PATIENT_NO = '007' AND ROOM_CODE = 'PK-NOI'",
        soci::into(visits);
    EXPECT_EQ(visits, 2);  // KB-0001 of the seed, and this one
    const std::string source = "hisx:" + code;
    std::string number, type, room, dept, at, status, channel;
    *his << "SELECT ENCOUNTER_NO, ENCOUNTER_TYPE, ROOM_CODE, DEPT_CODE, " + arrived_at_text() +
                ", STATUS, CHANNEL FROM ENCOUNTER WHERE ENCOUNTER_NO = :source",
        soci::use(source), soci::into(number), soci::into(type), soci::into(room), soci::into(dept),
        soci::into(at), soci::into(status), soci::into(channel);
    EXPECT_EQ(number, source);
    EXPECT_EQ(type, "NGT");
    EXPECT_EQ(room, "PK-NOI");
    EXPECT_EQ(dept, "K01");
    EXPECT_EQ(at, arrived);
    EXPECT_EQ(status, "CHO");
    EXPECT_EQ(channel, "hisx");
  }

  // The check-in desk finds the booking by the patient code, named from HIS B.
  r = get("/api/v1/appointments/check-in/search?q=007", "receptionist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("patient_id":"007")"));
  EXPECT_THAT(r.body, HasSubstr(R"("full_name":"Nguyễn Văn An")"));

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

TEST_F(AppointmentsOnHisB, ReexamOrdersKeepTheCodes) {
  open_pk_noi();
  auto r = post("/api/v1/appointments/reexams",
                R"({"patient_id": "BN0001", "clinic_id": "PK-NOI", "doctor_id": "bs.lan",)"
                R"( "visit_id": "KB-0002", "due_date": ")" +
                    local_day(14) + R"("})",
                "doctor");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("patient_id":"BN0001")"));
  EXPECT_THAT(r.body, HasSubstr(R"("visit_id":"KB-0002")"));
  r = get("/api/v1/appointments/reexams?patient_id=BN0001", "doctor");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<int>("count"), 1) << r.body;
}

}  // namespace
}  // namespace hisx::test::integration
