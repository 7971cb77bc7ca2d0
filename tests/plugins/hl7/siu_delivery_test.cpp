// SIU messages from bookings to a real MLLP listener: one per event with the right trigger,
// well-formed segments with the HIS's ids and Vietnamese text intact, ACKs, and retries of the
// same message (same MSH-10) after a NAK, a silent listener or one that is down.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "hisx/testing/harness.h"
#include "hl7_escape.h"
#include "mllp_listener.h"
#include "support/backend.h"

namespace hisx::test::hl7 {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = text.find(separator, from);
    out.push_back(text.substr(from, at == std::string::npos ? at : at - from));
    if (at == std::string::npos) return out;
    from = at + 1;
  }
}

// A received message as the receiver reads it: segments by name, fields by HL7 number.
struct Parsed {
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> segments;

  explicit Parsed(const std::string& message) {
    EXPECT_EQ(message.back(), '\r') << "segments end with CR";
    for (const auto& seg : split(message.substr(0, message.size() - 1), '\r')) {
      auto fields = split(seg, '|');
      if (fields[0] == "MSH") fields.insert(fields.begin() + 1, "|");  // MSH-1 is the separator.
      names.push_back(fields[0]);
      segments.push_back(fields);
    }
  }
  bool has(const std::string& name) const {
    return std::find(names.begin(), names.end(), name) != names.end();
  }
  std::string field(const std::string& name, std::size_t n) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return n < segments[i].size() ? segments[i][n] : "";
    }
    ADD_FAILURE() << "no " << name << " segment";
    return {};
  }
  std::string component(const std::string& name, std::size_t n, std::size_t c) const {
    const auto parts = split(field(name, n), '^');
    return c - 1 < parts.size() ? hisx::hl7::unescape(parts[c - 1]) : "";
  }
};

