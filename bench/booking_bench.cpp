// Booking cost against a read, side by side on one host: how much the booking transaction
// (patient check through the HIS profile, capacity decided by the database, idempotency,
// outbox event, audit row) costs compared with an authenticated read of one booking, alone
// and with 8 clients at once on one slot. Ratios, not absolute times, are what compare
// across machines. Run by bench/run (one backend per run: HISX_TEST_BACKEND).
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/backend.h"
#include "support/host_process.h"
#include "support/http_client.h"

namespace {

using namespace hisx::test;
using Clock = std::chrono::steady_clock;

constexpr int kSequential = 200;  // bookings (and reads) one after another
constexpr int kConcurrent = 280;  // bookings (and reads) by kClients clients at once
constexpr int kClients = 8;
constexpr int kPatients = 600;  // distinct patients: one booking each

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

// Local day (UTC+7) two days ahead, and its ISO weekday.
std::pair<std::string, int> booking_day() {
  using namespace std::chrono;
  const auto d = floor<days>(system_clock::now() + hours(7)) + days(2);
  const year_month_day ymd{d};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return {text, static_cast<int>(weekday{d}.iso_encoding())};
}

double median_ms(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Runs `n` calls of `call(i)` on `clients` threads; returns calls per second.
template <typename F>
double throughput(int n, int clients, F call) {
  std::atomic<int> next{0};
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&] {
      for (int i = next++; i < n; i = next++) call(i);
    });
  }
  for (auto& t : threads) t.join();
  return n / std::chrono::duration<double>(Clock::now() - start).count();
}

std::string booking_body(int patient, long long slot) {
  return R"({"patient_id":)" + std::to_string(patient) + R"(,"slot_id":)" + std::to_string(slot) +
         R"(,"channel":"phone"})";
}

}  // namespace

int main() try {
  HostOptions options;
  options.backend = backend_from_env();
  options.overrides = {"demo.patients=" + std::to_string(kPatients + 50), "demo.days=1",
                       "plugins.enabled=[his, appointments]",
                       "plugins.settings.appointments.demo_seed=false"};
  HostProcess host(options);
  host.start();
  const auto key =
      last_line(host.run_cli({"apikey", "create", "--name", "bench", "--role", "admin"}).out);
  HttpClient http("127.0.0.1", host.port());

  // Clinic 1: two 15-minute slots of 500 places on the booking day.
  const auto [day, weekday] = booking_day();
  expect(http.request("PUT", "/api/v1/appointments/admin/clinics/1",
                      R"({"channels":["phone"],"booking_window_days":30})",
                      {{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}}),
         200, "open clinic 1");
  expect(http.post("/api/v1/appointments/admin/templates",
                   R"({"clinic_id":1,"weekday":)" + std::to_string(weekday) +
                       R"(,"start":"08:00","end":"08:30","slot_minutes":15,"capacity":500})",
                   key),
         201, "add a template");
  expect(http.post("/api/v1/appointments/admin/slots/generate",
                   R"({"from":")" + day + R"(","to":")" + day + R"("})", key),
         200, "generate slots");
  const auto slots =
      expect(http.get("/api/v1/appointments/slots?clinic=1&from=" + day + "&to=" + day, key), 200,
             "list slots")
          .json()
          ->getArray("items");
  const long long first = slots->getObject(0)->getValue<long long>("id");
  const long long second = slots->getObject(1)->getValue<long long>("id");

  // One client: book, then read back, one after another.
  std::vector<double> book_ms, read_ms;
  std::vector<long long> ids;
  for (int i = 0; i < kSequential; ++i) {
    const auto t = Clock::now();
    auto r = expect(http.post("/api/v1/appointments/bookings", booking_body(i + 1, first), key),
                    201, "book");
    book_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    ids.push_back(r.json()->getValue<long long>("id"));
  }
  for (long long id : ids) {
    const auto t = Clock::now();
    expect(http.get("/api/v1/appointments/bookings/" + std::to_string(id), key), 200, "read");
    read_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }

  // kClients clients at once: everyone on the second slot, then reading.
  const double books_per_s = throughput(kConcurrent, kClients, [&](int i) {
    HttpClient c("127.0.0.1", host.port());
    expect(c.post("/api/v1/appointments/bookings", booking_body(kSequential + i + 1, second), key),
           201, "concurrent book");
  });
  const double reads_per_s = throughput(kConcurrent, kClients, [&](int i) {
    HttpClient c("127.0.0.1", host.port());
    expect(c.get("/api/v1/appointments/bookings/" + std::to_string(ids[i % ids.size()]), key), 200,
           "concurrent read");
  });
  const auto booked =
      expect(http.get("/api/v1/appointments/slots?clinic=1&from=" + day + "&to=" + day, key), 200,
             "list slots")
          .json()
          ->getArray("items")
          ->getObject(1)
          ->getValue<int>("booked");
  if (booked != kConcurrent) {
    throw std::runtime_error("the contended slot holds " + std::to_string(booked) +
                             " bookings, expected " + std::to_string(kConcurrent));
  }

  const double book = median_ms(book_ms), read = median_ms(read_ms);
  std::printf("backend %s\n", options.backend.name.c_str());
  std::printf("  one client:  book %.2f ms, read %.2f ms (medians of %d): book/read %.2f\n", book,
              read, kSequential, book / read);
  std::printf("  %d clients on one slot: %.0f bookings/s, %.0f reads/s (%d each): read/book %.2f\n",
              kClients, books_per_s, reads_per_s, kConcurrent, reads_per_s / books_per_s);
  host.stop();
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_booking: " << e.what() << "\n";
  return 1;
}
