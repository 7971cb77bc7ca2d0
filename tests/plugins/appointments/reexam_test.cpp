// W4: re-examination orders — a doctor orders a patient back (once or recurring), a slot
// held for the first due, dues booked by the call centre, cancelling, every refusal, and
// reminders that reach a real SMS gateway stand-in (the webhook sink, over HTTP) with their
// delivery state read back. In process: the test sends the queued messages when it wants.
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>

#include "appointments_fixture.h"
#include "support/temp_dir.h"
#include "support/webhook_sink.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;

const std::string kBase = "/api/v1/appointments/reexams";

// "dd/mm/yyyy" of a "YYYY-MM-DD" date, as the reminder writes it.
std::string vn_date(const std::string& iso) {
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

class AppointmentsReexam : public AppointmentsTest {
 protected:
  // Reminders at 00:00 local (a due tomorrow is reminded at once), SMS through the webhook
  // sink, delivered quickly.
  void SetUp() override {
    write_file(secret_dir_.path() / "sms.secret", "tái-khám-secret");
    start_host({"notify.channels.sms={driver: webhook, url: \"" + hook_.url("/sms") +
                    "\", secret_file: \"" + (secret_dir_.path() / "sms.secret").string() +
                    "\", timeout_ms: 3000, "
                    "template: '{\"phone\": \"{{to}}\", \"message\": \"{{text}}\"}'}",
                "notify.poll_interval_ms=50", "plugins.settings.appointments.reminder_time=00:00"});
  }

  HttpResult order(const std::string& body, const std::string& role = "doctor") {
    return post(kBase, body, role);
  }

  // An order body for `patient` at `clinic` due on `due_date`, with `extra` members.
  static std::string order_body(long long patient, long long clinic, const std::string& due_date,
                                const std::string& extra = "") {
    return "{\"patient_id\": " + std::to_string(patient) +
           ", \"clinic_id\": " + std::to_string(clinic) + ", \"due_date\": \"" + due_date + "\"" +
           (extra.empty() ? "" : ", " + extra) + "}";
  }

  // Creates an order and returns its JSON (asserts 201).
  Poco::JSON::Object::Ptr create(const std::string& body) {
    HttpResult r = order(body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  }

  Poco::JSON::Object::Ptr fetch(long long id) {
    HttpResult r = get(kBase + "/" + std::to_string(id), "call_center");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  }

  static Poco::JSON::Object::Ptr due(const Poco::JSON::Object::Ptr& order, unsigned index) {
    return order->getArray("dues")->getObject(index);
  }

  HttpResult book_due(long long id, int seq, long long slot_id, const std::string& role,
                      const std::string& idempotency_key = {}) {
    std::map<std::string, std::string> headers;
    if (!idempotency_key.empty()) headers["Idempotency-Key"] = idempotency_key;
    return post(kBase + "/" + std::to_string(id) + "/dues/" + std::to_string(seq) + "/book",
                "{\"slot_id\": " + std::to_string(slot_id) + "}", role, headers);
  }

  void set_phone(long long patient, const std::string& phone) {
    if (phone.empty()) {
      *his() << "UPDATE benh_nhan SET dien_thoai = NULL WHERE id = :id", soci::use(patient);
    } else {
      *his() << "UPDATE benh_nhan SET dien_thoai = :phone WHERE id = :id", soci::use(phone),
          soci::use(patient);
    }
  }

  TempDir secret_dir_;
  WebhookSink hook_;
};

TEST_F(AppointmentsReexam, AnOrderHasItsDuesWithWindowsFromTheSettings) {
  open_clinic(6, {"reexam"});
  auto o = create(order_body(17, 6, local_day(10), "\"note\": \"Tăng huyết áp\""));
  EXPECT_GT(o->getValue<long long>("id"), 0);
  EXPECT_EQ(o->getValue<std::string>("patient_id"), "17");
  EXPECT_EQ(o->getValue<std::string>("clinic_id"), "6");
  EXPECT_TRUE(o->isNull("doctor_id"));
  EXPECT_EQ(o->getValue<std::string>("due_date"), local_day(10));
  EXPECT_EQ(o->getValue<int>("window_before_days"), 3);
  EXPECT_EQ(o->getValue<int>("window_after_days"), 7);
  EXPECT_TRUE(o->isNull("recurrence"));
  EXPECT_EQ(o->getValue<int>("occurrences"), 1);
  EXPECT_EQ(o->getValue<std::string>("note"), "Tăng huyết áp");
  EXPECT_EQ(o->getValue<std::string>("status"), "active");
  EXPECT_THAT(o->getValue<std::string>("ordered_by"), ::testing::StartsWith("apikey:"));
  ASSERT_EQ(o->getArray("dues")->size(), 1u);
  auto d = due(o, 0);
  EXPECT_EQ(d->getValue<int>("seq"), 1);
  EXPECT_EQ(d->getValue<std::string>("due_date"), local_day(10));
  EXPECT_EQ(d->getValue<std::string>("window_start"), local_day(7));
  EXPECT_EQ(d->getValue<std::string>("window_end"), local_day(17));
  EXPECT_EQ(d->getValue<std::string>("status"), "open");
  EXPECT_TRUE(d->isNull("booking"));
  EXPECT_EQ(d->getArray("reminders")->size(), 0u) << "ten days ahead: nothing to remind yet";

  // The rows the worklist reads.
  std::string status, window_start;
  *store() << "SELECT status, window_start FROM hisx_appointments_reexam_dues WHERE reexam_id = "
              ":id",
      soci::use(o->getValue<long long>("id")), soci::into(status), soci::into(window_start);
  EXPECT_EQ(status, "open");
  EXPECT_EQ(window_start, local_day(7));

  // Listed for the patient, and by status.
  HttpResult listed = get(kBase + "?patient_id=17&status=active", "receptionist");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()->getArray("items")->size(), 1u);
  EXPECT_EQ(listed.json()->getArray("items")->getObject(0)->getValue<long long>("id"),
            o->getValue<long long>("id"));
  EXPECT_EQ(get(kBase + "?patient_id=18", "manager").json()->getValue<int>("count"), 0);
  EXPECT_EQ(get(kBase + "?status=cancelled").json()->getValue<int>("count"), 0);
}

TEST_F(AppointmentsReexam, ARecurrenceCreatesOneDuePerOccurrence) {
  open_clinic(6, {"reexam"});
  auto o = create(order_body(
      20, 6, local_day(10),
      "\"window_before_days\": 2, \"window_after_days\": 5, \"doctor_id\": 1, \"visit_id\": 77, "
      "\"recurrence\": {\"interval_days\": 30, \"count\": 3}"));
  EXPECT_EQ(o->getObject("recurrence")->getValue<int>("interval_days"), 30);
  EXPECT_EQ(o->getObject("recurrence")->getValue<int>("count"), 3);
  EXPECT_EQ(o->getValue<int>("occurrences"), 3);
  EXPECT_EQ(o->getValue<std::string>("doctor_id"), "1");
  EXPECT_EQ(o->getValue<std::string>("visit_id"), "77");
  ASSERT_EQ(o->getArray("dues")->size(), 3u);
  for (unsigned i = 0; i < 3; ++i) {
    const int day = 10 + 30 * static_cast<int>(i);
    EXPECT_EQ(due(o, i)->getValue<int>("seq"), static_cast<int>(i) + 1);
    EXPECT_EQ(due(o, i)->getValue<std::string>("due_date"), local_day(day));
    EXPECT_EQ(due(o, i)->getValue<std::string>("window_start"), local_day(day - 2));
    EXPECT_EQ(due(o, i)->getValue<std::string>("window_end"), local_day(day + 5));
  }
  long long rows = 0;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_reexam_dues WHERE reexam_id = :id",
      soci::use(o->getValue<long long>("id")), soci::into(rows);
  EXPECT_EQ(rows, 3);
}

TEST_F(AppointmentsReexam, EachBadFieldIsRefusedByName) {
  open_clinic(6, {"reexam"});
  open_clinic(7, {"app"});  // bookable, but not for re-examinations
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"patient_id", "{\"clinic_id\": 6, \"due_date\": \"" + local_day(5) + "\"}"},
      {"patient_id", order_body(9999999, 6, local_day(5))},
      {"clinic_id", order_body(17, 9999, local_day(5))},
      {"clinic_id", order_body(17, 7, local_day(5))},
      {"due_date", order_body(17, 6, local_day(-1))},
      {"due_date", order_body(17, 6, "2026-02-30")},
      {"window_before_days", order_body(17, 6, local_day(5), "\"window_before_days\": 61")},
      {"window_after_days", order_body(17, 6, local_day(5), "\"window_after_days\": -1")},
      {"window_after_days", order_body(17, 6, local_day(5), "\"window_after_days\": \"7\"")},
      {"recurrence", order_body(17, 6, local_day(5), "\"recurrence\": 30")},
      {"recurrence.interval_days",
       order_body(17, 6, local_day(5), "\"recurrence\": {\"interval_days\": 6, \"count\": 2}")},
      {"recurrence.count",
       order_body(17, 6, local_day(5), "\"recurrence\": {\"interval_days\": 30, \"count\": 25}")},
      {"recurrence.count",
       order_body(17, 6, local_day(5), "\"recurrence\": {\"interval_days\": 30}")},
      {"doctor_id", order_body(17, 6, local_day(5), "\"doctor_id\": 999999")},
      {"note", order_body(17, 6, local_day(5), "\"note\": \"" + std::string(501, 'x') + "\"")},
      {"slot_id", order_body(17, 6, local_day(5), "\"slot_id\": 999999")},
  };
  for (const auto& [field, body] : cases) {
    auto doc = expect_problem(order(body), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), field) << body;
  }
  long long rows = -1;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_reexams", soci::into(rows);
  EXPECT_EQ(rows, 0) << "nothing stored for a refused order";
}

