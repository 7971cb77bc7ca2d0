#pragma once

#include <soci/soci.h>

#include <functional>
#include <string>
#include <string_view>

// The demo HIS: the database of an imaginary Vietnamese district hospital ("Trung tâm Y tế
// huyện Cao Lãnh") in the HIS vendor's own schema (benh_nhan, luot_kham, hoa_don, …), which
// config/his-profiles/demo.yaml maps onto hisx's standard statements. It lets `make run`
// start on an empty folder and gives tests realistic data.

namespace hisx::host {

/// What seed_demo() generates. The same options always give the same rows.
struct DemoSeedOptions {
  int patients = 3000;  ///< Patients registered (benh_nhan rows).
  int days = 7;         ///< Days of outpatient activity, ending with end_date.
  unsigned seed = 42;   ///< Seed of the pseudo-random generator.
  /// YYYY-MM-DD, the last seeded day (hospital local date); empty = today in `timezone`. Visits of
  /// that day are partly still open, earlier days are closed.
  std::string end_date;
  int visits_per_day = 600;  ///< Outpatient visits on an ordinary weekday (fewer at weekends).
  /// The hospital's IANA time zone: visits happen in its working hours, end_date is its day.
  std::string timezone = "Asia/Ho_Chi_Minh";
};

/// Reports progress: the step ("catalogues", "patients", "visits", "orders", "invoices"),
/// rows written so far in that step, and the step's total.
using DemoProgress = std::function<void(std::string_view step, long done, long total)>;

/// True when every demo HIS table exists in the session's database.
bool demo_schema_exists(soci::session& session);

/// Creates the demo HIS tables and indexes that do not exist yet, in one transaction.
/// `backend` is "sqlite3", "postgresql" or "mysql" (MariaDB); throws std::invalid_argument for
/// anything else.
void create_demo_schema(soci::session& session, const std::string& backend);

/// Row counts written by seed_demo().
struct DemoSeedSummary {
  long patients = 0;
  long departments = 0;
  long clinics = 0;
  long doctors = 0;
  long visits = 0;
  long orders = 0;
  long invoices = 0;
};

/// Fills the (existing, empty) demo schema in one transaction: nothing is written when it
/// throws. Throws std::runtime_error when the schema is missing, already holds data, or the
/// options are out of range (end_date not a YYYY-MM-DD date), and std::invalid_argument for
/// a backend other than "sqlite3", "postgresql" or "mysql".
DemoSeedSummary seed_demo(soci::session& session, const std::string& backend,
                          const DemoSeedOptions& options, const DemoProgress& progress = {});

}  // namespace hisx::host
