// The harness as a plugin's author uses it: calls through the real dispatcher (roles,
// problem documents, audit), a clock the test moves, events delivered and jobs run when the
// test asks, and the messages plugins queued.
#include "hisx/testing/harness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace hisx::testing {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned d, int h, int min) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
}

TEST(Harness, CallsGoThroughRolesAndProblemDocuments) {
  Harness h({.plugins = {"good"}, .overrides = {"plugins.settings.good.greeting=xin chào"}});

  Answer ok = h.get("/api/v1/good/ping", "admin");
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()->getValue<std::string>("greeting"), "xin chào");
  EXPECT_THAT(ok.header("content-type"), HasSubstr("application/json"));
  EXPECT_FALSE(ok.header("X-Request-Id").empty());

  Answer wrong_role = h.get("/api/v1/good/ping", "receptionist");
  EXPECT_EQ(wrong_role.status, 403);
  EXPECT_THAT(wrong_role.header("Content-Type"), HasSubstr("application/problem+json"));
  EXPECT_EQ(wrong_role.json()->getValue<std::string>("type"), "urn:hisx:problem:forbidden");

  Answer anonymous = h.call({.method = "GET", .target = "/api/v1/good/ping"});
  EXPECT_EQ(anonymous.status, 401);

  Answer bad = h.post("/api/v1/good/greetings", R"({"text": 7})", "receptionist");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json()->getValue<std::string>("field"), "text");

  Answer bug = h.get("/api/v1/good/boom");
  EXPECT_EQ(bug.status, 500);
  EXPECT_THAT(bug.body, ::testing::Not(HasSubstr("boom from the good plugin")));
}

// The host's half of PatientScope (SDK 2.1): while a plugin publishes PatientAccess, an app
// request names its app account before a plugin's route runs; the host's own routes and staff
// need none. Without a provider nothing changes.
TEST(Harness, AppRequestsNameTheirAccountWhileAPatientAccessIsPublished) {
  const std::string clinics = "/api/v1/appointments/clinics";
  Harness with({.plugins = {"his", "appointments", "provides_access"}});
  for (const std::string& account : {std::string(), std::string(101, 'x'), std::string("a\tb")}) {
    Call call{.target = clinics, .role = "app"};
    if (!account.empty()) call.headers["X-App-Account"] = account;
    Answer refused = with.call(call);
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_THAT(refused.header("Content-Type"), HasSubstr("application/problem+json"));
    EXPECT_EQ(refused.json()->getValue<std::string>("type"),
              "urn:hisx:problem:app-account-required");
    EXPECT_EQ(refused.json()->getValue<std::string>("field"), "X-App-Account");
  }
  Answer named =
      with.call({.target = clinics, .role = "app", .headers = {{"X-App-Account", "acct-1"}}});
  EXPECT_EQ(named.status, 200) << named.body;
  EXPECT_EQ(with.get(clinics, "receptionist").status, 200);
  EXPECT_EQ(with.get("/api/v1/auth/me", "app").status, 200) << "a host route";
  // Authentication and roles come first.
  EXPECT_EQ(with.call({.target = clinics}).status, 401);

  Harness without({.plugins = {"his", "appointments"}});
  Answer as_before = without.get(clinics, "app");
  EXPECT_EQ(as_before.status, 200) << as_before.body;
}

TEST(Harness, WritesLandInTheStoreWithTheirAuditRow) {
  Harness h({.plugins = {"good"}});
  Answer created = h.post("/api/v1/good/greetings", R"({"text": "chào buổi sáng"})");
  ASSERT_EQ(created.status, 201) << created.body;

  const int id = created.json()->getValue<int>("id");
  std::string text;
  *h.store() << "SELECT text FROM hisx_good_greetings WHERE id = :id", soci::use(id),
      soci::into(text);
  EXPECT_EQ(text, "chào buổi sáng");
  long long audit_rows = 0;
  *h.store() << "SELECT COUNT(*) FROM hisx_host_audit WHERE route = '/api/v1/good/greetings' "
                "AND status = 201 AND role = 'admin'",
      soci::into(audit_rows);
  EXPECT_EQ(audit_rows, 1);
}

