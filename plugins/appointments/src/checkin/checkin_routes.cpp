// The check-in desk (W5): find today's bookings by what the patient brings, check one in.
#include "booking/booking_code.h"
#include "booking/booking_json.h"
#include "checkin/checkin_service.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

constexpr std::size_t kMaxQuery = 200;

// {id}: a booking id, or its code (HK-7F3Q2), as GET /bookings/{id} takes it.
long long booking_ref(const sdk::Request& req) {
  const std::string& text = req.param("id");
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') return sdk::path_id(req);
  const auto id = booking_id_from_code(text);
  if (!id) throw sdk::Problem::not_found("No booking " + text + " / Không có lịch hẹn " + text);
  return *id;
}

std::vector<std::string> desk_roles() {
  return {std::string(sdk::roles::kReceptionist), std::string(sdk::roles::kAdmin)};
}

// The booking as the API shows it, plus its check-in: checked_in_at (local), checked_in_by,
// queue_number and queue_label, null before check-in.
Poco::JSON::Object::Ptr with_check_in(const Booking& b, const std::optional<CheckInRecord>& r,
                                      const TimeZone& zone) {
  auto o = booking_json(b, zone);
  if (r) {
    o->set("checked_in_at", zone.format(r->at));
    o->set("checked_in_by", r->by);
    o->set("queue_number", r->queue_number);
    o->set("queue_label", queue_label(r->queue_number, b.priority));
  } else {
    o->set("checked_in_at", Poco::Dynamic::Var());
    o->set("checked_in_by", Poco::Dynamic::Var());
    o->set("queue_number", Poco::Dynamic::Var());
    o->set("queue_label", Poco::Dynamic::Var());
  }
  return o;
}

// The text, or JSON null when it is empty.
Poco::Dynamic::Var text_or_null(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::JSON::Object::Ptr match_json(const CheckinMatch& m, const TimeZone& zone) {
  auto o = with_check_in(m.booking, m.record, zone);
  if (m.patient) {
    Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    p->set("id", m.patient->id);
    p->set("code", m.patient->code);
    p->set("full_name", m.patient->full_name);
    p->set("phone", text_or_null(m.patient->phone));
    o->set("patient", p);
  } else {
    o->set("patient", Poco::Dynamic::Var());
  }
  o->set("clinic_name", text_or_null(m.clinic_name));
  return o;
}

}  // namespace

void add_checkin_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add({"GET",
              "/api/v1/appointments/check-in/search",
              desk_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const std::string q = req.query("q").value_or("");
                if (q.size() > kMaxQuery) {
                  throw sdk::Problem::invalid("q", "'q' is too long / Nội dung tìm quá dài");
                }
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& m : find_for_check_in(*e, *req.principal(), q)) {
                  items->add(match_json(m, e->zone));
                }
                Poco::JSON::Object::Ptr body =
                    new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                body->set("day", format_date(e->zone.date_of(e->now())));
                body->set("items", items);
                res.json(body);
              },
              "Today's bookings matching a booking code, QR payload, phone or patient code",
              false,
              {{"q", "string", true,
                "Booking code (HK-7F3Q2), QR payload (HISX:HK-7F3Q2), phone number or patient "
                "code"}}});

  router.add({"POST", "/api/v1/appointments/bookings/{id}/check-in", desk_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const CheckinOutcome out = check_in_booking(*e, *req.principal(), booking_ref(req));
                auto body = with_check_in(out.booking, out.record, e->zone);
                body->set("late", out.late);
                body->set("visit_registered", out.visit == VisitRegistration::kRegistered);
                body->set("visit_register", to_string(out.visit));
                body->set("visit_error", text_or_null(out.visit_error));
                res.json(body);
              },
              "Checks a booking of today in: queue number, priority, event, HIS visit (W5)"});
}

}  // namespace hisx::appointments