TEST_F(AppointmentsReexam, RolesAreChecked) {
  open_clinic(6, {"reexam"});
  const std::string body = order_body(17, 6, local_day(10));
  for (const char* role : {"receptionist", "call_center", "cashier", "manager", "app", "his"}) {
    expect_problem(order(body, role), 403, "forbidden");
  }
  const long long id = create(body)->getValue<long long>("id");
  const std::string one = kBase + "/" + std::to_string(id);
  expect_problem(get(one, "app"), 403, "forbidden");
  expect_problem(get(kBase, "his"), 403, "forbidden");
  for (const char* role : {"receptionist", "call_center", "manager"}) {
    expect_problem(post(one + "/cancel", "{\"reason\": \"x\"}", role), 403, "forbidden");
  }
  for (const char* role : {"cashier", "manager", "app"}) {
    expect_problem(book_due(id, 1, 1, role), 403, "forbidden");
  }
  EXPECT_EQ(get(one, "admin").status, 200);
  EXPECT_EQ(get(one, "doctor").status, 200);
}

TEST_F(AppointmentsReexam, HoldingASlotBooksItThroughChannelReexam) {
  const auto ids = bookable_slots(1, 5);
  set_phone(21, "0912000121");
  auto o = create(order_body(21, 1, booking_day(), "\"slot_id\": " + std::to_string(ids[0])));
  auto d = due(o, 0);
  EXPECT_EQ(d->getValue<std::string>("status"), "booked");
  const long long booking_id = d->getValue<long long>("booking_id");
  auto b = d->getObject("booking");
  EXPECT_EQ(b->getValue<long long>("id"), booking_id);
  EXPECT_EQ(b->getValue<std::string>("channel"), "reexam");
  EXPECT_EQ(b->getValue<std::string>("status"), "confirmed");
  EXPECT_EQ(b->getValue<long long>("slot_id"), ids[0]);
  EXPECT_EQ(b->getValue<std::string>("patient_id"), "21");
  EXPECT_EQ(b->getValue<int>("priority"), 1) << "channel_priority reexam:1";
  EXPECT_EQ(slot(1, booking_day(), ids[0])->getValue<int>("booked"), 1);
  HttpResult fetched = get("/api/v1/appointments/bookings/" + std::to_string(booking_id));
  ASSERT_EQ(fetched.status, 200) << fetched.body;
  EXPECT_EQ(fetched.json()->getValue<std::string>("channel"), "reexam");

  // Three days before 08:00 on the booked day has passed (reminders at 00:00): that one goes
  // out at once, with the booked time and the booking code.
  auto reminders = d->getArray("reminders");
  ASSERT_EQ(reminders->size(), 1u) << o->getArray("dues")->getObject(0)->getArray("reminders");
  EXPECT_EQ(reminders->getObject(0)->getValue<int>("offset_days"), 3);
  EXPECT_EQ(harness().send_notifications(), 1);  // Sent through the webhook driver now.
  auto requests = hook_.wait_for(1);
  ASSERT_EQ(requests.size(), 1u);
  Poco::JSON::Parser parser;
  auto sms = parser.parse(requests[0].body).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(sms->getValue<std::string>("phone"), "0912000121");
  const std::string text = sms->getValue<std::string>("message");
  EXPECT_THAT(text, HasSubstr("Nhắc lịch tái khám: 08:00 ngày " + vn_date(booking_day())));
  EXPECT_THAT(text, HasSubstr(b->getValue<std::string>("code")));
}

