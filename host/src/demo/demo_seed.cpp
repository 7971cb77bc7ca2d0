#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "demo/demo_activity.h"
#include "demo/demo_bulk.h"
#include "demo/demo_calendar.h"
#include "demo/demo_catalogue.h"
#include "demo/demo_his.h"
#include "demo/demo_patients.h"
#include "demo/demo_schema.h"

namespace hisx::host {

namespace {

using demo::BulkInsert;
using demo::Cell;
using demo::format_date;
using demo::format_timestamp;

// Progress is reported every this many rows of a step.
constexpr long kProgressEvery = 1000;

void check_options(const DemoSeedOptions& o) {
  if (o.patients < 1 || o.patients > 500'000) {
    throw std::runtime_error("demo.patients must be between 1 and 500000, not " +
                             std::to_string(o.patients));
  }
  if (o.days < 1 || o.days > 366) {
    throw std::runtime_error("demo.days must be between 1 and 366, not " + std::to_string(o.days));
  }
  if (o.visits_per_day < 0 || o.visits_per_day > 20'000) {
    throw std::runtime_error("demo visits_per_day must be between 0 and 20000, not " +
                             std::to_string(o.visits_per_day));
  }
}

void refuse_unless_empty(soci::session& session) {
  for (const auto& table : demo::demo_tables()) {
    long long rows = 0;
    session << "SELECT COUNT(*) FROM " + table, soci::into(rows);
    if (rows > 0) {
      throw std::runtime_error("the demo HIS database already holds data (" + table + " has " +
                               std::to_string(rows) +
                               " rows): seeding is refused so that no existing record changes");
    }
  }
}

Cell id(long long v) { return Cell{v}; }
Cell text(std::string v) { return Cell{std::move(v)}; }
Cell optional_text(const std::optional<std::string>& v) {
  return v ? Cell{*v} : Cell{std::nullopt};
}
Cell timestamp(std::chrono::sys_seconds t) { return Cell{format_timestamp(t)}; }

// Writes `rows` with `to_cells` through one BulkInsert, reporting progress of `step`.
template <typename Row, typename ToCells>
void insert_step(soci::session& s, const std::string& backend, const std::string& table,
                 std::vector<std::string> columns, const std::vector<Row>& rows,
                 std::string_view step, const DemoProgress& progress, ToCells to_cells) {
  BulkInsert bulk(s, backend, table, std::move(columns));
  const long total = static_cast<long>(rows.size());
  long done = 0;
  if (rows.empty() && progress) progress(step, 0, 0);
  for (const auto& row : rows) {
    bulk.add(to_cells(row));
    if (++done % kProgressEvery == 0 || done == total) {
      bulk.flush();
      if (progress) progress(step, done, total);
    }
  }
  bulk.flush();
}

// Departments, clinics and doctors, reported as one step.
void insert_catalogues(soci::session& s, const std::string& backend, const DemoProgress& progress) {
  const long total = static_cast<long>(demo::departments().size() + demo::clinics().size() +
                                       demo::doctors().size());
  long done = 0;
  const auto report = [&](std::size_t rows) {
    done += static_cast<long>(rows);
    if (progress) progress("catalogues", done, total);
  };
  BulkInsert departments(s, backend, "dm_khoa", {"id", "ma_khoa", "ten_khoa", "hoat_dong"});
  for (const auto& d : demo::departments()) {
    departments.add({id(d.id), text(d.code), text(d.name), id(d.active ? 1 : 0)});
  }
  departments.flush();
  report(demo::departments().size());

  BulkInsert clinics(s, backend, "dm_phong_kham",
                     {"id", "ma_phong", "ten_phong", "khoa_id", "hoat_dong"});
  for (const auto& c : demo::clinics()) {
    clinics.add({id(c.id), text(c.code), text(c.name), id(c.department_id), id(c.active ? 1 : 0)});
  }
  clinics.flush();
  report(demo::clinics().size());

  BulkInsert doctors(s, backend, "dm_bac_si",
                     {"id", "ma_bac_si", "chuc_danh", "ho_ten", "so_cchn", "khoa_id", "hoat_dong"});
  for (const auto& d : demo::doctors()) {
    doctors.add({id(d.id), text(d.code), text(d.title), text(d.name), text(d.licence),
                 id(d.department_id), id(d.active ? 1 : 0)});
  }
  doctors.flush();
  report(demo::doctors().size());
}

void insert_patients(soci::session& s, const std::string& backend,
                     const std::vector<demo::DemoPatient>& rows, const DemoProgress& progress) {
  insert_step(s, backend, "benh_nhan",
              {"id", "ma_bn", "ho_ten", "ho_ten_khong_dau", "ngay_sinh", "gioi_tinh", "dien_thoai",
               "so_the_bhyt", "dia_chi"},
              rows, "patients", progress, [](const demo::DemoPatient& p) {
                return std::vector<Cell>{id(p.id),
                                         text(p.code),
                                         text(p.full_name),
                                         text(p.folded_name),
                                         text(format_date(p.birth_date)),
                                         id(p.gender),
                                         optional_text(p.phone),
                                         optional_text(p.insurance_no),
                                         text(p.address)};
              });
}

void insert_visits(soci::session& s, const std::string& backend,
                   const std::vector<demo::DemoVisit>& rows, const DemoProgress& progress) {
  insert_step(
      s, backend, "luot_kham",
      {"id", "benh_nhan_id", "phong_kham_id", "bac_si_id", "thoi_gian", "trang_thai", "nguon"},
      rows, "visits", progress, [](const demo::DemoVisit& v) {
        return std::vector<Cell>{
            id(v.id),          id(v.patient_id),
            id(v.clinic_id),   v.doctor_id ? id(*v.doctor_id) : Cell{std::nullopt},
            timestamp(v.time), text(v.status),
            text(v.source)};
      });
}

void insert_orders(soci::session& s, const std::string& backend,
                   const std::vector<demo::DemoOrder>& rows, const DemoProgress& progress) {
  insert_step(s, backend, "chi_dinh_cls",
              {"id", "luot_kham_id", "benh_nhan_id", "loai", "ma_dich_vu", "ten_dich_vu", "don_gia",
               "thoi_gian", "trang_thai"},
              rows, "orders", progress, [](const demo::DemoOrder& o) {
                return std::vector<Cell>{id(o.id),     id(o.visit_id),       id(o.patient_id),
                                         text(o.kind), text(o.service_code), text(o.service_name),
                                         id(o.price),  timestamp(o.time),    text(o.status)};
              });
}

void insert_invoices(soci::session& s, const std::string& backend,
                     const std::vector<demo::DemoInvoice>& rows, const DemoProgress& progress) {
  insert_step(s, backend, "hoa_don",
              {"id", "benh_nhan_id", "luot_kham_id", "tong_tien", "bhyt_chi_tra", "benh_nhan_tra",
               "trang_thai", "thoi_gian_tao", "thoi_gian_thu"},
              rows, "invoices", progress, [](const demo::DemoInvoice& v) {
                return std::vector<Cell>{id(v.id),
                                         id(v.patient_id),
                                         id(v.visit_id),
                                         id(v.total),
                                         id(v.insurance_paid),
                                         id(v.patient_paid),
                                         text(v.status),
                                         timestamp(v.created),
                                         v.paid_at ? timestamp(*v.paid_at) : Cell{std::nullopt}};
              });
}

// Explicit ids do not move PostgreSQL's identity sequences; without this the HIS's next
// own insert (visit.register) would collide with id 1.
void advance_sequences(soci::session& s) {
  for (const auto& table : demo::demo_tables()) {
    const std::string sequence = "pg_get_serial_sequence('" + table + "', 'id')";
    const std::string next = "(SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + ")";
    long long value = 0;
    s << "SELECT setval(" + sequence + ", " + next + ", false)", soci::into(value);
  }
}

}  // namespace