std::string day_text(sys_days d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

class Hl7Delivery : public ::testing::Test {
 protected:
  // A host with appointments and hl7 sending to 127.0.0.1:`port` (0: no endpoint).
  void start(std::uint16_t port, const std::vector<std::string>& extra = {}) {
    backend_ = backend_from_env();
    std::vector<std::string> overrides = backend_.overrides;
    overrides.push_back("plugins.settings.appointments.demo_seed=false");
    if (port != 0) {
      overrides.push_back("plugins.settings.hl7.host=127.0.0.1");
      overrides.push_back("plugins.settings.hl7.port=" + std::to_string(port));
    }
    overrides.push_back("plugins.settings.hl7.connect_timeout_ms=500");
    overrides.push_back("plugins.settings.hl7.ack_timeout_ms=300");
    overrides.push_back("plugins.settings.hl7.retry_base_seconds=60");
    overrides.push_back("plugins.settings.hl7.assigning_authority=BV_DEMO");
    overrides.insert(overrides.end(), extra.begin(), extra.end());
    h_ = std::make_unique<hisx::testing::Harness>(
        hisx::testing::HarnessOptions{.plugins = {"appointments", "hl7"},
                                      .overrides = std::move(overrides),
                                      .demo_patients = 80,
                                      .demo_days = 1});
  }

  hisx::testing::Harness& h() { return *h_; }

  // The booking day: two local days after the harness clock's start.
  std::string booking_day() {
    return day_text(floor<days>(h().clock().now() + hours(7)) + days(2));
  }

  // Clinic `clinic` open on the booking day 08:00-09:00 in 15-minute slots (of `doctor` when
  // given); their ids.
  std::vector<long long> slots(long long clinic, const std::string& doctor = "") {
    const std::string day = booking_day();
    auto r = h().put("/api/v1/appointments/admin/clinics/" + std::to_string(clinic),
                     R"({"channels": ["app", "web", "phone", "reexam", "walkin"],)"
                     R"( "booking_window_days": 30, "same_day_cutoff": null})");
    EXPECT_EQ(r.status, 200) << r.body;
    const auto weekday =
        year_month_weekday{sys_days{floor<days>(h().clock().now() + hours(7)) + days(2)}}
            .weekday()
            .iso_encoding();
    r = h().post("/api/v1/appointments/admin/templates",
                 "{\"clinic_id\": " + std::to_string(clinic) +
                     ", \"weekday\": " + std::to_string(weekday) +
                     (doctor.empty() ? "" : ", \"doctor_id\": \"" + doctor + "\"") +
                     R"(, "start": "08:00", "end": "09:00", "slot_minutes": 15, "capacity": 3,)"
                     R"( "quotas": {}})");
    EXPECT_EQ(r.status, 201) << r.body;
    r = h().post("/api/v1/appointments/admin/slots/generate",
                 "{\"from\": \"" + day + "\", \"to\": \"" + day + "\"}");
    EXPECT_EQ(r.status, 200) << r.body;
    r = h().get("/api/v1/appointments/slots?clinic=" + std::to_string(clinic) + "&from=" + day +
                "&to=" + day);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<long long> ids;
    auto items = r.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
      ids.push_back(items->getObject(static_cast<unsigned>(i))->getValue<long long>("id"));
    }
    EXPECT_EQ(ids.size(), 4u);
    return ids;
  }

  long long book(long long patient, long long slot) {
    auto r = h().post("/api/v1/appointments/bookings",
                      "{\"patient_id\": " + std::to_string(patient) +
                          ", \"slot_id\": " + std::to_string(slot) + ", \"channel\": \"walkin\"}",
                      "receptionist");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<long long>("id") : 0;
  }

  // The events delivered (messages queued), then the sender's next run a minute later.
  void send() {
    h().deliver_events();
    h().clock().advance(seconds(61));
    h().run_due_jobs();
  }

  Poco::JSON::Object::Ptr listing(const std::string& query = "") {
    auto r = h().get("/api/v1/hl7/messages" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }

  // The outgoing messages, oldest first.
  std::vector<Poco::JSON::Object::Ptr> messages() {
    auto items = listing()->getArray("items");
    std::vector<Poco::JSON::Object::Ptr> out;
    for (std::size_t i = items->size(); i-- > 0;) {
      out.push_back(items->getObject(static_cast<unsigned>(i)));
    }
    return out;
  }

  // A demo patient with a Vietnamese name and an address full of HL7 delimiters.
  void name_patient(long long id, const std::string& name, const std::string& address) {
    *h().his() << "UPDATE benh_nhan SET ho_ten = :name, dia_chi = :address, gioi_tinh = 2 "
                  "WHERE id = :id",
        soci::use(name), soci::use(address), soci::use(id);
  }

  std::string clinic_name(long long id) {
    std::string name;
    *h().his() << "SELECT ten_phong FROM dm_phong_kham WHERE id = :id", soci::into(name),
        soci::use(id);
    return name;
  }

  TestBackend backend_;
  std::unique_ptr<hisx::testing::Harness> h_;
};

TEST_F(Hl7Delivery, EachBookingEventIsSentAsItsSiuMessageWellFormed) {
  MllpListener his;
  start(his.port());
  const auto ids = slots(1);
  name_patient(50, "Nguyễn Thị Ánh Tuyết", "12 Lê Lợi | P. Bến Nghé & Q.1\n(cổng sau)");

  // Booked → S12.
  const long long id = book(50, ids[0]);
  send();
  auto got = his.received();
  ASSERT_EQ(got.size(), 1u);
  Parsed s12(got[0]);
  EXPECT_EQ(s12.names, (std::vector<std::string>{"MSH", "SCH", "PID", "RGS", "AIL"}))
      << "no AIP: the slot is no doctor's";
  EXPECT_EQ(s12.field("MSH", 2), "^~\\&");
  EXPECT_EQ(s12.field("MSH", 3), "HISX");
  EXPECT_EQ(s12.field("MSH", 9), "SIU^S12^SIU_S12");
  EXPECT_EQ(s12.field("MSH", 11), "P");
  EXPECT_EQ(s12.field("MSH", 12), "2.5.1");
  EXPECT_EQ(s12.field("MSH", 18), "UNICODE UTF-8");
  EXPECT_EQ(s12.field("MSH", 10).size(), 20u);
  EXPECT_EQ(s12.component("SCH", 1, 1).substr(0, 3), "HK-");
  EXPECT_EQ(s12.component("SCH", 25, 1), "Booked");
  const std::string day = booking_day();
  const std::string dtm_day = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
  EXPECT_EQ(s12.component("SCH", 11, 4), dtm_day + "080000+0700") << "local time with offset";
  EXPECT_EQ(s12.component("SCH", 11, 5), dtm_day + "081500+0700");
  EXPECT_EQ(s12.field("PID", 3).substr(0, 14), "50^^^BV_DEMO^P");
  EXPECT_EQ(s12.component("PID", 5, 1), "Nguyễn");
  EXPECT_EQ(s12.component("PID", 5, 2), "Tuyết");
  EXPECT_EQ(s12.component("PID", 5, 3), "Thị Ánh");
  EXPECT_EQ(s12.field("PID", 8), "F");
  EXPECT_THAT(s12.field("PID", 11), HasSubstr("\\F\\"));
  EXPECT_EQ(s12.component("PID", 11, 1), "12 Lê Lợi | P. Bến Nghé & Q.1\n(cổng sau)");
  EXPECT_EQ(s12.component("AIL", 3, 1), "1") << "the HIS clinic id";
  EXPECT_EQ(s12.component("AIL", 3, 9), clinic_name(1));

  auto list = messages();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "acked");
  EXPECT_EQ(list[0]->getValue<std::string>("ack_code"), "AA");
  EXPECT_EQ(list[0]->getValue<std::string>("control_id"), s12.field("MSH", 10));
  EXPECT_EQ(list[0]->getValue<long long>("booking_id"), id);

  // Rescheduled → S13 at the new time.
  auto r = h().post("/api/v1/appointments/bookings/" + std::to_string(id) + "/reschedule",
                    "{\"slot_id\": " + std::to_string(ids[2]) + "}", "call_center");
  ASSERT_EQ(r.status, 200) << r.body;
  send();
  got = his.received();
  ASSERT_EQ(got.size(), 2u);
  Parsed s13(got[1]);
  EXPECT_EQ(s13.field("MSH", 9), "SIU^S13^SIU_S13");
  EXPECT_NE(s13.field("MSH", 10), s12.field("MSH", 10));
  EXPECT_EQ(s13.component("SCH", 11, 4), dtm_day + "083000+0700");
  EXPECT_EQ(s13.field("RGS", 2), "U");

  // Cancelled → S15 with the reason, at the time it had.
  r = h().post("/api/v1/appointments/bookings/" + std::to_string(id) + "/cancel",
               R"({"reason": "Bệnh nhân bận | đi công tác"})", "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  send();
  got = his.received();
  ASSERT_EQ(got.size(), 3u);
  Parsed s15(got[2]);
  EXPECT_EQ(s15.field("MSH", 9), "SIU^S15^SIU_S15");
  EXPECT_EQ(s15.component("SCH", 6, 2), "Bệnh nhân bận | đi công tác");
  EXPECT_EQ(s15.component("SCH", 25, 1), "Cancelled");
  EXPECT_EQ(s15.component("SCH", 11, 4), dtm_day + "083000+0700");

  // No-show (the appointments job, after the day) → S26.
  const long long other = book(51, ids[1]);
  send();
  ASSERT_EQ(his.received().size(), 4u);
  h().clock().advance(days(3));
  h().run_due_jobs();  // appointments.no_shows marks it.
  send();
  got = his.received();
  ASSERT_EQ(got.size(), 5u);
  Parsed s26(got[4]);
  EXPECT_EQ(s26.field("MSH", 9), "SIU^S26^SIU_S26");
  EXPECT_EQ(s26.component("SCH", 25, 1), "Noshow");
  EXPECT_EQ(s26.field("PID", 3).substr(0, 3), "51^");

  list = messages();
  ASSERT_EQ(list.size(), 5u);
  for (const auto& m : list) EXPECT_EQ(m->getValue<std::string>("state"), "acked");
  EXPECT_EQ(list[4]->getValue<long long>("booking_id"), other);
  EXPECT_EQ(list[4]->getValue<std::string>("trigger"), "S26");
  // Every event was queued once: nothing more is sent.
  send();
  EXPECT_EQ(his.received().size(), 5u);
  const auto metrics = h().get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_THAT(metrics.body, HasSubstr("hisx_hl7_attempts_total{outcome=\"acked\"} 5"));
}

TEST_F(Hl7Delivery, ANakIsRetriedWithTheSameControlIdAndHoldsBackOnlyThatPatient) {
  MllpListener his(0, {Reply::kAE});
  start(his.port());
  const auto ids = slots(1);
  const long long first = book(60, ids[0]);
  book(61, ids[1]);
  send();
  auto got = his.received();
  ASSERT_EQ(got.size(), 2u) << "the other patient's message is not held back";
  auto list = messages();
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "retrying");
  EXPECT_EQ(list[0]->getValue<int>("attempts"), 1);
  EXPECT_EQ(list[0]->getValue<std::string>("ack_code"), "AE");
  EXPECT_THAT(list[0]->getValue<std::string>("last_error"), HasSubstr("Hệ thống bận"));
  EXPECT_EQ(list[1]->getValue<std::string>("state"), "acked");

  // The refused patient's next message waits for the first.
  auto r = h().post("/api/v1/appointments/bookings/" + std::to_string(first) + "/reschedule",
                    "{\"slot_id\": " + std::to_string(ids[3]) + "}", "call_center");
  ASSERT_EQ(r.status, 200) << r.body;
  h().deliver_events();
  list = messages();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[2]->getValue<std::string>("state"), "queued");
  EXPECT_EQ(list[2]->getValue<long long>("waiting_for"), list[0]->getValue<long long>("id"));

  // After the backoff (60 s), the same message again, then the next one in order.
  h().clock().advance(seconds(60));
  send();
  got = his.received();
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[2], got[0]) << "byte for byte the same message, the same MSH-10";
  EXPECT_EQ(Parsed(got[2]).field("MSH", 10), list[0]->getValue<std::string>("control_id"));
  EXPECT_EQ(Parsed(got[3]).field("MSH", 9), "SIU^S13^SIU_S13");
  list = messages();
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "acked");
  EXPECT_EQ(list[0]->getValue<int>("attempts"), 2);
  EXPECT_EQ(list[2]->getValue<std::string>("state"), "acked");
}

