#include "worklist/worklist_service.h"

#include <map>

#include "booking/booking_changes.h"
#include "booking/booking_problems.h"
#include "booking/booking_store.h"
#include "hisx/database.h"
#include "hisx/problem.h"

namespace hisx::appointments {

namespace {

Poco::JSON::Object::Ptr members() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

sdk::Problem due_not_found(long long id) {
  return sdk::Problem::not_found("No re-examination due " + std::to_string(id) +
                                 " / Không có lượt tái khám " + std::to_string(id));
}

void check_call_back_time(const AttemptRequest& r, Instant now) {
  switch (check_call_back(r.outcome, r.call_back_at, now)) {
    case CallBackProblem::kNone:
      return;
    case CallBackProblem::kRequired:
      throw sdk::Problem::invalid("call_back_at",
                                  "'call_back_at' is required for outcome call_back_at / "
                                  "'call_back_at' là bắt buộc khi hẹn gọi lại");
    case CallBackProblem::kNotAllowed:
      throw sdk::Problem::invalid("call_back_at",
                                  "'call_back_at' is only for outcome call_back_at / "
                                  "'call_back_at' chỉ dùng khi hẹn gọi lại");
    case CallBackProblem::kNotInFuture:
      throw sdk::Problem::invalid("call_back_at",
                                  "'call_back_at' must be in the future / "
                                  "'call_back_at' phải là thời điểm trong tương lai");
  }
}

// The booking call: the booking must still await confirmation; confirmed and declined change
// it in this transaction.
Booking apply_to_booking(Environment& env, soci::session& s, const sdk::Principal& who,
                         long long id, CallOutcome outcome) {
  const auto b = find_booking(s, id);
  if (!b || !may_see(who, *b)) throw booking_not_found(id);
  if (b->status != BookingStatus::kRequested) {
    auto m = members();
    m->set("booking_id", id);
    m->set("current_status", std::string(to_string(b->status)));
    throw sdk::Problem(409, "not-awaiting-confirmation",
                       "Booking " + std::to_string(id) + " is " +
                           std::string(to_string(b->status)) +
                           ", no longer awaiting confirmation / Lịch hẹn không còn chờ "
                           "xác nhận",
                       m);
  }
  switch (booking_effect(WorkKind::kBooking, outcome)) {
    case BookingEffect::kConfirm:
      return change_booking_in(env, s, who, id, BookingAction::kConfirm, "");
    case BookingEffect::kCancel:
      return change_booking_in(env, s, who, id, BookingAction::kCancel,
                               std::string(kDeclinedReason));
    case BookingEffect::kNone:
      break;
  }
  return *b;
}

// The due call: open (of an active order) to log a call; booked already for `confirmed`.
void check_due(soci::session& s, long long id, CallOutcome outcome) {
  const auto d = find_due(s, id);
  if (!d) throw due_not_found(id);
  const bool confirmed = outcome == CallOutcome::kConfirmed;
  const std::string wanted = confirmed ? "booked" : "open";
  if (d->status == wanted && (confirmed || d->order_status == "active")) return;
  auto m = members();
  m->set("due_id", id);
  m->set("current_status", d->order_status == "active" ? d->status : d->order_status);
  if (confirmed && d->status == "open") {
    throw sdk::Problem(409, "due-not-booked",
                       "Book a slot for the re-examination first, then log the call as "
                       "confirmed / Hãy đặt lịch tái khám trước khi ghi nhận đã xác nhận",
                       m);
  }
  throw sdk::Problem(409, "due-not-open",
                     "The re-examination due is " + m->getValue<std::string>("current_status") +
                         ", not awaiting a call / Lượt tái khám không còn chờ gọi",
                     m);
}

Instant start_of(LocalDate day, const TimeZone& zone) { return zone.to_utc(LocalTime(day)); }

}  // namespace

AttemptResult log_attempt(Environment& env, const sdk::Principal& who,
                          const AttemptRequest& request) {
  check_call_back_time(request, env.now());
  AttemptResult result;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    result = AttemptResult{};
    if (request.booking_id) {
      result.booking = apply_to_booking(env, s, who, *request.booking_id, request.outcome);
    } else {
      check_due(s, *request.due_id, request.outcome);
    }
    CallAttempt a;
    a.booking_id = request.booking_id;
    a.due_id = request.due_id;
    a.at = env.now();
    a.by = who.id;
    a.outcome = request.outcome;
    a.call_back_at = request.call_back_at;
    a.note = request.note;
    a.id = insert_attempt(s, a);
    result.attempt = a;
  });
  return result;
}

