#include "booking/booking_changes.h"
#include "booking/booking_code.h"
#include "booking/booking_json.h"
#include "booking/booking_service.h"
#include "channels.h"
#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "patient_scope.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

constexpr std::size_t kMaxReason = 500;

// The body as a JSON object; an empty body counts as {} (confirm and complete need none).
Poco::JSON::Object::Ptr body_of(const sdk::Request& req) {
  if (req.body().find_first_not_of(" \t\r\n") == std::string::npos) {
    return new Poco::JSON::Object;
  }
  return req.json();
}

// {id}: a booking id, or a booking code such as HK-7F3Q2 read out at the desk.
long long booking_ref(const sdk::Request& req) {
  const std::string& text = req.param("id");
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') return sdk::path_id(req);
  const auto id = booking_id_from_code(text);
  if (!id) {
    throw sdk::Problem::not_found("No booking " + text + " / Không có lịch hẹn " + text);
  }
  return *id;
}

BookingRequest read_request(const sdk::Request& req) {
  const auto body = req.json();
  BookingRequest r;
  r.patient_id = sdk::json_his_id(body, "patient_id");
  r.slot_id = sdk::json_integer(body, "slot_id", 1, INT64_MAX);
  const auto own = channels_for_role(req.principal()->role);
  // A caller with one channel may leave it out.
  r.channel = own.size() == 1 ? sdk::json_text(body, "channel", 10, own.front())
                              : sdk::json_text(body, "channel", 10);
  if (!is_channel(r.channel)) {
    throw sdk::Problem::invalid("channel",
                                "'channel' must be one of app, web, phone, reexam, "
                                "walkin / kênh không hợp lệ");
  }
  r.reason = sdk::json_text(body, "reason", kMaxReason, "");
  return r;
}

void answer_booking(sdk::Response& res, const Booking& b, const TimeZone& zone) {
  res.json(booking_json(b, zone));
}

std::vector<std::string> roles(std::initializer_list<std::string_view> names) {
  return {names.begin(), names.end()};
}

}  // namespace

void add_booking_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();
  namespace r = sdk::roles;

  router.add({"POST",
              "/api/v1/appointments/bookings",
              booking_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const BookingRequest request = read_request(req);
                const sdk::WriteAnswer answer = book(*e, req, request);
                if (answer.replayed) res.header("Idempotent-Replayed", "true");
                res.status(201);
                res.body(answer.body, "application/json");
              },
              "Books a place in a slot for an HIS patient (Idempotency-Key supported)",
              false,
              {},
              R"({"type":"object","required":["patient_id","slot_id"],"properties":{)"
              R"("patient_id":{"type":["string","integer"]},"slot_id":{"type":"integer"},)"
              R"("channel":{"enum":["app","web","phone","reexam","walkin"]},)"
              R"("reason":{"type":"string","maxLength":500}}})"});

  router.add({"GET", "/api/v1/appointments/bookings/{id}",
              [] {
                auto v = booking_roles();
                v.emplace_back(sdk::roles::kManager);
                return v;
              }(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = booking_ref(req);
                require_booking(*e, patient_scope(*e, req), id);
                const auto found = get_booking(*e, *req.principal(), id);
                auto body = booking_json(found.booking, e->zone);
                body->set("history", history_json(found.history));
                res.json(body);
              },
              "One booking, by id or code, with its history"});

  struct Step {
    const char* path;
    BookingAction action;
    std::vector<std::string> roles;
    bool reason_required;
    const char* summary;
  };
  const std::vector<Step> steps = {
      {"confirm", BookingAction::kConfirm, roles({r::kCallCenter, r::kReceptionist, r::kAdmin}),
       false, "Confirms a requested booking (call centre, W3)"},
      {"cancel", BookingAction::kCancel, booking_roles(), true,
       "Cancels a booking and frees its place; body {reason}"},
      {"complete", BookingAction::kComplete, roles({r::kDoctor, r::kReceptionist, r::kAdmin}),
       false, "Marks a checked-in booking completed"},
      {"no-show", BookingAction::kNoShow, roles({r::kReceptionist, r::kCallCenter, r::kAdmin}),
       false, "Records that the patient did not come (after the slot started)"},
  };
  for (const auto& step : steps) {
    const BookingAction action = step.action;
    const bool reason_required = step.reason_required;
    router.add({"POST", std::string("/api/v1/appointments/bookings/{id}/") + step.path, step.roles,
                [e, action, reason_required](sdk::Request& req, sdk::Response& res) {
                  const long long id = booking_ref(req);
                  require_booking(*e, patient_scope(*e, req), id);
                  const auto body = body_of(req);
                  const std::string reason = reason_required
                                                 ? sdk::json_text(body, "reason", kMaxReason)
                                                 : sdk::json_text(body, "reason", kMaxReason, "");
                  answer_booking(res, change_booking(*e, *req.principal(), id, action, reason),
                                 e->zone);
                },
                step.summary});
  }

  router.add({"POST",
              "/api/v1/appointments/bookings/{id}/reschedule",
              booking_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = booking_ref(req);
                require_booking(*e, patient_scope(*e, req), id);
                const auto body = req.json();
                const long long slot_id = sdk::json_integer(body, "slot_id", 1, INT64_MAX);
                const std::string reason = sdk::json_text(body, "reason", kMaxReason, "");
                answer_booking(res, reschedule_booking(*e, *req.principal(), id, slot_id, reason),
                               e->zone);
              },
              "Moves a booking to another slot; body {slot_id, reason?}",
              false,
              {},
              R"({"type":"object","required":["slot_id"],"properties":{)"
              R"("slot_id":{"type":"integer"},"reason":{"type":"string","maxLength":500}}})"});
}

}  // namespace hisx::appointments