TEST_F(AppointmentsReexam, AHeldSlotMustLieInTheFirstDuesWindowAndTheClinic) {
  const auto ids = bookable_slots(1, 5);
  open_clinic(6, {"reexam"});
  // Due in 20 days, may come 3 days early: the slot in 2 days is outside.
  auto doc = expect_problem(
      order(order_body(17, 1, local_day(20), "\"slot_id\": " + std::to_string(ids[0]))), 422,
      "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id");
  doc = expect_problem(
      order(order_body(17, 6, booking_day(), "\"slot_id\": " + std::to_string(ids[0]))), 422,
      "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id");
  EXPECT_EQ(slot(1, booking_day(), ids[0])->getValue<int>("booked"), 0);
  long long rows = -1;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_reexams", soci::into(rows);
  EXPECT_EQ(rows, 0) << "the order rolls back with its booking";
}

TEST_F(AppointmentsReexam, AFullSlotRollsTheOrderBack) {
  const auto ids = bookable_slots(1, 1);
  ASSERT_EQ(book("call_center", 30, ids[0], "phone").status, 201);
  auto doc = expect_problem(
      order(order_body(17, 1, booking_day(), "\"slot_id\": " + std::to_string(ids[0]))), 409,
      "slot-full");
  EXPECT_EQ(doc->getValue<long long>("slot_id"), ids[0]);
  long long rows = -1;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_reexams", soci::into(rows);
  EXPECT_EQ(rows, 0);
}

