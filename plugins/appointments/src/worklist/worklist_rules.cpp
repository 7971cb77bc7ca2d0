#include "worklist/worklist_rules.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace hisx::appointments {

namespace {

constexpr std::array<std::pair<CallOutcome, std::string_view>, 5> kOutcomeNames = {{
    {CallOutcome::kConfirmed, "confirmed"},
    {CallOutcome::kNoAnswer, "no_answer"},
    {CallOutcome::kWrongNumber, "wrong_number"},
    {CallOutcome::kDeclined, "declined"},
    {CallOutcome::kCallBackAt, "call_back_at"},
}};

std::optional<int> two_digits(std::string_view text, std::size_t at) {
  if (at + 2 > text.size()) return std::nullopt;
  const char a = text[at], b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
  return (a - '0') * 10 + (b - '0');
}

// The latest attempt: the last logged (by time, then id).
const AttemptFact* latest_of(const std::vector<AttemptFact>& attempts) {
  const AttemptFact* latest = nullptr;
  for (const auto& a : attempts) {
    if (!latest || std::tie(a.at, a.id) > std::tie(latest->at, latest->id)) latest = &a;
  }
  return latest;
}

// The key that orders items within their urgency group (seconds or days; smaller first).
long long key_within_group(const WorkItemFacts& item, Urgency urgency) {
  const AttemptFact* latest = latest_of(item.attempts);
  switch (urgency) {
    case Urgency::kCallBackDue:
    case Urgency::kCallBackLater:
      return latest->call_back_at->time_since_epoch().count();
    case Urgency::kAwaitingConfirmation:
      return item.slot_start.time_since_epoch().count();
    case Urgency::kReexamOverdue:
    case Urgency::kReexamDue:
      return item.window_end.time_since_epoch().count();
    case Urgency::kNoAnswerRetry:
      return latest->at.time_since_epoch().count();
  }
  return 0;
}

}  // namespace

std::string_view to_string(CallOutcome outcome) {
  for (const auto& [value, name] : kOutcomeNames) {
    if (value == outcome) return name;
  }
  return "";
}

std::optional<CallOutcome> parse_outcome(std::string_view text) {
  for (const auto& [value, name] : kOutcomeNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

CallBackProblem check_call_back(CallOutcome outcome, const std::optional<Instant>& call_back_at,
                                Instant now) {
  if (outcome != CallOutcome::kCallBackAt) {
    return call_back_at ? CallBackProblem::kNotAllowed : CallBackProblem::kNone;
  }
  if (!call_back_at) return CallBackProblem::kRequired;
  if (*call_back_at <= now) return CallBackProblem::kNotInFuture;
  return CallBackProblem::kNone;
}

std::optional<Instant> parse_call_back_time(std::string_view text, const TimeZone& zone) {
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  const auto date = parse_date(text.substr(0, 10));
  const auto minutes = parse_clock(text.substr(11, 5));
  if (!date || !minutes) return std::nullopt;
  std::size_t at = 16;
  int seconds = 0;
  if (at < text.size() && text[at] == ':') {
    const auto s = two_digits(text, at + 1);
    if (!s || *s > 59) return std::nullopt;
    seconds = *s;
    at += 3;
  }
  const LocalTime wall =
      LocalTime(*date) + std::chrono::minutes(*minutes) + std::chrono::seconds(seconds);
  const std::string_view rest = text.substr(at);
  if (rest.empty()) return zone.to_utc(wall);
  if (rest == "Z") return Instant(wall.time_since_epoch());
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':') {
    return std::nullopt;
  }
  const auto hours = two_digits(rest, 1), mins = two_digits(rest, 4);
  if (!hours || !mins || *hours > 14 || *mins > 59) return std::nullopt;
  const std::chrono::seconds offset = std::chrono::hours(*hours) + std::chrono::minutes(*mins);
  return Instant(wall.time_since_epoch()) - (rest[0] == '+' ? offset : -offset);
}

std::string_view to_string(WorkKind kind) {
  return kind == WorkKind::kBooking ? "booking" : "reexam";
}

BookingEffect booking_effect(WorkKind kind, CallOutcome outcome) {
  if (kind != WorkKind::kBooking) return BookingEffect::kNone;
  if (outcome == CallOutcome::kConfirmed) return BookingEffect::kConfirm;
  if (outcome == CallOutcome::kDeclined) return BookingEffect::kCancel;
  return BookingEffect::kNone;
}

std::string_view to_string(Urgency urgency) {
  switch (urgency) {
    case Urgency::kCallBackDue:
      return "call_back_due";
    case Urgency::kAwaitingConfirmation:
      return "awaiting_confirmation";
    case Urgency::kReexamOverdue:
      return "reexam_overdue";
    case Urgency::kReexamDue:
      return "reexam_due";
    case Urgency::kNoAnswerRetry:
      return "no_answer_retry";
    case Urgency::kCallBackLater:
      return "call_back_later";
  }
  return "";
}

bool is_waiting(Urgency urgency) { return urgency == Urgency::kCallBackLater; }

std::optional<Urgency> urgency_of(const WorkItemFacts& item, LocalDate day, Instant reference,
                                  const TimeZone& zone) {
  if (const AttemptFact* latest = latest_of(item.attempts)) {
    const bool logged_that_day = zone.date_of(latest->at) == day;
    switch (latest->outcome) {
      case CallOutcome::kConfirmed:
      case CallOutcome::kDeclined:
        return std::nullopt;
      case CallOutcome::kWrongNumber:
        if (logged_that_day) return std::nullopt;
        break;
      case CallOutcome::kNoAnswer:
        if (logged_that_day) {
          const auto unanswered =
              std::count_if(item.attempts.begin(), item.attempts.end(), [&](const AttemptFact& a) {
                return a.outcome == CallOutcome::kNoAnswer && zone.date_of(a.at) == day;
              });
          if (unanswered >= kMaxNoAnswersPerDay) return std::nullopt;
          return Urgency::kNoAnswerRetry;
        }
        break;
      case CallOutcome::kCallBackAt:
        if (latest->call_back_at) {
          return *latest->call_back_at <= reference ? Urgency::kCallBackDue
                                                    : Urgency::kCallBackLater;
        }
        break;
    }
  }
  if (item.kind == WorkKind::kBooking) return Urgency::kAwaitingConfirmation;
  return item.window_end < day ? Urgency::kReexamOverdue : Urgency::kReexamDue;
}

std::vector<RankedItem> order_worklist(const std::vector<WorkItemFacts>& items, LocalDate day,
                                       Instant reference, const TimeZone& zone) {
  struct Keyed {
    RankedItem ranked;
    long long key;
  };
  std::vector<Keyed> listed;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (const auto urgency = urgency_of(items[i], day, reference, zone)) {
      listed.push_back({{i, *urgency}, key_within_group(items[i], *urgency)});
    }
  }
  std::stable_sort(listed.begin(), listed.end(), [&](const Keyed& a, const Keyed& b) {
    const auto& x = items[a.ranked.index];
    const auto& y = items[b.ranked.index];
    return std::make_tuple(a.ranked.urgency, a.key, x.kind, x.id) <
           std::make_tuple(b.ranked.urgency, b.key, y.kind, y.id);
  });
  std::vector<RankedItem> out;
  out.reserve(listed.size());
  for (const auto& k : listed) out.push_back(k.ranked);
  return out;
}

}  // namespace hisx::appointments
