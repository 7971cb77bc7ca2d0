// W3: the call-centre worklist — who is on it and in which order, the calls logged with their
// outcomes, confirming and cancelling bookings from the list, and the refusals.
#include <gmock/gmock.h>

#include <chrono>
#include <cstdio>

#include "appointments_fixture.h"

namespace hisx::test::integration {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

// "YYYY-MM-DDTHH:MM:SSZ", `offset` from now.
std::string utc_from_now(std::chrono::seconds offset) {
  const auto t =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + offset;
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

class AppointmentsWorklist : public AppointmentsTest {
 protected:
  static constexpr const char* kAttempts = "/api/v1/appointments/worklist/attempts";

  long long booked(const std::string& role, long long patient, long long slot,
                   const std::string& channel) {
    HttpResult r = book(role, patient, slot, channel);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<long long>("id") : 0;
  }

  // A re-examination order with one due, written straight into the store (standing in for
  // POST /reexams, which another part of W4 adds). Windows are in days from today.
  long long add_due(long long patient, long long clinic, int window_from, int window_to,
                    const std::string& status = "open", const std::string& order = "active") {
    auto s = store();
    const std::string now = utc_from_now(std::chrono::seconds(0));
    const std::string start = local_day(window_from), end = local_day(window_to);
    long long reexam = 0, due = 0;
    *s << "INSERT INTO hisx_appointments_reexams (patient_id, clinic_id, first_due_date, "
          "window_before_days, window_after_days, occurrences, note, status, ordered_by, "
          "created_at, updated_at) VALUES (:p, :c, :d, 0, 0, 1, 'Tăng huyết áp', :st, "
          "'user:1', :now, :now2) RETURNING id",
        soci::use(patient), soci::use(clinic), soci::use(start), soci::use(order), soci::use(now),
        soci::use(now), soci::into(reexam);
    *s << "INSERT INTO hisx_appointments_reexam_dues (reexam_id, seq, due_date, window_start, "
          "window_end, status, updated_at) VALUES (:r, 1, :d, :ws, :we, :st, :now) RETURNING id",
        soci::use(reexam), soci::use(start), soci::use(start), soci::use(end), soci::use(status),
        soci::use(now), soci::into(due);
    return due;
  }

  void set_due_status(long long due, const std::string& status) {
    *store() << "UPDATE hisx_appointments_reexam_dues SET status = :s WHERE id = :id",
        soci::use(status), soci::use(due);
  }

  HttpResult call(const std::string& subject, long long id, const std::string& outcome,
                  const std::string& extra = "", const std::string& role = "call_center") {
    return post(kAttempts,
                "{\"" + subject + "\": " + std::to_string(id) + ", \"outcome\": \"" + outcome +
                    "\"" + extra + "}",
                role);
  }

  Poco::JSON::Array::Ptr worklist(const std::string& query = "") {
    HttpResult r = get("/api/v1/appointments/worklist" + query, "call_center");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return new Poco::JSON::Array;
    return r.json()->getArray("items");
  }

  // The list as "b<booking id>:<urgency>" / "d<due id>:<urgency>", in order.
  std::vector<std::string> lines(const Poco::JSON::Array::Ptr& items) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items->size(); ++i) {
      auto item = items->getObject(static_cast<unsigned>(i));
      EXPECT_EQ(item->getValue<long long>("rank"), static_cast<long long>(i + 1));
      const bool booking = item->getValue<std::string>("kind") == "booking";
      const auto subject = item->getObject(booking ? "booking" : "due");
      out.push_back((booking ? "b" : "d") + std::to_string(subject->getValue<long long>("id")) +
                    ":" + item->getValue<std::string>("urgency"));
    }
    return out;
  }

  long long count_attempts() {
    long long n = 0;
    *store() << "SELECT COUNT(*) FROM hisx_appointments_call_attempts", soci::into(n);
    return n;
  }

  std::string booking_status(long long id) {
    HttpResult r = get("/api/v1/appointments/bookings/" + std::to_string(id), "call_center");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json()->getValue<std::string>("status") : "";
  }
};

