// Cashier shifts over HTTP: opened with a float, closed with the cash counted per method, and
// the close report (expected, counted, difference), printable.
#include <Poco/JSON/Array.h>

#include "hisx/database.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "printing/print_content.h"
#include "routes.h"

namespace hisx::fast_lane {

namespace {

constexpr long long kMaxAmount = 10'000'000'000LL;

Poco::JSON::Object::Ptr shift_json(const Environment& env, const Shift& s,
                                   const std::map<std::string, MethodTakings>& takings) {
  const ShiftReportContent report = shift_report_content(env, s, takings);
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", s.id);
  o->set("cashier", s.cashier);
  o->set("cashier_name", s.cashier_name);
  o->set("window",
         s.window_code.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s.window_code));
  o->set("opening_float", s.opening_float);
  o->set("opened_at", s.opened_at);
  o->set("closed_at", s.closed_at.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s.closed_at));
  o->set("open", s.open());
  Poco::JSON::Array::Ptr methods = new Poco::JSON::Array;
  long long expected = 0, counted = 0, difference = 0;
  bool all_counted = true;
  for (const auto& row : report.methods) {
    Poco::JSON::Object::Ptr m = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    m->set("method", row.method);
    m->set("payments", row.payments);
    m->set("expected", row.expected);
    m->set("counted", row.counted ? Poco::Dynamic::Var(*row.counted) : Poco::Dynamic::Var());
    m->set("difference",
           row.counted ? Poco::Dynamic::Var(*row.counted - row.expected) : Poco::Dynamic::Var());
    methods->add(m);
    expected += row.expected;
    if (row.counted) {
      counted += *row.counted;
      difference += *row.counted - row.expected;
    } else {
      all_counted = false;
    }
  }
  o->set("methods", methods);
  o->set("expected", expected);
  o->set("counted", all_counted ? Poco::Dynamic::Var(counted) : Poco::Dynamic::Var());
  o->set("difference", s.open() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(difference));
  o->set("reversals", report.reversals);
  o->set("reversed_amount", report.reversed_amount);
  o->set("close_note",
         s.close_note.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s.close_note));
  o->set("report", "/api/v1/fast-lane/shifts/" + std::to_string(s.id) + "/report");
  return o;
}

bool may_see(const sdk::Principal& who, const Shift& s) {
  return who.id == s.cashier || who.role == kCashierLead || who.role == "admin";
}

Shift shift_for(Environment& env, soci::session& s, const sdk::Principal& who, long long id) {
  const auto shift = find_shift(s, id);
  if (!shift || !may_see(who, *shift)) {
    throw sdk::Problem::not_found("No shift " + std::to_string(id) + " / Không có ca " +
                                  std::to_string(id));
  }
  (void)env;
  return *shift;
}

}  // namespace

void add_shift_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add(
      {"POST",
       "/api/v1/fast-lane/shifts",
       cashier_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto body = req.json();
         Shift s;
         s.cashier = req.principal()->id;
         s.cashier_name = req.principal()->name;
         s.opening_float = sdk::json_integer(body, "opening_float", 0, kMaxAmount);
         s.window_code = sdk::json_text(body, "window", 20, std::string());
         s.opened_at = e->now_text();
         std::optional<Shift> opened;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           const auto id = insert_shift(tx, s);
           if (!id) {
             const auto current = open_shift_of(tx, s.cashier);
             Poco::JSON::Object::Ptr m = new Poco::JSON::Object;
             if (current) m->set("shift_id", current->id);
             throw sdk::Problem(409, "shift-open",
                                "Your shift is open already; close it first / Ca của bạn đang mở",
                                m);
           }
           opened = find_shift(tx, *id);
         });
         const auto tx = e->context.store().session();
         res.status(201);
         res.json(shift_json(*e, *opened, shift_takings(*tx, opened->id)));
       },
       "Opens the cashier's shift with the cash float in the drawer",
       false,
       {},
       R"j({"type":"object","required":["opening_float"],"properties":{"opening_float":{"type":"integer","minimum":0},"window":{"type":"string"}}})j"});

  router.add({"GET", "/api/v1/fast-lane/shifts/current", cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto s = e->context.store().session();
                const auto shift = open_shift_of(*s, req.principal()->id);
                if (!shift) {
                  throw sdk::Problem::not_found("Your shift is not open / Ca của bạn chưa mở");
                }
                res.json(shift_json(*e, *shift, shift_takings(*s, shift->id)));
              },
              "The caller's open shift with what it has taken so far"});

  router.add({"GET", "/api/v1/fast-lane/shifts/{id}", cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto s = e->context.store().session();
                const Shift shift = shift_for(*e, *s, *req.principal(), sdk::path_id(req));
                res.json(shift_json(*e, shift, shift_takings(*s, shift.id)));
              },
              "A shift (one's own; any for cashier_lead and admin)"});

  router.add(
      {"POST",
       "/api/v1/fast-lane/shifts/{id}/close",
       cashier_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const long long id = sdk::path_id(req);
         const auto body = req.json();
         if (!body->has("counted") || body->getObject("counted").isNull()) {
           throw sdk::Problem::invalid("counted",
                                       "Give what was counted per method, e.g. {\"cash\": "
                                       "1500000} / Nhập số tiền đếm được theo hình thức");
         }
         const auto counted_body = body->getObject("counted");
         std::map<std::string, long long> counted;
         for (const char* method : {"cash", "card", "transfer", "prepaid"}) {
           if (const auto v = sdk::json_optional_integer(counted_body, method, 0, kMaxAmount)) {
             counted[method] = *v;
           }
         }
         if (!counted.count("cash")) {
           throw sdk::Problem::invalid("counted.cash",
                                       "Count the cash in the drawer / Nhập số "
                                       "tiền mặt đếm được");
         }
         const std::string note = sdk::json_text(body, "note", 500, std::string());
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           shift_for(*e, tx, *req.principal(), id);
           if (!close_shift(tx, id, counted, note, e->now_text())) {
             throw sdk::Problem(409, "shift-closed",
                                "The shift is closed already / Ca đã được đóng");
           }
         });
         const auto s = e->context.store().session();
         const auto shift = find_shift(*s, id);
         res.json(shift_json(*e, *shift, shift_takings(*s, id)));
       },
       "Closes the shift with the amounts counted per method; answers the close report "
       "(expected, counted, difference)",
       false,
       {},
       R"j({"type":"object","required":["counted"],"properties":{"counted":{"type":"object","properties":{"cash":{"type":"integer"},"card":{"type":"integer"},"transfer":{"type":"integer"},"prepaid":{"type":"integer"}}},"note":{"type":"string"}}})j"});

  router.add({"GET",
              "/api/v1/fast-lane/shifts/{id}/report",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto s = e->context.store().session();
                const Shift shift = shift_for(*e, *s, *req.principal(), sdk::path_id(req));
                const auto content = shift_report_content(*e, shift, shift_takings(*s, shift.id));
                send_document(
                    req, res, "ket-ca-" + std::to_string(shift.id),
                    [&] { return shift_report_pdf(content); },
                    [&] { return shift_report_escpos(content); });
              },
              "The shift's report, 80 mm PDF or ESC/POS",
              false,
              {{"format", "string", false, "pdf (default) or escpos"}}});
}

}  // namespace hisx::fast_lane
