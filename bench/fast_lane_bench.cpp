// fast_lane under load on PostgreSQL, side by side on one host, so that ratios (not absolute
// rates) compare across machines:
// 1. payments per second with kPayClients cashiers at once over HTTP (`POST
//    /api/v1/fast-lane/payments` to a real hisxd on the demo HIS, each cashier with its own
//    open shift and its own patients' open invoices), beside the same payment transaction sent
//    straight to the database by as many connections, and by kPoolSize (hisxd's pool, the
//    concurrency hisxd itself reaches the database with): the receipt-book counter, the
//    payment, charge and line rows, the HIS invoice UPDATE (the demo profile's payment.record)
//    and the payment.completed outbox row;
// 2. the latency of "next" at a window (`POST /api/v1/fast-lane/windows/{code}/next`) over a
//    queue of kQueue waiting tickets: kWindows windows calling at once beside one window alone.
// No timed assertion; it checks that every payment and call did what it says. Run by bench/run
// with HISX_TEST_PG_DIR pointing at a throwaway cluster.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/backend.h"
#include "support/host_process.h"
#include "support/http_client.h"
#include "support/pg.h"

namespace {

using namespace hisx::test;
using Clock = std::chrono::steady_clock;

constexpr int kPayClients = 32;       // cashiers paying at once
constexpr int kPaysPerClient = 30;    // timed payments per cashier (and per connection)
constexpr int kPoolSize = 8;          // hisxd's database.his.pool_size (config/hisx.yaml)
constexpr int kWindows = 8;           // windows calling at once
constexpr int kCallsAlone = 400;      // calls of the window alone
constexpr int kQueue = 3000;          // waiting tickets at the start of each call measurement
constexpr int kIssuers = 8;           // clients issuing the tickets (not timed)
constexpr long long kTotal = 200000;  // each invoice: total, BHYT share, patient share
constexpr long long kInsurance = 150000;
constexpr long long kPatientShare = 50000;

std::string last_line(const std::string& text) {
  std::string line, last;
  for (char c : text) {
    if (c == '\n') {
      if (!line.empty()) last = line;
      line.clear();
    } else {
      line += c;
    }
  }
  return line.empty() ? last : line;
}

HttpResult expect(HttpResult r, int status, const std::string& what) {
  if (r.status != status) {
    throw std::runtime_error(what + ": expected " + std::to_string(status) + ", got " +
                             std::to_string(r.status) + " " + r.body);
  }
  return r;
}

// Runs fn(client, i) for i in [0, per_client) on `clients` threads at once (released together);
// the first exception thrown on any thread is rethrown here. Returns the seconds taken.
template <typename F>
double on_threads(int clients, int per_client, F fn) {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      ++ready;
      while (!go) std::this_thread::yield();
      try {
        for (int i = 0; i < per_client; ++i) fn(c, i);
      } catch (...) {
        std::lock_guard lock(failed_mutex);
        if (!failed) failed = std::current_exception();
      }
    });
  }
  while (ready < clients) std::this_thread::yield();
  const auto start = Clock::now();
  go = true;
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (failed) std::rethrow_exception(failed);
  return seconds;
}

// Nearest-rank percentile `p` (0–100) of `v`, in the unit of v.
double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * v.size())));
  return v[rank - 1];
}

std::string utc_text(std::chrono::system_clock::time_point t, bool micros) {
  using namespace std::chrono;
  const auto s = floor<seconds>(t);
  const auto d = floor<days>(s);
  const year_month_day ymd{d};
  const hh_mm_ss hms{s - d};
  char text[40];
  std::snprintf(
      text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld", int(ymd.year()),
      unsigned(ymd.month()), unsigned(ymd.day()), static_cast<long long>(hms.hours().count()),
      static_cast<long long>(hms.minutes().count()), static_cast<long long>(hms.seconds().count()));
  std::string out = text;
  if (micros) {
    std::snprintf(text, sizeof text, ".%06lld",
                  static_cast<long long>(duration_cast<microseconds>(t - s).count()));
    out += text;
  }
  return out + "Z";
}

// The local day (the demo's UTC+7) as YYYY-MM-DD, and its year.
std::pair<std::string, int> local_day() {
  const auto t = std::chrono::system_clock::now() + std::chrono::hours(7);
  const std::string text = utc_text(t, false).substr(0, 10);
  return {text, std::stoi(text.substr(0, 4))};
}

