// Re-examination orders (W4): a doctor orders a patient back, once or recurring; dues are
// booked (holding a slot) and reminded.
#include <climits>

#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "reexam/reexam_json.h"
#include "reexam/reexam_reminders.h"
#include "reexam/reexam_service.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

constexpr std::size_t kMaxNote = 500;
constexpr std::size_t kMaxReason = 500;
const std::string kBase = "/api/v1/appointments/reexams";

std::vector<std::string> roles(std::initializer_list<std::string_view> names) {
  return {names.begin(), names.end()};
}

std::optional<int> optional_days(const Poco::JSON::Object::Ptr& body, const std::string& field) {
  // The range is the domain's to check (check_reexam_terms), with its own message.
  const auto v = sdk::json_optional_integer(body, field, INT_MIN, INT_MAX);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

// {interval_days, count}, its fields named "recurrence.<field>" in refusals.
std::optional<Recurrence> read_recurrence(const Poco::JSON::Object::Ptr& body) {
  if (!body->has("recurrence") || body->isNull("recurrence")) return std::nullopt;
  const auto inner = body->getObject("recurrence");
  if (!inner) {
    throw sdk::Problem::invalid("recurrence",
                                "'recurrence' must be an object {interval_days, count} / "
                                "'recurrence' phải có dạng {interval_days, count}");
  }
  try {
    Recurrence r;
    r.interval_days = static_cast<int>(sdk::json_integer(inner, "interval_days", INT_MIN, INT_MAX));
    r.count = static_cast<int>(sdk::json_integer(inner, "count", INT_MIN, INT_MAX));
    return r;
  } catch (const sdk::Problem& e) {
    throw sdk::Problem::invalid("recurrence." + e.field(), e.detail());
  }
}

ReexamRequest read_request(const sdk::Request& req) {
  const auto body = req.json();
  ReexamRequest r;
  r.patient_id = sdk::json_his_id(body, "patient_id");
  r.clinic_id = sdk::json_his_id(body, "clinic_id");
  r.doctor_id = sdk::json_optional_his_id(body, "doctor_id");
  r.visit_id = sdk::json_optional_his_id(body, "visit_id");
  r.due_date = sdk::json_date(body, "due_date");
  r.window_before_days = optional_days(body, "window_before_days");
  r.window_after_days = optional_days(body, "window_after_days");
  r.recurrence = read_recurrence(body);
  r.note = sdk::json_text(body, "note", kMaxNote, "");
  r.slot_id = sdk::json_optional_integer(body, "slot_id", 1, INT64_MAX);
  return r;
}

std::string status_filter(const sdk::Request& req) {
  const auto status = req.query("status");
  if (!status) return {};
  if (*status != "active" && *status != "completed" && *status != "cancelled") {
    throw sdk::Problem::invalid("status",
                                "'status' must be active, completed or cancelled / 'status' phải "
                                "là active, completed hoặc cancelled");
  }
  return *status;
}

}  // namespace

void start_reexams(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();
  namespace r = sdk::roles;
  const std::vector<std::string> staff(r::kStaff.begin(), r::kStaff.end());

  router.add(
      {"POST",
       kBase,
       roles({r::kDoctor, r::kAdmin}),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto view = create_reexam(*e, *req.principal(), read_request(req));
         res.status(201);
         res.header("Location", kBase + "/" + std::to_string(view.order.id));
         res.json(reexam_json(view, e->zone, &e->context.notifier()));
       },
       "Orders a patient's re-examination (once or recurring); slot_id holds a slot for "
       "the first due",
       false,
       {},
       R"({"type":"object","required":["patient_id","clinic_id","due_date"],)"
       R"("properties":{"patient_id":{"type":["string","integer"]},)"
       R"("clinic_id":{"type":["string","integer"]},)"
       R"("doctor_id":{"type":["string","integer"]},"visit_id":{"type":["string","integer"]},)"
       R"("due_date":{"type":"string","format":"date"},)"
       R"("window_before_days":{"type":"integer","minimum":0,"maximum":60},)"
       R"("window_after_days":{"type":"integer","minimum":0,"maximum":60},)"
       R"("recurrence":{"type":["object","null"],"required":["interval_days","count"],)"
       R"("properties":{"interval_days":{"type":"integer","minimum":7,"maximum":365},)"
       R"("count":{"type":"integer","minimum":1,"maximum":24}}},)"
       R"("note":{"type":"string","maxLength":500},"slot_id":{"type":"integer"}}})"});

  router.add({"GET",
              kBase,
              staff,
              [e](sdk::Request& req, sdk::Response& res) {
                const auto patient = sdk::query_optional_his_id(req, "patient_id");
                const std::string status = status_filter(req);
                int limit = 100;
                if (auto text = req.query("limit")) {
                  limit = static_cast<int>(sdk::parse_integer("limit", *text, 1, 500));
                }
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& view : list_reexam_views(*e, patient, status, limit)) {
                  items->add(reexam_json(view, e->zone, nullptr));
                }
                Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                body->set("items", items);
                body->set("count", static_cast<int>(items->size()));
                res.json(body);
              },
              "Re-examination orders, newest first, with their dues",
              false,
              {{"patient_id", "string", false, "Only this HIS patient's orders"},
               {"status", "string", false, "active, completed or cancelled"},
               {"limit", "integer", false, "At most this many (1-500, default 100)"}}});

  router.add(
      {"GET", kBase + "/{id}", staff,
       [e](sdk::Request& req, sdk::Response& res) {
         res.json(reexam_json(get_reexam(*e, sdk::path_id(req)), e->zone, &e->context.notifier()));
       },
       "One re-examination order with its dues, bookings and reminders (delivery state)"});

  router.add({"POST",
              kBase + "/{id}/cancel",
              roles({r::kDoctor, r::kAdmin}),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const std::string reason = sdk::json_text(req.json(), "reason", kMaxReason);
                res.json(reexam_json(cancel_reexam(*e, *req.principal(), id, reason), e->zone,
                                     &e->context.notifier()));
              },
              "Cancels an order and its open dues (bookings stay); body {reason}",
              false,
              {},
              R"({"type":"object","required":["reason"],)"
              R"("properties":{"reason":{"type":"string","maxLength":500}}})"});

  router.add({"POST",
              kBase + "/{id}/dues/{seq}/book",
              roles({r::kDoctor, r::kCallCenter, r::kReceptionist, r::kAdmin}),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const int seq =
                    static_cast<int>(sdk::parse_integer("seq", req.param("seq"), 1, 1000));
                const long long slot_id = sdk::json_integer(req.json(), "slot_id", 1, INT64_MAX);
                const sdk::WriteAnswer answer = book_reexam_due(*e, req, id, seq, slot_id);
                if (answer.replayed) res.header("Idempotent-Replayed", "true");
                res.status(201);
                res.body(answer.body, "application/json");
              },
              "Books a slot for one due of an order, channel reexam (Idempotency-Key supported)",
              false,
              {},
              R"({"type":"object","required":["slot_id"],)"
              R"("properties":{"slot_id":{"type":"integer"}}})"});

  schedule_reexam_reminders(env);
}

}  // namespace hisx::appointments