TEST_F(AppointmentsWorklist, ListsWhomToCallMostUrgentFirst) {
  const auto slots = bookable_slots(1, 4);
  const long long b60 = booked("app", 60, slots[2], "app");
  const long long b61 = booked("app", 61, slots[0], "app");
  const long long b62 = booked("app", 62, slots[1], "app");
  const long long b63 = booked("app", 63, slots[3], "app");
  booked("receptionist", 64, slots[0], "phone");  // confirmed already: nobody calls
  const long long overdue = add_due(70, 1, -10, -1);
  const long long due = add_due(71, 1, -2, 5);
  const long long later = add_due(72, 1, 1, 8);  // its window opens tomorrow
  add_due(73, 1, -2, 5, "booked");
  add_due(74, 1, -2, 5, "open", "cancelled");

  EXPECT_EQ(lines(worklist()), (std::vector<std::string>{
                                   "b" + std::to_string(b61) + ":awaiting_confirmation",
                                   "b" + std::to_string(b62) + ":awaiting_confirmation",
                                   "b" + std::to_string(b60) + ":awaiting_confirmation",
                                   "b" + std::to_string(b63) + ":awaiting_confirmation",
                                   "d" + std::to_string(overdue) + ":reexam_overdue",
                                   "d" + std::to_string(due) + ":reexam_due",
                               }));

  // No answer: after the ones not called yet. A call-back in two hours: at the end, greyed.
  ASSERT_EQ(call("booking_id", b63, "no_answer").status, 201);
  HttpResult r = call("booking_id", b62, "call_back_at",
                      ", \"call_back_at\": \"" + utc_from_now(std::chrono::hours(2)) + "\"");
  ASSERT_EQ(r.status, 201) << r.body;
  // A call-back whose time has come (logged earlier, straight into the store): first.
  const std::string two_hours_ago = utc_from_now(-std::chrono::hours(2));
  const std::string one_hour_ago = utc_from_now(-std::chrono::hours(1));
  *store() << "INSERT INTO hisx_appointments_call_attempts (booking_id, at, by_principal, "
              "outcome, call_back_at) VALUES (:b, :at, 'user:9', 'call_back_at', :cb)",
      soci::use(b60), soci::use(two_hours_ago), soci::use(one_hour_ago);

  auto items = worklist();
  EXPECT_EQ(lines(items), (std::vector<std::string>{
                              "b" + std::to_string(b60) + ":call_back_due",
                              "b" + std::to_string(b61) + ":awaiting_confirmation",
                              "d" + std::to_string(overdue) + ":reexam_overdue",
                              "d" + std::to_string(due) + ":reexam_due",
                              "b" + std::to_string(b63) + ":no_answer_retry",
                              "b" + std::to_string(b62) + ":call_back_later",
                          }));

  // What the agent sees of a booking: patient from the HIS, clinic, slot, calls.
  auto first = items->getObject(1);
  EXPECT_FALSE(first->getValue<bool>("waiting"));
  HttpResult patient = get("/api/v1/his/patients/61", "call_center");
  ASSERT_EQ(patient.status, 200) << patient.body;
  auto p = first->getObject("patient");
  EXPECT_EQ(p->getValue<long long>("id"), 61);
  EXPECT_EQ(p->getValue<std::string>("code"), patient.json()->getValue<std::string>("code"));
  EXPECT_EQ(p->getValue<std::string>("full_name"),
            patient.json()->getValue<std::string>("full_name"));
  EXPECT_EQ(p->getValue<std::string>("phone"), patient.json()->getValue<std::string>("phone"));
  EXPECT_FALSE(p->getValue<std::string>("phone").empty());
  HttpResult clinics = get("/api/v1/appointments/clinics", "call_center");
  ASSERT_EQ(clinics.status, 200);
  EXPECT_EQ(first->getObject("clinic")->getValue<std::string>("name"),
            clinics.json()->getArray("items")->getObject(0)->getValue<std::string>("name"));
  EXPECT_EQ(first->getValue<std::string>("start"), booking_day() + "T08:00:00+07:00");
  EXPECT_EQ(first->getValue<std::string>("end"), booking_day() + "T08:15:00+07:00");
  EXPECT_EQ(first->getObject("booking")->getValue<std::string>("status"), "requested");
  EXPECT_TRUE(first->isNull("due"));
  EXPECT_EQ(first->getArray("attempts")->size(), 0u);

  auto waiting = items->getObject(5);
  EXPECT_TRUE(waiting->getValue<bool>("waiting"));
  EXPECT_THAT(waiting->getValue<std::string>("call_back_at"), HasSubstr("+07:00"));
  auto calls = waiting->getArray("attempts");
  ASSERT_EQ(calls->size(), 1u);
  EXPECT_EQ(calls->getObject(0)->getValue<std::string>("outcome"), "call_back_at");
  EXPECT_THAT(calls->getObject(0)->getValue<std::string>("by"), ::testing::StartsWith("apikey:"));
  EXPECT_EQ(
      items->getObject(4)->getArray("attempts")->getObject(0)->getValue<std::string>("outcome"),
      "no_answer");

  // A re-examination item: the due, its order's patient and clinic, no slot.
  auto reexam = items->getObject(2);
  EXPECT_EQ(reexam->getValue<std::string>("kind"), "reexam");
  EXPECT_TRUE(reexam->isNull("booking"));
  EXPECT_TRUE(reexam->isNull("start"));
  EXPECT_EQ(reexam->getObject("due")->getValue<std::string>("window_end"), local_day(-1));
  EXPECT_EQ(reexam->getObject("due")->getValue<std::string>("note"), "Tăng huyết áp");
  EXPECT_EQ(reexam->getObject("patient")->getValue<long long>("id"), 70);
  EXPECT_FALSE(reexam->getObject("patient")->getValue<std::string>("full_name").empty());

  // The day defaults to today; tomorrow's list has the due whose window opens then.
  r = get("/api/v1/appointments/worklist", "call_center");
  EXPECT_EQ(r.json()->getValue<std::string>("date"), local_day(0));
  EXPECT_EQ(r.json()->getValue<int>("count"), 6);
  auto tomorrow = lines(worklist("?date=" + local_day(1)));
  EXPECT_THAT(tomorrow, ::testing::Contains("d" + std::to_string(later) + ":reexam_due"));
  // After the slots' day, none of those bookings is left to confirm.
  for (const auto& line : lines(worklist("?date=" + local_day(3)))) {
    EXPECT_EQ(line[0], 'd') << line;
  }
}