std::string random_uuid(std::mt19937_64& rng) {
  const unsigned long long a = rng(), b = rng();
  char text[40];
  std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-a%03llx-%012llx", a >> 32,
                (a >> 16) & 0xffff, a & 0xfff, (b >> 48) & 0xfff, b & 0xffffffffffffULL);
  return text;
}

struct Patient {
  std::string id, code, name;
};

struct Cashier {
  std::string key;
  long long shift_id = 0;
  std::string window;
  std::vector<Patient> patients;  // one a payment, the first one for the warm-up
  std::vector<std::string> http_invoices, direct_invoices;
};

// One open invoice of `patient` in the demo HIS's hoa_don; returns its id.
std::string insert_invoice(soci::session& his, const std::string& patient) {
  long long id = 0;
  his << "INSERT INTO hoa_don (benh_nhan_id, tong_tien, bhyt_chi_tra, benh_nhan_tra, trang_thai, "
         "thoi_gian_tao) VALUES (CAST(:p AS BIGINT), :t, :i, :s, 'open', "
         "now() AT TIME ZONE 'UTC') RETURNING id",
      soci::use(patient), soci::use(kTotal), soci::use(kInsurance), soci::use(kPatientShare),
      soci::into(id);
  return std::to_string(id);
}

// What the plugin writes in one payment's store transaction when the HIS is the store database
// (payment_service.cpp pay(), payment_store.cpp, the demo profile's payment.record, the host's
// outbox), one statement at a time as it sends them. Not included: the idempotency record and
// the reads before and after (patient, open charges, shift, ticket, the payment read back).
void pay_straight(soci::session& db, const Cashier& c, const Patient& p, const std::string& invoice,
                  const std::string& day, int year, std::mt19937_64& rng) {
  const std::string book = "A", method = "cash", cashier = "bench-" + c.window,
                    name = "Bench " + c.window, service = "Viện phí lượt khám", quantity = "1";
  const long long tendered = kPatientShare, change = 0;
  const std::string paid_at = utc_text(std::chrono::system_clock::now(), false);
  soci::transaction tx(db);
  db << "INSERT INTO hisx_fast_lane_receipt_books (book, year) VALUES (:b, :y) "
        "ON CONFLICT DO NOTHING",
      soci::use(book), soci::use(year);
  long long sequence = 0;
  db << "UPDATE hisx_fast_lane_receipt_books SET last_sequence = last_sequence + 1 "
        "WHERE book = :b AND year = :y RETURNING last_sequence",
      soci::use(book), soci::use(year), soci::into(sequence);
  char receipt[40];
  std::snprintf(receipt, sizeof receipt, "%s-%d-%06lld", book.c_str(), year, sequence);
  const std::string receipt_no = receipt, state = "recorded";
  long long id = 0;
  db << "INSERT INTO hisx_fast_lane_payments (patient_id, patient_code, patient_name, amount, "
        "method, tendered, change_due, reference, receipt_no, his_state, his_recorded_at, "
        "window_code, ticket_id, shift_id, paid_at, paid_by, paid_by_name, day) VALUES (:pid, "
        ":pcode, :pname, :amount, :method, :tendered, :change, NULL, :receipt, :his, :rec, :w, "
        "NULL, :shift, :at, :by, :byname, :day) RETURNING id",
      soci::use(p.id), soci::use(p.code), soci::use(p.name), soci::use(kPatientShare),
      soci::use(method), soci::use(tendered), soci::use(change), soci::use(receipt_no),
      soci::use(state), soci::use(paid_at), soci::use(c.window), soci::use(c.shift_id),
      soci::use(paid_at), soci::use(cashier), soci::use(name), soci::use(day), soci::into(id);
  db << "INSERT INTO hisx_fast_lane_payment_charges (payment_id, charge_id, paid_charge_id, "
        "total, insurance_share, patient_share) VALUES (:p, :c, :paid, :t, :i, :s)",
      soci::use(id), soci::use(invoice), soci::use(invoice), soci::use(kTotal),
      soci::use(kInsurance), soci::use(kPatientShare);
  const int position = 1;
  db << "INSERT INTO hisx_fast_lane_payment_lines (payment_id, position, charge_id, line_id, "
        "service_name, quantity, total, insurance_share, patient_share) VALUES (:p, :n, :c, "
        ":l, :name, :q, :t, :i, :s)",
      soci::use(id), soci::use(position), soci::use(invoice), soci::use(invoice),
      soci::use(service), soci::use(quantity), soci::use(kTotal), soci::use(kInsurance),
      soci::use(kPatientShare);
  soci::statement his =
      (db.prepare << "UPDATE hoa_don SET trang_thai = 'paid', "
                     "thoi_gian_thu = CAST(:paid_at AS TIMESTAMPTZ) AT TIME ZONE 'UTC' "
                     "WHERE id = CAST(:charge_id AS BIGINT) AND trang_thai = 'open'",
       soci::use(paid_at), soci::use(invoice));
  his.execute(true);
  if (his.get_affected_rows() != 1) throw std::runtime_error("invoice " + invoice + " not open");
  const std::string payload =
      R"({"payment_id":)" + std::to_string(id) + R"(,"patient_id":")" + p.id + R"(","amount":)" +
      std::to_string(kPatientShare) + R"(,"charge_ids":[")" + invoice + R"("],"receipt_no":")" +
      receipt_no + R"(","day":")" + day + R"(","method":"cash","paid_at":")" + paid_at +
      R"(","window":")" + c.window + R"(","by":")" + cashier + R"("})";
  const std::string event_id = random_uuid(rng), event = "payment.completed", source = "fast_lane",
                    occurred = utc_text(std::chrono::system_clock::now(), true);
  const int version = 2;
  db << "INSERT INTO hisx_host_outbox (id, name, source, payload, occurred_at, version) "
        "VALUES (:id, :name, :source, :payload, :occurred_at, :version)",
      soci::use(event_id), soci::use(event), soci::use(source), soci::use(payload),
      soci::use(occurred), soci::use(version);
  tx.commit();
}