std::vector<CallAttempt> attempt_history(Environment& env, long long id, bool due) {
  const auto s_lease = env.context.store().session();
  soci::session& s = *s_lease;
  if (due ? !find_due(s, id).has_value() : !find_booking(s, id).has_value()) {
    throw due ? due_not_found(id) : booking_not_found(id);
  }
  return list_attempts(s, id, due);
}

Worklist build_worklist(Environment& env, LocalDate day) {
  Worklist list;
  list.day = day;
  list.as_of = std::max(env.now(), start_of(day, env.zone));

  std::vector<Booking> bookings;
  std::vector<DueForCall> dues;
  std::map<long long, std::vector<CallAttempt>> booking_calls, due_calls;
  {
    const auto s_lease = env.context.store().session();
    soci::session& s = *s_lease;
    for (const long long id : list_awaiting_confirmation(s, list.as_of)) {
      if (auto b = find_booking(s, id)) bookings.push_back(std::move(*b));
    }
    dues = list_open_dues(s, day);
    for (auto& a : list_candidate_attempts(s, list.as_of, day)) {
      auto& calls = a.booking_id ? booking_calls[*a.booking_id] : due_calls[*a.due_id];
      calls.push_back(std::move(a));
    }
  }

  std::vector<WorkItem> candidates;
  std::vector<WorkItemFacts> facts;
  auto add_facts = [&](WorkItem item, WorkItemFacts f) {
    for (const auto& a : item.attempts)
      f.attempts.push_back({a.id, a.at, a.outcome, a.call_back_at});
    facts.push_back(std::move(f));
    candidates.push_back(std::move(item));
  };
  for (auto& b : bookings) {
    WorkItem item;
    item.kind = WorkKind::kBooking;
    item.patient_id = b.patient_id;
    item.clinic_id = b.clinic_id;
    item.attempts = std::move(booking_calls[b.id]);
    WorkItemFacts f;
    f.kind = WorkKind::kBooking;
    f.id = b.id;
    f.slot_start = b.start;
    item.booking = std::move(b);
    add_facts(std::move(item), std::move(f));
  }
  for (auto& d : dues) {
    WorkItem item;
    item.kind = WorkKind::kReexam;
    item.patient_id = d.patient_id;
    item.clinic_id = d.clinic_id;
    item.attempts = std::move(due_calls[d.id]);
    WorkItemFacts f;
    f.kind = WorkKind::kReexam;
    f.id = d.id;
    f.window_end = parse_date(d.window_end).value_or(day);
    item.due = std::move(d);
    add_facts(std::move(item), std::move(f));
  }

  std::map<sdk::HisId, std::string> clinic_names;
  for (const auto& c : his_clinics(env.context)) clinic_names[c.id] = c.name;
  std::map<sdk::HisId, std::optional<HisPatient>> patients;  // one lookup per patient
  for (const auto& ranked : order_worklist(facts, day, list.as_of, env.zone)) {
    WorkItem item = std::move(candidates[ranked.index]);
    item.urgency = ranked.urgency;
    auto found = patients.find(item.patient_id);
    if (found == patients.end()) {
      found = patients.emplace(item.patient_id, his_patient(env.context, item.patient_id)).first;
    }
    item.patient = found->second;
    item.clinic_name = clinic_names[item.clinic_id];
    list.items.push_back(std::move(item));
  }
  return list;
}

}  // namespace hisx::appointments