TEST_F(AppointmentsReexam, TheCallCentreBooksADue) {
  const auto ids = bookable_slots(1, 5);
  auto o = create(order_body(22, 1, booking_day(), "\"window_before_days\": 0"));
  const long long id = o->getValue<long long>("id");

  HttpResult r = book_due(id, 1, ids[2], "call_center", "due-key-1");
  ASSERT_EQ(r.status, 201) << r.body;
  auto b = r.json();
  EXPECT_EQ(b->getValue<std::string>("channel"), "reexam") << "whoever books a due";
  EXPECT_EQ(b->getValue<std::string>("patient_id"), "22");
  EXPECT_EQ(b->getValue<long long>("slot_id"), ids[2]);
  EXPECT_EQ(b->getValue<std::string>("start"), booking_day() + "T08:30:00+07:00");
  // A retry with the same key gets the same answer; the slot is counted once.
  HttpResult again = book_due(id, 1, ids[2], "call_center", "due-key-1");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.json()->getValue<long long>("id"), b->getValue<long long>("id"));
  EXPECT_EQ(slot(1, booking_day(), ids[2])->getValue<int>("booked"), 1);

  auto d = due(fetch(id), 0);
  EXPECT_EQ(d->getValue<std::string>("status"), "booked");
  EXPECT_EQ(d->getValue<long long>("booking_id"), b->getValue<long long>("id"));

  // Booked already: 409 naming the status.
  auto doc = expect_problem(book_due(id, 1, ids[3], "receptionist"), 409, "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "booked");
  // The booking is cancelled: the due is open again and can be booked anew.
  HttpResult cancelled = post(
      "/api/v1/appointments/bookings/" + std::to_string(b->getValue<long long>("id")) + "/cancel",
      "{\"reason\": \"bận việc\"}", "call_center");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  HttpResult rebooked = book_due(id, 1, ids[3], "doctor");
  ASSERT_EQ(rebooked.status, 201) << rebooked.body;
  EXPECT_EQ(due(fetch(id), 0)->getValue<long long>("booking_id"),
            rebooked.json()->getValue<long long>("id"));
}