std::string pay_body(const Patient& p, const std::string& invoice) {
  return R"({"patient_id": ")" + p.id + R"(", "charge_ids": [")" + invoice +
         R"("], "method": "cash", "tendered": )" + std::to_string(kPatientShare) + "}";
}

long long count(soci::session& db, const std::string& sql) {
  long long n = 0;
  db << sql, soci::into(n);
  return n;
}

}  // namespace

int main() try {
  const auto run_start = Clock::now();
  // Always PostgreSQL: the straight-to-the-database baseline is its SQL.
  auto database = std::make_shared<PgDatabase>();
  HostOptions options;
  options.backend = TestBackend{
      "postgresql",
      {"database.his.backend=postgresql", "database.his.connection=" + database->conninfo()},
      database};
  const int patients_needed = kPayClients * (kPaysPerClient + 1);
  options.overrides = {"demo.patients=" + std::to_string(patients_needed + 50), "demo.days=1",
                       "plugins.enabled=[his, fast_lane]"};
  HostProcess host(options);
  host.start();
  auto key = [&](const std::string& role, const std::string& name) {
    return last_line(host.run_cli({"apikey", "create", "--name", name, "--role", role}).out);
  };
  HttpClient http("127.0.0.1", host.port());
  soci::session db(*soci::factory_postgresql(), database->conninfo());
  const auto today = local_day();
  const std::string day = today.first;
  const int year = today.second;

  // --- 1. Payments --------------------------------------------------------------------------
  std::vector<Patient> patients;
  {
    soci::rowset<soci::row> rows =
        (db.prepare << "SELECT CAST(id AS TEXT), ma_bn, ho_ten FROM benh_nhan ORDER BY id LIMIT "
                    << patients_needed);
    for (const auto& r : rows) {
      patients.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)});
    }
    if (static_cast<int>(patients.size()) < patients_needed) {
      throw std::runtime_error("the demo HIS has too few patients");
    }
  }
  std::vector<Cashier> cashiers(kPayClients);
  {
    soci::transaction tx(db);
    for (int c = 0; c < kPayClients; ++c) {
      Cashier& cashier = cashiers[static_cast<std::size_t>(c)];
      cashier.key = key("cashier", "bench-cashier-" + std::to_string(c + 1));
      cashier.window = "Q" + std::to_string(c + 1);
      for (int i = 0; i <= kPaysPerClient; ++i) {
        const Patient& p = patients[static_cast<std::size_t>(c * (kPaysPerClient + 1) + i)];
        cashier.patients.push_back(p);
        cashier.http_invoices.push_back(insert_invoice(db, p.id));
      }
    }
    tx.commit();
  }
  for (auto& c : cashiers) {
    c.shift_id =
        expect(http.post("/api/v1/fast-lane/shifts",
                         R"({"opening_float": 0, "window": ")" + c.window + R"("})", c.key),
               201, "open a shift")
            .json()
            ->getValue<long long>("id");
  }
  auto pay_http = [&](int c, int i) {
    const Cashier& cashier = cashiers[static_cast<std::size_t>(c)];
    HttpClient client("127.0.0.1", host.port());
    expect(
        client.post("/api/v1/fast-lane/payments",
                    pay_body(cashier.patients[static_cast<std::size_t>(i)],
                             cashier.http_invoices[static_cast<std::size_t>(i)]),
                    cashier.key,
                    {{"Idempotency-Key", "bench-" + std::to_string(c) + "-" + std::to_string(i)}}),
        201, "pay");
  };
  on_threads(kPayClients, 1, pay_http);  // warm-up: the first invoice of each cashier
  const double http_seconds =
      on_threads(kPayClients, kPaysPerClient, [&](int c, int i) { pay_http(c, i + 1); });

  // The same transaction straight to the database by `n` connections at once, connection k
  // paying for cashiers k, k + n, …, on a fresh batch of invoices of the same patients
  // (inserted now, so that the HTTP payments read only their own); returns the seconds of the
  // timed payments (all but each cashier's first).
  auto run_direct = [&](int n) {
    std::vector<std::string> invoices;  // cashier c's i-th: c * (kPaysPerClient + 1) + i
    {
      soci::transaction tx(db);
      for (const auto& c : cashiers) {
        for (const auto& p : c.patients) invoices.push_back(insert_invoice(db, p.id));
      }
      tx.commit();
    }
    std::vector<std::unique_ptr<soci::session>> connections;
    std::vector<std::mt19937_64> rngs;
    for (int k = 0; k < n; ++k) {
      connections.push_back(
          std::make_unique<soci::session>(*soci::factory_postgresql(), database->conninfo()));
      rngs.emplace_back(std::random_device{}());
    }
    const int per_connection = kPayClients / n;
    auto pay = [&](int k, int c, int i) {
      const Cashier& cashier = cashiers[static_cast<std::size_t>(c)];
      pay_straight(*connections[static_cast<std::size_t>(k)], cashier,
                   cashier.patients[static_cast<std::size_t>(i)],
                   invoices[static_cast<std::size_t>(c * (kPaysPerClient + 1) + i)], day, year,
                   rngs[static_cast<std::size_t>(k)]);
    };
    on_threads(n, per_connection, [&](int k, int j) { pay(k, k + j * n, 0); });  // warm-up
    return on_threads(n, per_connection * kPaysPerClient, [&](int k, int j) {
      pay(k, k + (j % per_connection) * n, 1 + j / per_connection);
    });
  };
  const double direct_seconds = run_direct(kPayClients);
  const double pool_seconds = run_direct(kPoolSize);

  const long long payments_made = 3LL * kPayClients * (kPaysPerClient + 1);
  if (count(db, "SELECT COUNT(*) FROM hisx_fast_lane_payments") != payments_made ||
      count(db, "SELECT COUNT(DISTINCT receipt_no) FROM hisx_fast_lane_payments") !=
          payments_made ||
      count(db, "SELECT CAST(SUM(last_sequence) AS BIGINT) FROM hisx_fast_lane_receipt_books") !=
          payments_made ||
      count(db,
            "SELECT COUNT(*) FROM hoa_don h JOIN hisx_fast_lane_payment_charges c ON "
            "CAST(h.id AS TEXT) = c.charge_id WHERE h.trang_thai = 'paid'") != payments_made) {
    throw std::runtime_error("the payments, receipt numbers and paid invoices do not add up");
  }
  const int timed_payments = kPayClients * kPaysPerClient;
  const double http_rate = timed_payments / http_seconds;
  const double direct_rate = timed_payments / direct_seconds;
  const double pool_rate = timed_payments / pool_seconds;

  // --- 2. Call-next latency -----------------------------------------------------------------
  const std::string lead = key("cashier_lead", "bench-lead");
  const std::string desk = key("receptionist", "bench-desk");
  std::vector<std::string> windows;
  for (int w = 0; w < kWindows; ++w) {
    windows.push_back("B" + std::to_string(w + 1));
    expect(
        http.request("PUT", "/api/v1/fast-lane/windows/" + windows.back(),
                     R"({"name": "Quầy )" + windows.back() + R"(", "mode": "mixed"})",
                     {{"Authorization", "Bearer " + lead}, {"Content-Type", "application/json"}}),
        200, "set up a window");
  }
  auto waiting = [&] {
    return count(db, "SELECT COUNT(*) FROM hisx_fast_lane_tickets WHERE status = 'waiting'");
  };
  std::atomic<long long> issued{0};
  // Issues tickets until kQueue wait: one in three in the fast lane (a staff-given group).
  auto fill_queue = [&] {
    const long long missing = kQueue - waiting();
    if (missing <= 0) return;
    const int per_issuer = static_cast<int>((missing + kIssuers - 1) / kIssuers);
    on_threads(kIssuers, per_issuer, [&](int, int) {
      const long long n = issued++;
      HttpClient client("127.0.0.1", host.port());
      expect(client.post("/api/v1/fast-lane/tickets",
                         n % 3 == 0 ? R"({"priority_group": "disability"})" : "{}", desk),
             201, "issue a ticket");
    });
  };
  std::mutex seen_mutex;
  std::set<std::string> seen;  // every label called: none twice
  // One press of "next" until a ticket is called: a 503 `busy` (the window lost the race for
  // the head of the queue too often) is pressed again at once, as its message asks, and
  // counted. The latency is the whole wait, retries included.
  std::atomic<int> busy{0};
  auto call = [&](const std::string& window, const std::string& cashier_key) {
    HttpClient client("127.0.0.1", host.port());
    const auto t = Clock::now();
    for (int attempt = 0;; ++attempt) {
      auto r = client.post("/api/v1/fast-lane/windows/" + window + "/next", "{}", cashier_key);
      if (r.status == 503 && r.body.find("problem:busy") != std::string::npos && attempt < 50) {
        ++busy;
        continue;
      }
      expect(r, 200, "call next at " + window);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
      const auto called = r.json()->getObject("called");
      if (called.isNull()) throw std::runtime_error("no ticket called at " + window);
      std::lock_guard lock(seen_mutex);
      if (!seen.insert(called->getValue<std::string>("label")).second) {
        throw std::runtime_error("a ticket was called twice");
      }
      return ms;
    }
  };

  fill_queue();
  const long long queue_alone = waiting();
  std::vector<double> alone_ms;
  for (int i = 0; i < kCallsAlone; ++i) alone_ms.push_back(call(windows[0], cashiers[0].key));
  const int busy_alone = busy.exchange(0);

  fill_queue();
  const long long queue_together = waiting();
  std::vector<std::vector<double>> window_ms(kWindows);
  on_threads(kWindows, kCallsAlone / kWindows, [&](int w, int) {
    window_ms[static_cast<std::size_t>(w)].push_back(
        call(windows[static_cast<std::size_t>(w)], cashiers[static_cast<std::size_t>(w)].key));
  });
  const int busy_together = busy.exchange(0);
  std::vector<double> together_ms;
  for (const auto& v : window_ms) together_ms.insert(together_ms.end(), v.begin(), v.end());

  const double alone_p50 = percentile(alone_ms, 50), alone_p95 = percentile(alone_ms, 95);
  const double together_p50 = percentile(together_ms, 50),
               together_p95 = percentile(together_ms, 95);

  std::printf("fast_lane bench, PostgreSQL (%u hardware threads; took %.0f s)\n",
              std::thread::hardware_concurrency(),
              std::chrono::duration<double>(Clock::now() - run_start).count());
  std::printf("  payments, %d cashiers x %d over HTTP:  %7.1f /s\n", kPayClients, kPaysPerClient,
              http_rate);
  std::printf("  the same SQL, %2d connections at once:  %7.1f /s   ratio to HTTP %.2f\n",
              kPayClients, direct_rate, direct_rate / http_rate);
  std::printf("  the same SQL, %2d connections at once:  %7.1f /s   ratio to HTTP %.2f\n",
              kPoolSize, pool_rate, pool_rate / http_rate);
  std::printf(
      "  call next, one window alone:          median %7.2f ms  p95 %7.2f ms  %4zu calls, %4d busy"
      " (from %lld waiting)\n",
      alone_p50, alone_p95, alone_ms.size(), busy_alone, queue_alone);
  std::printf(
      "  call next, %d windows at once:         median %7.2f ms  p95 %7.2f ms  %4zu calls, %4d busy"
      " (from %lld waiting)   ratio %.2f, p95 %.2f\n",
      kWindows, together_p50, together_p95, together_ms.size(), busy_together, queue_together,
      together_p50 / alone_p50, together_p95 / alone_p95);
  host.stop();
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_fast_lane: " << e.what() << "\n";
  return 1;
}