TEST_F(Hl7Delivery, ASilentListenerTimesOutAndTheMessageIsSentAgain) {
  MllpListener his(0, {Reply::kSilent});
  start(his.port());
  const auto ids = slots(2);
  book(62, ids[0]);
  send();
  ASSERT_EQ(his.received().size(), 1u);
  auto list = messages();
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "retrying");
  EXPECT_THAT(list[0]->getValue<std::string>("last_error"), HasSubstr("no ACK"));
  EXPECT_TRUE(list[0]->isNull("ack_code"));

  h().clock().advance(seconds(60));
  send();
  const auto got = his.received();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1], got[0]);
  EXPECT_EQ(messages()[0]->getValue<std::string>("state"), "acked");
}

TEST_F(Hl7Delivery, AListenerThatIsDownKeepsTheMessageQueuedUntilItIsUp) {
  const std::uint16_t port = MllpListener::free_port();
  start(port);
  const auto ids = slots(1);
  book(63, ids[0]);
  send();
  auto list = messages();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "retrying");
  EXPECT_EQ(list[0]->getValue<int>("attempts"), 1);
  EXPECT_THAT(list[0]->getValue<std::string>("last_error"), HasSubstr("cannot connect"));
  const std::string next = list[0]->getValue<std::string>("next_attempt_at");

  // Still down at the next try: attempts go on, with a longer wait.
  h().clock().advance(seconds(60));
  send();
  list = messages();
  EXPECT_EQ(list[0]->getValue<int>("attempts"), 2);
  EXPECT_GT(list[0]->getValue<std::string>("next_attempt_at"), next);

  MllpListener his(port);
  h().clock().advance(seconds(120));
  send();
  ASSERT_EQ(his.received().size(), 1u);
  list = messages();
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "acked");
  EXPECT_EQ(list[0]->getValue<int>("attempts"), 3);
}