TEST_F(AppointmentsReexam, BookingADueIsRefusedOutsideItsWindowOrWhenUnknown) {
  const auto ids = bookable_slots(1, 5);
  auto o = create(order_body(23, 1, local_day(20)));
  const long long id = o->getValue<long long>("id");
  auto doc = expect_problem(book_due(id, 1, ids[0], "call_center"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id");
  doc = expect_problem(book_due(id, 1, 99999999, "call_center"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id");
  doc = expect_problem(post(kBase + "/" + std::to_string(id) + "/dues/1/book", "{}", "call_center"),
                       422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "slot_id");
  expect_problem(book_due(id, 2, ids[0], "call_center"), 404, "not-found");
  expect_problem(book_due(987654, 1, ids[0], "call_center"), 404, "not-found");
  expect_problem(get(kBase + "/987654"), 404, "not-found");
  expect_problem(post(kBase + "/987654/cancel", "{\"reason\": \"x\"}", "doctor"), 404, "not-found");
  doc = expect_problem(get(kBase + "?status=open"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "status");
  EXPECT_EQ(slot(1, booking_day(), ids[0])->getValue<int>("booked"), 0);
}

TEST_F(AppointmentsReexam, CancellingEndsOpenDuesAndLeavesBookings) {
  const auto ids = bookable_slots(1, 5);
  auto o = create(order_body(24, 1, booking_day(),
                             "\"slot_id\": " + std::to_string(ids[1]) +
                                 ", \"recurrence\": {\"interval_days\": 14, \"count\": 2}"));
  const long long id = o->getValue<long long>("id");
  const long long booking_id = due(o, 0)->getValue<long long>("booking_id");

  auto doc = expect_problem(post(kBase + "/" + std::to_string(id) + "/cancel", "{}", "doctor"), 422,
                            "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "reason");
  HttpResult r =
      post(kBase + "/" + std::to_string(id) + "/cancel", "{\"reason\": \"Chuyển viện\"}", "doctor");
  ASSERT_EQ(r.status, 200) << r.body;
  auto c = r.json();
  EXPECT_EQ(c->getValue<std::string>("status"), "cancelled");
  EXPECT_EQ(c->getValue<std::string>("cancel_reason"), "Chuyển viện");
  EXPECT_THAT(c->getValue<std::string>("cancelled_by"), ::testing::StartsWith("apikey:"));
  EXPECT_EQ(due(c, 0)->getValue<std::string>("status"), "booked");
  EXPECT_EQ(due(c, 1)->getValue<std::string>("status"), "cancelled");
  HttpResult b = get("/api/v1/appointments/bookings/" + std::to_string(booking_id));
  EXPECT_EQ(b.json()->getValue<std::string>("status"), "confirmed") << "bookings left alone";

  doc = expect_problem(
      post(kBase + "/" + std::to_string(id) + "/cancel", "{\"reason\": \"again\"}", "admin"), 409,
      "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "cancelled");
  doc = expect_problem(book_due(id, 2, ids[2], "call_center"), 409, "invalid-transition");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "cancelled");
  EXPECT_EQ(get(kBase + "?status=cancelled&patient_id=24").json()->getValue<int>("count"), 1);
}

TEST_F(AppointmentsReexam, AReminderReachesTheGatewayAndShowsSent) {
  open_clinic(6, {"reexam"});
  set_phone(25, "0987000125");
  const std::string tomorrow = local_day(1);
  auto o = create(order_body(25, 6, tomorrow, "\"window_before_days\": 0"));
  const long long id = o->getValue<long long>("id");
  auto reminders = due(o, 0)->getArray("reminders");
  ASSERT_EQ(reminders->size(), 1u) << "reminded at once, only the latest passed offset";
  EXPECT_EQ(reminders->getObject(0)->getValue<int>("offset_days"), 1);
  EXPECT_EQ(reminders->getObject(0)->getValue<std::string>("recorded_state"), "queued");

  EXPECT_EQ(harness().send_notifications(), 1);  // Sent through the webhook driver now.
  auto requests = hook_.wait_for(1);
  ASSERT_EQ(requests.size(), 1u);
  Poco::JSON::Parser parser;
  auto sms = parser.parse(requests[0].body).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(sms->getValue<std::string>("phone"), "0987000125");
  const std::string text = sms->getValue<std::string>("message");
  EXPECT_THAT(text, HasSubstr("Nhắc lịch tái khám: ngày " + vn_date(tomorrow)));
  EXPECT_THAT(text, HasSubstr("Re-examination reminder"));
  EXPECT_EQ(text.find("0987000125"), std::string::npos) << "nothing but what the message needs";

  // The delivery state, read live from the notifier.
  auto sent = due(fetch(id), 0)->getArray("reminders")->getObject(0);
  EXPECT_EQ(sent->getValue<std::string>("state"), "sent");
  EXPECT_FALSE(sent->getValue<std::string>("sent_at").empty());
  EXPECT_EQ(sent->getValue<int>("attempts"), 1);

  // Running again (another order, the next reminder run) does not repeat it.
  create(order_body(26, 6, local_day(30)));
  harness().clock().advance(std::chrono::hours(24));
  harness().run_due_jobs();
  harness().send_notifications();
  EXPECT_EQ(hook_.requests().size(), 1u);
  long long rows = 0;
  *store() << "SELECT COUNT(*) FROM hisx_appointments_reminders", soci::into(rows);
  EXPECT_EQ(rows, 1);
}

TEST_F(AppointmentsReexam, APatientWithoutAPhoneIsSkippedWithWhy) {
  open_clinic(6, {"reexam"});
  set_phone(27, "");
  auto o = create(order_body(27, 6, local_day(1)));
  auto reminders = due(o, 0)->getArray("reminders");
  ASSERT_EQ(reminders->size(), 1u);
  auto r = reminders->getObject(0);
  EXPECT_EQ(r->getValue<std::string>("state"), "skipped");
  EXPECT_EQ(r->getValue<std::string>("recorded_state"), "skipped");
  EXPECT_TRUE(r->isNull("message_id"));
  EXPECT_THAT(r->getValue<std::string>("detail"), HasSubstr("no phone"));
  std::string state, detail;
  *store() << "SELECT state, detail FROM hisx_appointments_reminders", soci::into(state),
      soci::into(detail);
  EXPECT_EQ(state, "skipped");
  EXPECT_THAT(detail, HasSubstr("số điện thoại"));
  EXPECT_EQ(harness().send_notifications(), 0);
  EXPECT_TRUE(hook_.requests().empty());
}

}  // namespace
}  // namespace hisx::test::integration
