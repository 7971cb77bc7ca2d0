// The call-centre worklist rules: outcomes, call-back times, who is on the list and in which
// order (W3).
#include "worklist/worklist_rules.h"

#include <gtest/gtest.h>

namespace hisx::appointments {
namespace {

class WorklistRules : public ::testing::Test {
 protected:
  static Instant at(const char* utc) { return *parse_utc(utc); }
  static LocalDate day(const char* text) { return *parse_date(text); }

  static WorkItemFacts booking(long long id, const char* start,
                               std::vector<AttemptFact> attempts = {}) {
    WorkItemFacts f;
    f.kind = WorkKind::kBooking;
    f.id = id;
    f.slot_start = at(start);
    f.attempts = std::move(attempts);
    return f;
  }

  static WorkItemFacts due(long long id, const char* window_end,
                           std::vector<AttemptFact> attempts = {}) {
    WorkItemFacts f;
    f.kind = WorkKind::kReexam;
    f.id = id;
    f.window_end = day(window_end);
    f.attempts = std::move(attempts);
    return f;
  }

  static AttemptFact attempt(long long id, const char* when, CallOutcome outcome,
                             const char* call_back = nullptr) {
    AttemptFact a;
    a.id = id;
    a.at = at(when);
    a.outcome = outcome;
    if (call_back) a.call_back_at = at(call_back);
    return a;
  }

  std::optional<Urgency> urgency(const WorkItemFacts& item) const {
    return urgency_of(item, today_, now_, zone_);
  }

  // The listed items as "b<id>" / "d<id>", in order.
  std::vector<std::string> order(const std::vector<WorkItemFacts>& items) const {
    std::vector<std::string> out;
    for (const auto& r : order_worklist(items, today_, now_, zone_)) {
      const auto& item = items[r.index];
      out.push_back((item.kind == WorkKind::kBooking ? "b" : "d") + std::to_string(item.id));
    }
    return out;
  }