TEST_F(AppointmentsWorklist, ConfirmedAndDeclinedChangeTheBooking) {
  const auto slots = bookable_slots(2, 4);
  const long long yes = booked("app", 80, slots[0], "app");
  const long long no = booked("app", 81, slots[1], "app");

  HttpResult r = call("booking_id", yes, "confirmed", ", \"note\": \"Sẽ đến đúng giờ\"");
  ASSERT_EQ(r.status, 201) << r.body;
  auto a = r.json();
  EXPECT_GT(a->getValue<long long>("id"), 0);
  EXPECT_EQ(a->getValue<long long>("booking_id"), yes);
  EXPECT_TRUE(a->isNull("due_id"));
  EXPECT_EQ(a->getValue<std::string>("outcome"), "confirmed");
  EXPECT_EQ(a->getValue<std::string>("note"), "Sẽ đến đúng giờ");
  EXPECT_TRUE(a->isNull("call_back_at"));
  EXPECT_THAT(a->getValue<std::string>("at"), MatchesRegex(".*T.*\\+07:00"));
  EXPECT_EQ(a->getObject("booking")->getValue<std::string>("status"), "confirmed");
  EXPECT_EQ(booking_status(yes), "confirmed");
  HttpResult b = get("/api/v1/appointments/bookings/" + std::to_string(yes), "call_center");
  auto history = b.json()->getArray("history");
  EXPECT_EQ(history->getObject(history->size() - 1)->getValue<std::string>("action"), "confirm");
  EXPECT_EQ(history->getObject(history->size() - 1)->getValue<std::string>("by"),
            a->getValue<std::string>("by"));

  EXPECT_EQ(slot(2, booking_day(), slots[1])->getValue<int>("booked"), 1);
  r = call("booking_id", no, "declined");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getObject("booking")->getValue<std::string>("status"), "cancelled");
  b = get("/api/v1/appointments/bookings/" + std::to_string(no), "call_center");
  EXPECT_EQ(b.json()->getValue<std::string>("status"), "cancelled");
  EXPECT_THAT(b.json()->getValue<std::string>("cancel_reason"),
              HasSubstr("patient declined by phone"));
  EXPECT_EQ(slot(2, booking_day(), slots[1])->getValue<int>("booked"), 0) << "place given back";

  // Both events are in the outbox, written with the attempts.
  int events = 0;
  *store() << "SELECT COUNT(*) FROM hisx_host_outbox WHERE name IN ('appointment.confirmed', "
              "'appointment.cancelled')",
      soci::into(events);
  EXPECT_EQ(events, 2);
  EXPECT_TRUE(lines(worklist()).empty()) << "nothing left to call";

  // Neither is awaiting confirmation any more: 409, and no attempt is stored.
  const long long before = count_attempts();
  auto doc = expect_problem(call("booking_id", yes, "confirmed"), 409, "not-awaiting-confirmation");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "confirmed");
  EXPECT_EQ(doc->getValue<long long>("booking_id"), yes);
  doc = expect_problem(call("booking_id", no, "no_answer"), 409, "not-awaiting-confirmation");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "cancelled");
  EXPECT_EQ(count_attempts(), before);
}