DemoSeedSummary seed_demo(soci::session& session, const std::string& backend,
                          const DemoSeedOptions& options, const DemoProgress& progress) {
  check_options(options);
  if (backend != "sqlite3" && backend != "postgresql" && backend != "mysql") {
    throw std::invalid_argument(
        "the demo HIS supports the sqlite3, postgresql and mysql backends, not '" + backend + "'");
  }
  const sdk::TimeZone zone = sdk::TimeZone::locate(options.timezone);
  const auto last_day = options.end_date.empty()
                            ? demo::hospital_date(std::chrono::system_clock::now(), zone)
                            : demo::parse_date(options.end_date);
  const auto first_day = last_day - std::chrono::days{options.days - 1};

  if (!demo_schema_exists(session)) {
    throw std::runtime_error(
        "the demo HIS tables do not exist: create them with create_demo_schema() first");
  }

  // Everything is generated before the transaction opens, so that it stays short.
  demo::DemoRandom random(options.seed);
  const auto patients = demo::make_patients(random, options.patients, last_day);
  const auto activity =
      demo::make_activity(random, patients, first_day, last_day, options.visits_per_day, zone);

  soci::transaction tx(session);
  refuse_unless_empty(session);
  insert_catalogues(session, backend, progress);
  insert_patients(session, backend, patients, progress);
  insert_visits(session, backend, activity.visits, progress);
  insert_orders(session, backend, activity.orders, progress);
  insert_invoices(session, backend, activity.invoices, progress);
  if (backend == "postgresql") advance_sequences(session);
  tx.commit();

  DemoSeedSummary summary;
  summary.patients = static_cast<long>(patients.size());
  summary.departments = static_cast<long>(demo::departments().size());
  summary.clinics = static_cast<long>(demo::clinics().size());
  summary.doctors = static_cast<long>(demo::doctors().size());
  summary.visits = static_cast<long>(activity.visits.size());
  summary.orders = static_cast<long>(activity.orders.size());
  summary.invoices = static_cast<long>(activity.invoices.size());
  return summary;
}

}  // namespace hisx::host
