// The call-centre worklist (W3): whom to phone today and the calls logged about them.
#include "booking/booking_json.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "routes.h"
#include "worklist/worklist_json.h"
#include "worklist/worklist_service.h"

namespace hisx::appointments {

namespace {

constexpr std::size_t kMaxNote = 500;

std::vector<std::string> worklist_roles() {
  return {std::string(sdk::roles::kCallCenter), std::string(sdk::roles::kAdmin)};
}

// Exactly one of booking_id and due_id.
void require_one_subject(const std::optional<long long>& booking,
                         const std::optional<long long>& due) {
  if (booking && due) {
    throw sdk::Problem::invalid("due_id",
                                "Give 'booking_id' or 'due_id', not both / Chỉ ghi 'booking_id' "
                                "hoặc 'due_id', không ghi cả hai");
  }
  if (!booking && !due) {
    throw sdk::Problem::invalid("booking_id",
                                "'booking_id' or 'due_id' is required / Cần 'booking_id' hoặc "
                                "'due_id'");
  }
}

AttemptRequest read_attempt(const sdk::Request& req, const TimeZone& zone) {
  const auto body = req.json();
  AttemptRequest r;
  r.booking_id = sdk::json_optional_integer(body, "booking_id", 1, INT64_MAX);
  r.due_id = sdk::json_optional_integer(body, "due_id", 1, INT64_MAX);
  require_one_subject(r.booking_id, r.due_id);
  const auto outcome = parse_outcome(sdk::json_text(body, "outcome", 20));
  if (!outcome) {
    throw sdk::Problem::invalid("outcome",
                                "'outcome' must be one of confirmed, no_answer, wrong_number, "
                                "declined, call_back_at / kết quả cuộc gọi không hợp lệ");
  }
  r.outcome = *outcome;
  const std::string call_back = sdk::json_text(body, "call_back_at", 40, "");
  if (!call_back.empty()) {
    r.call_back_at = parse_call_back_time(call_back, zone);
    if (!r.call_back_at) {
      throw sdk::Problem::invalid("call_back_at",
                                  "'call_back_at' must be a date and time YYYY-MM-DDTHH:MM "
                                  "(hospital time, or with Z or an offset) / 'call_back_at' "
                                  "phải là ngày giờ dạng YYYY-MM-DDTHH:MM");
    }
  }
  r.note = sdk::json_text(body, "note", kMaxNote, "");
  return r;
}

std::optional<long long> query_id(const sdk::Request& req, const std::string& name) {
  const auto text = req.query(name);
  if (!text) return std::nullopt;
  return sdk::parse_integer(name, *text, 1, INT64_MAX);
}

}  // namespace

void add_worklist_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add(
      {"GET",
       "/api/v1/appointments/worklist",
       worklist_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const LocalDate day =
             req.query("date") ? sdk::query_date(req, "date") : e->zone.date_of(e->now());
         res.json(worklist_json(build_worklist(*e, day), e->zone));
       },
       "Whom the call centre phones on a day: bookings awaiting confirmation and re-examination "
       "dues, most urgent first, with patients and calls so far",
       false,
       {{"date", "string", false, "Local day, YYYY-MM-DD; default today"}}});

  router.add({"POST",
              "/api/v1/appointments/worklist/attempts",
              worklist_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const AttemptResult result =
                    log_attempt(*e, *req.principal(), read_attempt(req, e->zone));
                auto body = attempt_json(result.attempt, e->zone);
                if (result.booking) body->set("booking", booking_json(*result.booking, e->zone));
                res.status(201);
                res.json(body);
              },
              "Logs a call about a booking or a re-examination due; confirmed/declined confirm "
              "or cancel the booking",
              false,
              {},
              R"({"type":"object","required":["outcome"],"properties":{)"
              R"("booking_id":{"type":"integer"},"due_id":{"type":"integer"},)"
              R"("outcome":{"enum":["confirmed","no_answer","wrong_number","declined",)"
              R"("call_back_at"]},"call_back_at":{"type":"string"},)"
              R"("note":{"type":"string","maxLength":500}}})"});

  router.add({"GET",
              "/api/v1/appointments/worklist/attempts",
              worklist_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto booking = query_id(req, "booking_id");
                const auto due = query_id(req, "due_id");
                require_one_subject(booking, due);
                const auto calls = attempt_history(*e, booking ? *booking : *due, due.has_value());
                Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                body->set("items", attempts_json(calls, e->zone));
                res.json(body);
              },
              "The calls about a booking or a re-examination due, latest first",
              false,
              {{"booking_id", "integer", false, "A booking's id"},
               {"due_id", "integer", false, "A re-examination due's id"}}});
}

}  // namespace hisx::appointments