TEST_F(AppointmentsWorklist, EveryOutcomeIsLoggedAndTheHistoryIsLatestFirst) {
  const auto slots = bookable_slots(3, 4);
  const long long id = booked("app", 90, slots[0], "app");
  const long long wrong = booked("app", 91, slots[1], "app");

  ASSERT_EQ(call("booking_id", id, "no_answer").status, 201);
  const std::string when = local_day(1) + "T08:30";  // tomorrow morning, whenever this runs
  HttpResult r = call("booking_id", id, "call_back_at", ", \"call_back_at\": \"" + when + "\"");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("call_back_at"), when + ":00+07:00")
      << "a time without offset is the hospital's";
  EXPECT_EQ(r.json()->getObject("booking")->getValue<std::string>("status"), "requested");
  ASSERT_EQ(call("booking_id", wrong, "wrong_number", "", "admin").status, 201);
  EXPECT_EQ(booking_status(wrong), "requested") << "a wrong number changes no booking";
  ASSERT_EQ(call("booking_id", id, "confirmed").status, 201);

  r = get(std::string(kAttempts) + "?booking_id=" + std::to_string(id), "call_center");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.json()->getArray("items");
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("outcome"), "confirmed");
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("outcome"), "call_back_at");
  EXPECT_EQ(items->getObject(2)->getValue<std::string>("outcome"), "no_answer");
  EXPECT_GT(items->getObject(0)->getValue<long long>("id"),
            items->getObject(2)->getValue<long long>("id"));

  // The wrong number is off today's list, back on tomorrow's.
  auto today = lines(worklist());
  EXPECT_TRUE(today.empty()) << today.size() << " items";
  EXPECT_EQ(lines(worklist("?date=" + local_day(1))),
            std::vector<std::string>{"b" + std::to_string(wrong) + ":awaiting_confirmation"});

  // The stored rows: one subject each, the call-back time in UTC.
  std::string outcome, call_back;
  soci::indicator ind = soci::i_ok;
  *store() << "SELECT outcome, call_back_at FROM hisx_appointments_call_attempts WHERE "
              "outcome = 'call_back_at'",
      soci::into(outcome), soci::into(call_back, ind);
  EXPECT_EQ(call_back, local_day(1) + "T01:30:00Z");
}