TEST_F(Hl7Delivery, AFailedMessageIsRetriedByHandAndOnlyAdminsSeeTheQueue) {
  MllpListener his(0, {Reply::kAR});
  start(his.port(), {"plugins.settings.hl7.max_attempts=1"});
  const auto ids = slots(1);
  book(64, ids[0]);
  send();
  auto list = messages();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "failed");
  EXPECT_EQ(list[0]->getValue<std::string>("ack_code"), "AR");
  EXPECT_EQ(listing()->getObject("counts")->getValue<int>("failed"), 1);
  const std::string id = std::to_string(list[0]->getValue<long long>("id"));

  EXPECT_EQ(h().get("/api/v1/hl7/messages", "receptionist").status, 403);
  EXPECT_EQ(h().post("/api/v1/hl7/messages/" + id + "/retry", "{}", "receptionist").status, 403);
  EXPECT_EQ(h().post("/api/v1/hl7/messages/999/retry", "{}").status, 404);

  auto r = h().get("/api/v1/hl7/messages/" + id);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getArray("segments")->getElement<std::string>(0).substr(0, 8), "MSH|^~\\&");

  r = h().post("/api/v1/hl7/messages/" + id + "/retry", "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("state"), "retrying");
  h().run_due_jobs();  // The retry's run, at once.
  ASSERT_EQ(his.received().size(), 2u);
  EXPECT_EQ(messages()[0]->getValue<std::string>("state"), "acked");
  r = h().post("/api/v1/hl7/messages/" + id + "/retry", "{}");
  EXPECT_EQ(r.status, 409) << r.body;
}

