// Migration 0009 (HIS ids as text) on a store that ran 0001–0008 and holds bookings with
// whole-number HIS ids: every row survives with its ids as decimal text, a slot's "any
// doctor" key becomes '', the id counters go on where they were, and the columns keep codes
// such as '007' and 'K01' as they are (SQLite's integer affinity would make '007' 7).
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>

#include "appointments_fixture.h"
#include "support/backend.h"
#include "support/temp_dir.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

// The statements of a migration script: comments dropped, split on ';' outside quotes.
std::vector<std::string> statements(const std::string& script) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    if (!quoted && c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
      while (i < script.size() && script[i] != '\n') ++i;
      current += '\n';
      continue;
    }
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == ';') {
      if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

std::string sha256(const std::string& text) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(text);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

struct Shipped {
  int version;
  std::string name;
  std::string file;
};

// The plugin's migrations before 0009, as the migrator records them.
const std::vector<Shipped> kBefore = {{1, "create catalogue", "0001_create_catalogue"},
                                      {2, "create slots", "0002_create_slots"},
                                      {3, "create bookings", "0003_create_bookings"},
                                      {4, "create reexams", "0004_create_reexams"},
                                      {5, "create call attempts", "0005_create_call_attempts"},
                                      {6, "checkin", "0006_checkin"},
                                      {7, "drop idempotency", "0007_drop_idempotency"},
                                      {8, "clinic department", "0008_clinic_department"}};

class HisIdMigration : public ::testing::Test {
 protected:
  void SetUp() override {
    backend_ = backend_from_env();
    pg_ = backend_.name == "postgresql";
    overrides_ = backend_.overrides;
    for (const auto& o : small_demo()) overrides_.push_back(o);
    overrides_.push_back("plugins.settings.appointments.demo_seed=false");
    if (pg_) {
      store_ = std::make_unique<soci::session>(*soci::factory_postgresql(),
                                               backend_.database->conninfo());
    } else {
      const std::string file = (dir_.path() / "store.db").string();
      store_ = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=" + file);
      *store_ << "PRAGMA busy_timeout=10000";
      *store_ << "PRAGMA foreign_keys=ON";
      overrides_.push_back("database.store.backend=sqlite3");
      overrides_.push_back("database.store.connection=db=" + file);
    }
  }

  // Runs the migrations before 0009 and records them as the migrator does.
  void migrate_to_8() {
    const auto dir =
        std::filesystem::path(env("HISX_SOURCE_DIR")) / "plugins" / "appointments" / "migrations";
    *store_ << "CREATE TABLE hisx_schema_migrations (plugin VARCHAR(100) NOT NULL, version "
               "INTEGER NOT NULL, name VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
               "applied_at VARCHAR(32) NOT NULL, PRIMARY KEY (plugin, version))";
    for (const auto& m : kBefore) {
      std::string sql = read_text(dir / (m.file + ".sql"));
      const auto pg_file = dir / (m.file + ".postgresql.sql");
      if (pg_ && std::filesystem::exists(pg_file)) sql = read_text(pg_file);
      for (const auto& statement : statements(sql)) *store_ << statement;
      // Named values: soci::use() binds by reference until the statement runs.
      const std::string checksum = sha256(sql);
      *store_ << "INSERT INTO hisx_schema_migrations (plugin, version, name, checksum, "
                 "applied_at) VALUES ('appointments', :v, :n, :c, '2025-01-01T00:00:00Z')",
          soci::use(m.version), soci::use(m.name), soci::use(checksum);
    }
  }

  // Rows of a hospital that used 2.0 with whole-number HIS ids.
  void insert_integer_rows() {
    const std::string tomorrow = local_day(1);
    const std::string start = tomorrow + "T01:00:00Z", end = tomorrow + "T01:15:00Z";
    *store_ << "INSERT INTO hisx_appointments_clinics (clinic_id, channels, booking_window_days, "
               "same_day_cutoff, active, updated_at, updated_by, department_id) VALUES (3, "
               "'app,web,phone,reexam,walkin', 30, NULL, 1, 't', 'u', 1)";
    *store_ << "INSERT INTO hisx_appointments_templates (id, clinic_id, doctor_id, weekday, "
               "start_time, end_time, slot_minutes, capacity, quotas, created_at, updated_at) "
               "VALUES (1, 3, 5, 1, '08:00', '09:00', 15, 2, '', 't', 't')";
    *store_ << "INSERT INTO hisx_appointments_closures (id, clinic_id, from_date, to_date, "
               "reason, created_at, created_by) VALUES (1, 3, '2020-01-01', '2020-01-02', "
               "'Tết', 't', 'u')";
    *store_ << "INSERT INTO hisx_appointments_slots (id, clinic_id, doctor_id, doctor_key, "
               "template_id, local_date, start_utc, end_utc, capacity, booked, created_at) "
               "VALUES (1, 3, NULL, 0, NULL, :d, :s, :e, 2, 1, 't')",
        soci::use(tomorrow), soci::use(start), soci::use(end);
    *store_ << "INSERT INTO hisx_appointments_slots (id, clinic_id, doctor_id, doctor_key, "
               "template_id, local_date, start_utc, end_utc, capacity, booked, created_at) "
               "VALUES (2, 3, 5, 5, 1, :d, :s, :e, 2, 0, 't')",
        soci::use(tomorrow), soci::use(start), soci::use(end);
    *store_ << "INSERT INTO hisx_appointments_slot_channels (slot_id, channel, quota, booked) "
               "VALUES (1, 'phone', NULL, 1)";
    *store_ << "INSERT INTO hisx_appointments_slot_channels (slot_id, channel, quota, booked) "
               "VALUES (2, 'phone', NULL, 0)";
    *store_ << "INSERT INTO hisx_appointments_bookings (id, patient_id, slot_id, clinic_id, "
               "doctor_id, start_utc, end_utc, channel, status, priority, reason, created_by, "
               "created_at, updated_at) VALUES (40, 42, 1, 3, NULL, :s, :e, 'phone', "
               "'confirmed', 0, 'Đau đầu', 'u', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
        soci::use(start), soci::use(end);
    *store_ << "INSERT INTO hisx_appointments_booking_history (booking_id, at, action, "
               "to_status, to_slot_id, by_principal) VALUES (40, '2025-01-01T00:00:00Z', 'book', "
               "'confirmed', 1, 'u')";
    *store_ << "INSERT INTO hisx_appointments_patient_locks (patient_id, touched_at) VALUES (42, "
               "'t')";
    *store_ << "INSERT INTO hisx_appointments_reexams (id, patient_id, clinic_id, doctor_id, "
               "visit_id, first_due_date, window_before_days, window_after_days, occurrences, "
               "status, ordered_by, created_at, updated_at) VALUES (1, 42, 3, 5, 900, :d, 0, 3, "
               "1, 'active', 'u', 't', 't')",
        soci::use(tomorrow);
    *store_ << "INSERT INTO hisx_appointments_reexam_dues (reexam_id, seq, due_date, "
               "window_start, window_end, status, booking_id, updated_at) VALUES (1, 1, :d, :d2, "
               ":d3, 'booked', 40, 't')",
        soci::use(tomorrow), soci::use(tomorrow), soci::use(tomorrow);
    *store_ << "INSERT INTO hisx_appointments_queue_counters (clinic_id, day, last_number) VALUES "
               "(3, '2025-01-01', 7)";
    if (pg_) {
      // Rows written with explicit ids: move the identity counters past them, as use would.
      *store_ << "SELECT setval(pg_get_serial_sequence('hisx_appointments_bookings', 'id'), 40)";
      *store_ << "SELECT setval(pg_get_serial_sequence('hisx_appointments_slots', 'id'), 2)";
    }
  }

  TestBackend backend_;
  bool pg_ = false;
  TempDir dir_;
  std::unique_ptr<soci::session> store_;
  std::vector<std::string> overrides_;
};

TEST_F(HisIdMigration, IntegerRowsSurviveAndCodesRoundTrip) {
  migrate_to_8();
  insert_integer_rows();
  store_.reset();  // the host takes the store over (SQLite: one writer)

  hisx::testing::Harness h({.plugins = {"his", "appointments"}, .overrides = overrides_});
  auto store = h.store();

  // The catalogue clinic, its template and closure, with the ids as text.
  auto r = h.get("/api/v1/appointments/admin/clinics", "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"3")"));
  r = h.get("/api/v1/appointments/admin/templates?clinic=3", "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"3","doctor_id":"5")"));
  r = h.get("/api/v1/appointments/admin/closures", "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"3")"));

  // The booking, its slot and its history.
  r = h.get("/api/v1/appointments/bookings/40", "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  auto b = r.json();
  EXPECT_EQ(b->getValue<std::string>("patient_id"), "42");
  EXPECT_TRUE(b->get("patient_id").isString());
  EXPECT_EQ(b->getValue<std::string>("clinic_id"), "3");
  EXPECT_EQ(b->getValue<long long>("slot_id"), 1);
  EXPECT_EQ(b->getArray("history")->size(), 1u);
  r = h.get("/api/v1/appointments/reexams?patient_id=42", "doctor");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("visit_id":"900")"));

  std::string key_any, key_doctor, department, counter_clinic;
  *store << "SELECT doctor_key FROM hisx_appointments_slots WHERE id = 1", soci::into(key_any);
  *store << "SELECT doctor_key FROM hisx_appointments_slots WHERE id = 2", soci::into(key_doctor);
  *store << "SELECT department_id FROM hisx_appointments_clinics WHERE clinic_id = '3'",
      soci::into(department);
  *store << "SELECT clinic_id FROM hisx_appointments_queue_counters", soci::into(counter_clinic);
  EXPECT_EQ(key_any, "");
  EXPECT_EQ(key_doctor, "5");
  EXPECT_EQ(department, "1");
  EXPECT_EQ(counter_clinic, "3");

  // A new booking of the same patient takes the next id and sees the old one (overlap).
  r = h.post("/api/v1/appointments/bookings",
             R"({"patient_id": "42", "slot_id": 2, "channel": "phone"})", "admin");
  EXPECT_EQ(r.status, 409) << r.body;
  r = h.post("/api/v1/appointments/bookings",
             R"({"patient_id": 43, "slot_id": 2, "channel": "phone"})", "admin");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_GT(r.json()->getValue<long long>("id"), 40);
  EXPECT_THAT(r.body, HasSubstr(R"("patient_id":"43")"));

  // Codes keep their text: '007' stays '007', 'K01' stays 'K01'.
  *store << "INSERT INTO hisx_appointments_patient_locks (patient_id, touched_at) VALUES ('007', "
            "'t')";
  *store << "INSERT INTO hisx_appointments_clinics (clinic_id, channels, booking_window_days, "
            "active, updated_at, updated_by, department_id) VALUES ('K01', 'phone', 30, 1, 't', "
            "'u', '007')";
  std::string patient, clinic;
  *store << "SELECT patient_id FROM hisx_appointments_patient_locks WHERE patient_id = '007'",
      soci::into(patient);
  *store << "SELECT department_id FROM hisx_appointments_clinics WHERE clinic_id = 'K01'",
      soci::into(clinic);
  EXPECT_EQ(patient, "007");
  EXPECT_EQ(clinic, "007");
  r = h.get("/api/v1/appointments/admin/clinics", "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("clinic_id":"K01")"));
}

}  // namespace
}  // namespace hisx::test::integration