TEST_F(AppointmentsWorklist, DueCallsAndBookingADueFirst) {
  const long long due = add_due(95, 4, -1, 6);
  const long long refused = add_due(96, 4, 0, 6);

  HttpResult r = call("due_id", due, "no_answer", ", \"note\": \"Máy bận\"");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<long long>("due_id"), due);
  EXPECT_TRUE(r.json()->isNull("booking_id"));
  EXPECT_FALSE(r.json()->has("booking"));

  // "Confirmed" on a due means it was booked through the re-examination route first.
  auto doc = expect_problem(call("due_id", due, "confirmed"), 409, "due-not-booked");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "open");
  set_due_status(due, "booked");
  ASSERT_EQ(call("due_id", due, "confirmed").status, 201);
  doc = expect_problem(call("due_id", due, "no_answer"), 409, "due-not-open");
  EXPECT_EQ(doc->getValue<std::string>("current_status"), "booked");

  // Declined: off the list for good.
  ASSERT_EQ(call("due_id", refused, "declined").status, 201);
  EXPECT_TRUE(lines(worklist()).empty());
  EXPECT_TRUE(lines(worklist("?date=" + local_day(2))).empty());

  r = get(std::string(kAttempts) + "?due_id=" + std::to_string(due), "admin");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.json()->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("outcome"), "confirmed");
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("note"), "Máy bận");
}

TEST_F(AppointmentsWorklist, RefusalsNameTheField) {
  const auto slots = bookable_slots(5, 4);
  const long long id = booked("app", 99, slots[0], "app");
  const std::string booking = "{\"booking_id\": " + std::to_string(id);
  const std::string soon = utc_from_now(std::chrono::hours(1));
  const std::string past = utc_from_now(-std::chrono::minutes(1));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {booking + "}", "outcome"},
      {booking + ", \"outcome\": \"busy\"}", "outcome"},
      {booking + ", \"outcome\": \"call_back_at\"}", "call_back_at"},
      {booking + ", \"outcome\": \"call_back_at\", \"call_back_at\": \"" + past + "\"}",
       "call_back_at"},
      {booking + ", \"outcome\": \"call_back_at\", \"call_back_at\": \"tomorrow\"}",
       "call_back_at"},
      {booking + ", \"outcome\": \"no_answer\", \"call_back_at\": \"" + soon + "\"}",
       "call_back_at"},
      {booking + ", \"due_id\": 1, \"outcome\": \"no_answer\"}", "due_id"},
      {"{\"outcome\": \"no_answer\"}", "booking_id"},
      {"{\"booking_id\": \"7\", \"outcome\": \"no_answer\"}", "booking_id"},
      {booking + ", \"outcome\": \"no_answer\", \"note\": \"" + std::string(501, 'x') + "\"}",
       "note"},
  };
  for (const auto& [body, field] : cases) {
    auto doc = expect_problem(post(kAttempts, body, "call_center"), 422, "validation");
    EXPECT_EQ(doc->getValue<std::string>("field"), field) << body;
  }
  EXPECT_EQ(count_attempts(), 0);

  expect_problem(call("booking_id", 999999, "no_answer"), 404, "not-found");
  expect_problem(call("due_id", 999999, "no_answer"), 404, "not-found");
  expect_problem(get(std::string(kAttempts) + "?booking_id=999999", "call_center"), 404,
                 "not-found");
  expect_problem(get(std::string(kAttempts) + "?due_id=999999", "call_center"), 404, "not-found");
  auto doc = expect_problem(get(kAttempts, "call_center"), 422, "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "booking_id");
  doc = expect_problem(get("/api/v1/appointments/worklist?date=2025-02-30", "call_center"), 422,
                       "validation");
  EXPECT_EQ(doc->getValue<std::string>("field"), "date");

  for (const std::string role : {"receptionist", "doctor", "cashier", "manager", "app"}) {
    expect_problem(get("/api/v1/appointments/worklist", role), 403, "forbidden");
    expect_problem(call("booking_id", id, "confirmed", "", role), 403, "forbidden");
    expect_problem(get(std::string(kAttempts) + "?booking_id=" + std::to_string(id), role), 403,
                   "forbidden");
  }
  EXPECT_EQ(booking_status(id), "requested");
  EXPECT_EQ(count_attempts(), 0);
}

}  // namespace
}  // namespace hisx::test::integration