TEST_F(Hl7Delivery, WithoutAnEndpointMessagesAreQueuedAndTheListingSaysSo) {
  start(0);
  const auto ids = slots(1);
  book(65, ids[0]);
  send();
  h().clock().advance(minutes(10));
  h().run_due_jobs();
  const auto body = listing();
  EXPECT_FALSE(body->getObject("endpoint")->getValue<bool>("configured"));
  EXPECT_THAT(body->getObject("endpoint")->getValue<std::string>("note"),
              HasSubstr("No HL7 endpoint"));
  const auto list = messages();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]->getValue<std::string>("state"), "queued");
  EXPECT_EQ(list[0]->getValue<int>("attempts"), 0);
  EXPECT_TRUE(list[0]->isNull("last_error"));
  EXPECT_EQ(listing("?state=queued")->getValue<int>("count"), 1);
  EXPECT_EQ(listing("?state=acked")->getValue<int>("count"), 0);
  EXPECT_EQ(h().get("/api/v1/hl7/messages?state=bogus").status, 422);
}

TEST_F(Hl7Delivery, ABadSettingRefusesTheStartNamingTheKey) {
  std::string refusal;
  try {
    start(2575, {"plugins.settings.hl7.ack_timeout_ms=5"});
  } catch (const std::exception& e) {
    refusal = e.what();
  }
  EXPECT_THAT(refusal, HasSubstr("hl7"));
  EXPECT_THAT(refusal, HasSubstr("setting ack_timeout_ms: '5' is not a whole number from 100"));
}

}  // namespace
// A doctor's slot: the event names the doctor and the slot's end, and the message carries an
// AIP with the HIS's doctor id and the duration from the event.
TEST_F(Hl7Delivery, ADoctorsSlotIsSentWithItsAipAndDuration) {
  MllpListener his;
  start(his.port());
  long long doctor = 0;
  *h().his() << "SELECT MIN(d.id) FROM dm_bac_si d JOIN dm_phong_kham k ON k.khoa_id = d.khoa_id "
                "WHERE k.id = 1 AND d.hoat_dong = 1",
      soci::into(doctor);
  ASSERT_GT(doctor, 0);
  const auto ids = slots(1, std::to_string(doctor));
  book(51, ids[0]);
  send();
  auto got = his.received();
  ASSERT_EQ(got.size(), 1u);
  Parsed s12(got[0]);
  EXPECT_EQ(s12.names, (std::vector<std::string>{"MSH", "SCH", "PID", "RGS", "AIL", "AIP"}));
  EXPECT_EQ(s12.field("AIP", 3).substr(0, std::to_string(doctor).size() + 1),
            std::to_string(doctor) + "^");
  EXPECT_EQ(s12.field("SCH", 9), "15");
}

}  // namespace hisx::test::hl7