TEST(Harness, EventsWaitUntilTheTestDeliversThem) {
  Harness h({.plugins = {"good"}});
  ASSERT_EQ(h.post("/api/v1/good/events", R"({"note": "một"})").status, 201);
  ASSERT_EQ(h.post("/api/v1/good/events", R"({"note": "hai"})").status, 201);

  const auto events = h.published("good.noted");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].payload->getValue<std::string>("note"), "một");
  EXPECT_EQ(events[1].payload->getValue<std::string>("note"), "hai");
  EXPECT_EQ(events[0].source, "good");
  EXPECT_EQ(events[0].version, 1);
  EXPECT_TRUE(h.published("appointment.booked").empty());

  // Nothing runs in the background: the subscriber has seen nothing yet.
  EXPECT_EQ(h.get("/api/v1/good/received").json()->getValue<int>("count"), 0);
  EXPECT_EQ(h.deliver_events(), 2);
  EXPECT_EQ(h.get("/api/v1/good/received").json()->getValue<int>("count"), 2);
  EXPECT_EQ(h.deliver_events(), 0);  // Delivered once.
}

TEST(Harness, JobsRunWhenTheClockReachesThem) {
  const auto start = utc(2026, 12, 1, 1, 0) + 30s;  // 08:00:30 in Ha Noi.
  test::TempDir dir;
  const auto log = dir.path() / "jobs.log";
  Harness h({.plugins = {"good"},
             .overrides = {"plugins.settings.good.job_log=" + log.string()},
             .start = start});
  EXPECT_EQ(h.run_due_jobs(), 0);  // good.tick runs each minute: the first is at 01:01.
  h.clock().advance(1min);
  EXPECT_EQ(h.run_due_jobs(), 1);
  EXPECT_EQ(h.run_due_jobs(), 0);  // Once per due time.
  h.clock().advance(2min);
  EXPECT_GE(h.run_due_jobs(), 1);

  std::ifstream in(log);
  std::stringstream lines;
  lines << in.rdbuf();
  EXPECT_THAT(lines.str(), HasSubstr("good.tick 2026-12-01T01:01:00Z"));
}

TEST(Harness, RemindersAreQueuedAndSentOnDemand) {
  // A re-examination due tomorrow: the appointments plugin queues its SMS reminder at once,
  // and the log driver sends it when the test asks.
  Harness h({.plugins = {"his", "appointments"},
             .overrides = {"plugins.settings.appointments.demo_seed=false",
                           "plugins.settings.appointments.reminder_time=00:00"},
             .start = utc(2026, 12, 1, 2, 0)});  // 09:00 in Ha Noi.
  ASSERT_EQ(h.put("/api/v1/appointments/admin/clinics/6",
                  R"({"channels": ["reexam"], "booking_window_days": 30})")
                .status,
            200);
  *h.his() << "UPDATE benh_nhan SET dien_thoai = '0987000125' WHERE id = 25";
  Answer order = h.post("/api/v1/appointments/reexams",
                        R"({"patient_id": 25, "clinic_id": 6, "due_date": "2026-12-02",
                            "window_before_days": 0})",
                        "doctor");
  ASSERT_EQ(order.status, 201) << order.body;

  auto queued = h.notifications();
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].channel, "sms");
  EXPECT_EQ(queued[0].to, "0987000125");
  EXPECT_THAT(queued[0].text, HasSubstr("Nhắc lịch tái khám: ngày 02/12/2026"));
  EXPECT_EQ(queued[0].state, "queued");
  EXPECT_EQ(h.send_notifications(), 1);
  EXPECT_EQ(h.notifications()[0].state, "sent");

  // The next morning's reminder run does not send it again.
  h.clock().advance(24h);
  h.run_due_jobs();
  h.send_notifications();
  EXPECT_EQ(h.notifications().size(), 1u);
}

TEST(Harness, RefusesToStartWithWhatHisxdWouldSay) {
  try {
    Harness h({.plugins = {"no_such_plugin"}});
    FAIL() << "a missing plugin started";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("no_such_plugin"));
  }
}

}  // namespace
}  // namespace hisx::testing
