#include "test_database.h"

#include <fstream>

namespace hisx::test {

TestDatabase::TestDatabase(const std::string& backend, int pool_size)
    : backend_(backend), pool_size_(pool_size) {
  if (backend == "postgresql") pg_ = std::make_unique<PgDatabase>();
}

host::DatabaseConfig TestDatabase::config(const std::string& key) const {
  host::DatabaseConfig cfg;
  cfg.key = key;
  cfg.backend = backend_;
  cfg.connection = pg_ ? pg_->conninfo() : "db=" + (dir_.path() / "hisx.db").string();
  cfg.pool_size = pool_size_;
  cfg.busy_timeout_ms = 5000;
  return cfg;
}

std::shared_ptr<host::DatabasePool> TestDatabase::open(int pool_size) const {
  auto cfg = config();
  if (pool_size > 0) cfg.pool_size = pool_size;
  return host::open_database(cfg);
}

const char* const kTestProfile = R"(profile: test
description: Tables of the db unit tests
values:
  gender: {map: {M: male, F: female}}
statements:
  patient.get:
    sql: |
      -- Mixed-case and quoted names come back lower-cased.
      SELECT id, code, full_name AS "Full_Name", birth_date, gender, phone, insurance_no,
             address, weight_kg, registered_at
      FROM his_patient WHERE id = :id;
  patient.search:
    sql: |
      SELECT id, code, full_name, birth_date, gender, phone, insurance_no, address
      FROM his_patient
      WHERE lower(code) = :q OR phone LIKE '%' || :q || '%' OR full_name LIKE '%' || :q || '%'
      ORDER BY id
      LIMIT :limit
  department.list:
    sql: SELECT id, code, name FROM his_department ORDER BY id
    sql_postgresql: SELECT id, code, name || ' (pg)' AS name FROM his_department ORDER BY id
  visit.register:
    sql: >
      INSERT INTO his_visit (patient_id, clinic_id, visit_time, source)
      VALUES (:patient_id, :clinic_id, :visit_time, :source)
  test.heavier_than:
    description: Not a standard statement; typed parameters.
    sql: SELECT COUNT(*) AS n FROM his_patient WHERE weight_kg > :kg AND id >= :min_id AND code <> :code
  test.phone_or_all:
    # PostgreSQL types each use of a parameter on its own: IS NULL alone needs a CAST.
    sql: >
      SELECT id FROM his_patient WHERE phone = :phone OR CAST(:phone AS VARCHAR(20)) IS NULL
         ORDER BY id
  test.move_visits:
    sql: UPDATE his_visit SET clinic_id = :to WHERE clinic_id = :from
)";

void create_his_tables(host::DatabasePool& db) {
  const bool pg = db.backend() == "postgresql";
  soci::session s(db.pool());
  s << "CREATE TABLE his_patient (id INTEGER PRIMARY KEY, code VARCHAR(20) NOT NULL, "
       "full_name VARCHAR(100) NOT NULL, birth_date DATE, gender VARCHAR(1), phone VARCHAR(20), "
       "insurance_no VARCHAR(20), address VARCHAR(200), weight_kg DOUBLE PRECISION, "
       "registered_at " +
           std::string(pg ? "TIMESTAMP" : "DATETIME") + ")";
  s << "CREATE TABLE his_department (id INTEGER PRIMARY KEY, code VARCHAR(20), name VARCHAR(100))";
  s << "CREATE TABLE his_doctor (id INTEGER PRIMARY KEY, code VARCHAR(20), full_name VARCHAR(100))";
  s << std::string("CREATE TABLE his_visit (id ") +
           (pg ? "SERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT") +
           ", patient_id INTEGER NOT NULL REFERENCES his_patient(id), clinic_id INTEGER NOT NULL, "
           "visit_time VARCHAR(20) NOT NULL, source VARCHAR(20))";
  s << "INSERT INTO his_patient VALUES (1, 'BN001', 'Nguyễn Văn An', '1980-02-03', 'M', NULL, "
       "'DN4010123456789', 'Huế', 70.5, '2024-01-05 08:30:00')";
  s << "INSERT INTO his_patient VALUES (2, 'BN002', 'Trần Thị Bình', '1992-11-30', 'F', "
       "'0905123456', NULL, 'Đà Nẵng', 52.25, '2024-01-06 00:00:00')";
  s << "INSERT INTO his_department VALUES (1, 'NOI', 'Khoa Nội')";
  s << "INSERT INTO his_department VALUES (2, 'NGOAI', 'Khoa Ngoại')";
}

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                 const std::string& text) {
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}

bool table_exists(host::DatabasePool& db, const std::string& table) {
  soci::session s(db.pool());
  int n = 0;
  if (db.backend() == "sqlite3") {
    s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :t", soci::into(n),
        soci::use(table);
  } else {
    s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :t", soci::into(n),
        soci::use(table);
  }
  return n > 0;
}

}  // namespace hisx::test
