#pragma once

// Shared by the appointments_*_test.cpp files: a host with the `his` and `appointments`
// plugins on the backend under test, API keys for each role, and helpers that configure a
// clinic, generate slots and book through the HTTP API. The host is either a spawned hisxd
// on real sockets (tests/integration: concurrency, crashes, HTTP itself) or the in-process
// harness, hisx::testing (tests/plugins/appointments: everything else); each test binary
// says which by the kAppointmentsInProcess it links.

#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hisx/testing/harness.h"
#include "integration_support.h"

namespace hisx::test::integration {

/// A local date (Asia/Ho_Chi_Minh, the default configuration's zone) `days` from today,
/// "YYYY-MM-DD".
std::string local_day(int days_from_today);

/// ISO weekday (1 = Monday … 7 = Sunday) of a "YYYY-MM-DD" date.
int weekday_of(const std::string& date);

/// True in the binary whose appointments tests run on the in-process harness (defined once
/// per test binary).
extern const bool kAppointmentsInProcess;

class AppointmentsTest : public ::testing::Test {
 protected:
  /// The day most tests book on: two local days ahead, inside every booking window and far
  /// from any same-day cut-off.
  static std::string booking_day() { return local_day(2); }

  /// Starts a host with `extra` overrides after plugins.enabled=[his, appointments]: the
  /// in-process harness or a spawned hisxd (kAppointmentsInProcess).
  void start_host(const std::vector<std::string>& extra = {});
  void SetUp() override { start_host(); }

  /// The API key of `role`, created on first use.
  const std::string& key(const std::string& role);

  HttpResult get(const std::string& path, const std::string& role = "admin");
  HttpResult post(const std::string& path, const std::string& body,
                  const std::string& role = "admin",
                  const std::map<std::string, std::string>& headers = {});
  HttpResult put(const std::string& path, const std::string& body,
                 const std::string& role = "admin");
  HttpResult del(const std::string& path, const std::string& role = "admin");
  /// `method` `path` with exactly `headers` (no credential unless they carry one).
  HttpResult raw(const std::string& method, const std::string& path, const std::string& body = {},
                 const std::map<std::string, std::string>& headers = {});

  /// PUT /admin/clinics/{id} with `channels`, window and cut-off ("" for none); asserts 200.
  void open_clinic(long long clinic_id, const std::vector<std::string>& channels,
                   int window_days = 30, const std::string& cutoff = "");
  /// POST /admin/templates on `weekday`; returns the template's JSON (asserts 201).
  Poco::JSON::Object::Ptr add_template(long long clinic_id, int weekday, const std::string& start,
                                       const std::string& end, int slot_minutes, int capacity,
                                       const std::string& quotas_json = "{}");
  /// POST /admin/slots/generate; returns the answer (asserts 200).
  Poco::JSON::Object::Ptr generate(const std::string& from, const std::string& to);
  /// GET /slots of `clinic` on `day` as `role`; the items (asserts 200).
  Poco::JSON::Array::Ptr slots(long long clinic_id, const std::string& day,
                               const std::string& role = "admin", const std::string& channel = {});
  /// One slot object from slots(), by id.
  Poco::JSON::Object::Ptr slot(long long clinic_id, const std::string& day, long long slot_id);

  /// A clinic open to every channel with one session on booking_day(): 08:00–09:00 in
  /// 15-minute slots of `capacity` places with `quotas_json`; returns the ids of its 4 slots.
  std::vector<long long> bookable_slots(long long clinic_id, int capacity,
                                        const std::string& quotas_json = "{}");

  /// POST /bookings as `role`.
  HttpResult book(const std::string& role, long long patient_id, long long slot_id,
                  const std::string& channel, const std::string& idempotency_key = {});

  /// The spawned hisxd (started by start_host(); not in process).
  HostProcess& host() { return *host_; }
  /// The in-process host (started by start_host(); in process only).
  hisx::testing::Harness& harness() { return *harness_; }
  /// A session on the host's store database, to look at the rows behind the API.
  std::unique_ptr<soci::session> store();
  /// A session on the HIS database (the demo HIS), to arrange or check HIS rows.
  std::unique_ptr<soci::session> his();

  TestBackend backend_;
  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<hisx::testing::Harness> harness_;
  std::map<std::string, std::string> keys_;
};

/// `{"a": 1}`-style JSON for the body of a request, from a Poco object.
std::string json_text(const Poco::JSON::Object::Ptr& object);

}  // namespace hisx::test::integration