  TimeZone zone_ = TimeZone::fixed("Asia/Ho_Chi_Minh", std::chrono::hours(7));
  // 10 Mar 2025, 09:00 local.
  LocalDate today_ = day("2025-03-10");
  Instant now_ = at("2025-03-10T02:00:00Z");
};

TEST_F(WorklistRules, OutcomesHaveStableNames) {
  for (const auto outcome :
       {CallOutcome::kConfirmed, CallOutcome::kNoAnswer, CallOutcome::kWrongNumber,
        CallOutcome::kDeclined, CallOutcome::kCallBackAt}) {
    EXPECT_EQ(parse_outcome(to_string(outcome)), outcome) << to_string(outcome);
  }
  EXPECT_EQ(to_string(CallOutcome::kNoAnswer), "no_answer");
  EXPECT_EQ(to_string(CallOutcome::kCallBackAt), "call_back_at");
  EXPECT_FALSE(parse_outcome("busy"));
  EXPECT_FALSE(parse_outcome("Confirmed"));
  EXPECT_FALSE(parse_outcome(""));
}

TEST_F(WorklistRules, CallBackTimeOnlyForCallBackAndInTheFuture) {
  const Instant later = at("2025-03-10T03:00:00Z");
  EXPECT_EQ(check_call_back(CallOutcome::kCallBackAt, later, now_), CallBackProblem::kNone);
  EXPECT_EQ(check_call_back(CallOutcome::kCallBackAt, std::nullopt, now_),
            CallBackProblem::kRequired);
  EXPECT_EQ(check_call_back(CallOutcome::kCallBackAt, now_, now_), CallBackProblem::kNotInFuture);
  EXPECT_EQ(check_call_back(CallOutcome::kCallBackAt, at("2025-03-10T01:59:59Z"), now_),
            CallBackProblem::kNotInFuture);
  for (const auto outcome : {CallOutcome::kConfirmed, CallOutcome::kNoAnswer,
                             CallOutcome::kWrongNumber, CallOutcome::kDeclined}) {
    EXPECT_EQ(check_call_back(outcome, std::nullopt, now_), CallBackProblem::kNone);
    EXPECT_EQ(check_call_back(outcome, later, now_), CallBackProblem::kNotAllowed);
  }
}

TEST_F(WorklistRules, CallBackTimesAreReadInUtcWithAnOffsetOrOnTheHospitalClock) {
  EXPECT_EQ(parse_call_back_time("2025-03-10T15:30:00Z", zone_), at("2025-03-10T15:30:00Z"));
  EXPECT_EQ(parse_call_back_time("2025-03-10T15:30:00+07:00", zone_), at("2025-03-10T08:30:00Z"));
  EXPECT_EQ(parse_call_back_time("2025-03-10T01:30-02:00", zone_), at("2025-03-10T03:30:00Z"));
  // No offset: the hospital's wall clock (what a datetime-local field sends).
  EXPECT_EQ(parse_call_back_time("2025-03-10T15:30", zone_), at("2025-03-10T08:30:00Z"));
  EXPECT_EQ(parse_call_back_time("2025-03-10 15:30:45", zone_), at("2025-03-10T08:30:45Z"));
  for (const char* bad :
       {"", "2025-03-10", "2025-03-10T25:00", "2025-02-30T10:00", "2025-03-10T10:00:61",
        "2025-03-10T10:00+7", "2025-03-10T10:00Zx", "2025-03-10X10:00", "tomorrow"}) {
    EXPECT_FALSE(parse_call_back_time(bad, zone_)) << bad;
  }
}

TEST_F(WorklistRules, ConfirmAndDeclineChangeOnlyBookings) {
  EXPECT_EQ(booking_effect(WorkKind::kBooking, CallOutcome::kConfirmed), BookingEffect::kConfirm);
  EXPECT_EQ(booking_effect(WorkKind::kBooking, CallOutcome::kDeclined), BookingEffect::kCancel);
  for (const auto outcome :
       {CallOutcome::kNoAnswer, CallOutcome::kWrongNumber, CallOutcome::kCallBackAt}) {
    EXPECT_EQ(booking_effect(WorkKind::kBooking, outcome), BookingEffect::kNone);
  }
  for (const auto outcome : {CallOutcome::kConfirmed, CallOutcome::kDeclined}) {
    EXPECT_EQ(booking_effect(WorkKind::kReexam, outcome), BookingEffect::kNone);
  }
}

TEST_F(WorklistRules, UncalledItemsAreListedByKind) {
  EXPECT_EQ(urgency(booking(1, "2025-03-11T01:00:00Z")), Urgency::kAwaitingConfirmation);
  EXPECT_EQ(urgency(due(2, "2025-03-10")), Urgency::kReexamDue) << "the window's last day";
  EXPECT_EQ(urgency(due(3, "2025-03-09")), Urgency::kReexamOverdue);
}

TEST_F(WorklistRules, ConfirmedAndDeclinedItemsLeaveTheList) {
  for (const auto outcome : {CallOutcome::kConfirmed, CallOutcome::kDeclined}) {
    EXPECT_FALSE(urgency(due(1, "2025-03-12", {attempt(1, "2025-03-01T02:00:00Z", outcome)})))
        << to_string(outcome) << ": for good, also days later";
  }
}

TEST_F(WorklistRules, WrongNumberEndsTheDayOnly) {
  EXPECT_FALSE(urgency(booking(1, "2025-03-11T01:00:00Z",
                               {attempt(1, "2025-03-10T01:00:00Z", CallOutcome::kWrongNumber)})));
  // Logged yesterday (9 Mar 23:00 local = 16:00 UTC): back today.
  EXPECT_EQ(urgency(booking(1, "2025-03-11T01:00:00Z",
                            {attempt(1, "2025-03-09T16:00:00Z", CallOutcome::kWrongNumber)})),
            Urgency::kAwaitingConfirmation);
  // 10 Mar 00:30 local is today already.
  EXPECT_FALSE(urgency(
      due(2, "2025-03-12", {attempt(1, "2025-03-09T17:30:00Z", CallOutcome::kWrongNumber)})));
}

TEST_F(WorklistRules, NoAnswerRetriesUntilTheDaysLimit) {
  std::vector<AttemptFact> calls = {attempt(1, "2025-03-10T01:00:00Z", CallOutcome::kNoAnswer)};
  EXPECT_EQ(urgency(booking(1, "2025-03-11T01:00:00Z", calls)), Urgency::kNoAnswerRetry);
  calls.push_back(attempt(2, "2025-03-10T01:20:00Z", CallOutcome::kNoAnswer));
  EXPECT_EQ(urgency(booking(1, "2025-03-11T01:00:00Z", calls)), Urgency::kNoAnswerRetry);
  calls.push_back(attempt(3, "2025-03-10T01:40:00Z", CallOutcome::kNoAnswer));
  EXPECT_FALSE(urgency(booking(1, "2025-03-11T01:00:00Z", calls)))
      << kMaxNoAnswersPerDay << " unanswered calls end the day";
  // Yesterday's unanswered calls do not count today.
  std::vector<AttemptFact> yesterday = {attempt(1, "2025-03-09T01:00:00Z", CallOutcome::kNoAnswer),
                                        attempt(2, "2025-03-09T02:00:00Z", CallOutcome::kNoAnswer),
                                        attempt(3, "2025-03-09T03:00:00Z", CallOutcome::kNoAnswer)};
  EXPECT_EQ(urgency(due(2, "2025-03-12", yesterday)), Urgency::kReexamDue);
  yesterday.push_back(attempt(4, "2025-03-10T01:00:00Z", CallOutcome::kNoAnswer));
  EXPECT_EQ(urgency(due(2, "2025-03-12", yesterday)), Urgency::kNoAnswerRetry);
}

TEST_F(WorklistRules, CallBacksWaitUntilTheirTimeThenComeFirst) {
  const auto waiting = booking(
      1, "2025-03-11T01:00:00Z",
      {attempt(1, "2025-03-10T01:00:00Z", CallOutcome::kNoAnswer),
       attempt(2, "2025-03-10T01:30:00Z", CallOutcome::kCallBackAt, "2025-03-10T04:00:00Z")});
  EXPECT_EQ(urgency(waiting), Urgency::kCallBackLater);
  EXPECT_TRUE(is_waiting(Urgency::kCallBackLater));
  EXPECT_FALSE(is_waiting(Urgency::kCallBackDue));
  EXPECT_EQ(urgency_of(waiting, today_, at("2025-03-10T04:00:00Z"), zone_), Urgency::kCallBackDue)
      << "due at its time";
  // A call-back set days ago for yesterday is still due.
  EXPECT_EQ(urgency(due(2, "2025-03-12",
                        {attempt(1, "2025-03-05T01:00:00Z", CallOutcome::kCallBackAt,
                                 "2025-03-09T01:00:00Z")})),
            Urgency::kCallBackDue);
}

TEST_F(WorklistRules, TheLatestAttemptDecides) {
  // Same time: the later id is the later attempt.
  const auto item = booking(1, "2025-03-11T01:00:00Z",
                            {attempt(7, "2025-03-10T01:00:00Z", CallOutcome::kWrongNumber),
                             attempt(6, "2025-03-10T01:00:00Z", CallOutcome::kNoAnswer)});
  EXPECT_FALSE(urgency(item));
  // A no-answer after a call-back replaces the call-back.
  EXPECT_EQ(urgency(booking(1, "2025-03-11T01:00:00Z",
                            {attempt(2, "2025-03-10T01:30:00Z", CallOutcome::kNoAnswer),
                             attempt(1, "2025-03-10T01:00:00Z", CallOutcome::kCallBackAt,
                                     "2025-03-10T05:00:00Z")})),
            Urgency::kNoAnswerRetry);
}

TEST_F(WorklistRules, OrderIsCallBacksDueBookingsSoonestDuesEndingSoonestRetriesThenWaiting) {
  const std::vector<WorkItemFacts> items = {
      booking(1, "2025-03-12T01:00:00Z"),
      due(2, "2025-03-20"),
      booking(3, "2025-03-10T03:00:00Z"),
      due(4, "2025-03-08"),
      booking(
          5, "2025-03-11T01:00:00Z",
          {attempt(1, "2025-03-10T01:00:00Z", CallOutcome::kCallBackAt, "2025-03-10T06:00:00Z")}),
      booking(6, "2025-03-15T01:00:00Z",
              {attempt(2, "2025-03-10T00:30:00Z", CallOutcome::kNoAnswer)}),
      due(7, "2025-03-14", {attempt(3, "2025-03-10T00:10:00Z", CallOutcome::kNoAnswer)}),
      due(8, "2025-03-30",
          {attempt(4, "2025-03-09T01:00:00Z", CallOutcome::kCallBackAt, "2025-03-10T01:30:00Z")}),
      booking(
          9, "2025-03-13T01:00:00Z",
          {attempt(5, "2025-03-09T01:00:00Z", CallOutcome::kCallBackAt, "2025-03-10T01:00:00Z")}),
      booking(10, "2025-03-13T01:00:00Z",
              {attempt(6, "2025-03-10T01:00:00Z", CallOutcome::kWrongNumber)}),
      due(11, "2025-03-20"),
      booking(
          12, "2025-03-11T01:00:00Z",
          {attempt(7, "2025-03-10T01:00:00Z", CallOutcome::kCallBackAt, "2025-03-10T05:00:00Z")}),
  };
  EXPECT_EQ(order(items), (std::vector<std::string>{
                              "b9", "d8",         // call-backs due, earliest first
                              "b3", "b1",         // awaiting confirmation, soonest slot first
                              "d4", "d2", "d11",  // dues: overdue, then window ending soonest
                              "d7", "b6",         // no-answer retries, called longest ago first
                              "b12", "b5",        // waiting call-backs, earliest first
                          }));
  const auto ranked = order_worklist(items, today_, now_, zone_);
  EXPECT_EQ(ranked.front().urgency, Urgency::kCallBackDue);
  EXPECT_EQ(ranked[4].urgency, Urgency::kReexamOverdue);
  EXPECT_EQ(ranked.back().urgency, Urgency::kCallBackLater);
  EXPECT_EQ(to_string(ranked.back().urgency), "call_back_later");
}

}  // namespace
}  // namespace hisx::appointments
