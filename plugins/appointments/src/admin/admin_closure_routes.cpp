#include "booking/booking_store.h"
#include "catalogue/capacity_events.h"
#include "catalogue/catalogue_json.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/closure_store.h"
#include "catalogue/schedule_rules.h"
#include "catalogue/slot_store.h"
#include "hisx/database.h"
#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

std::vector<std::string> admin() { return {std::string(sdk::roles::kAdmin)}; }

Closure read_closure(const Poco::JSON::Object::Ptr& body) {
  Closure c;
  c.clinic_id = sdk::json_optional_his_id(body, "clinic_id");
  c.from = sdk::json_date(body, "from");
  c.to = sdk::json_date(body, "to");
  c.reason = sdk::json_text(body, "reason", 500, "");
  if (auto error = check_closure(c)) throw sdk::Problem::invalid(error->field, error->detail);
  return c;
}

}  // namespace

void add_admin_closure_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add({"GET", "/api/v1/appointments/admin/closures", admin(),
              [e](sdk::Request&, sdk::Response& res) {
                const auto s_lease = e->context.store().session();
                soci::session& s = *s_lease;
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& c : list_closures(s)) items->add(closure_json(c));
                res.json(list_json(items));
              },
              "Closures and holidays"});

  router.add(
      {"POST",
       "/api/v1/appointments/admin/closures",
       admin(),
       [e](sdk::Request& req, sdk::Response& res) {
         Closure c = read_closure(req.json());
         long long affected = 0;
         sdk::with_transaction(e->context.store(), [&](soci::session& s) {
           // Bookings of the clinic wait for this closure, and see it.
           lock_clinics_for_closure(s, e->context.store().backend(), c.clinic_id);
           if (c.clinic_id && !find_clinic_rules(s, *c.clinic_id)) {
             throw sdk::Problem::invalid("clinic_id",
                                         "Clinic " + *c.clinic_id +
                                             " is not in the appointment catalogue / Phòng khám "
                                             "chưa có trong danh mục đặt lịch");
           }
           c.id = insert_closure(s, c, e->now_text(), req.principal()->id);
           affected = count_active_on_days(s, c.clinic_id, format_date(c.from), format_date(c.to));
           publish_capacity(*e, s, days_with_slots(s, c.clinic_id, c.from, c.to), kClosureAdded);
         });
         auto body = closure_json(c);
         // Bookings already made on those days stay: someone has to phone the patients.
         body->set("affected_bookings", affected);
         res.status(201);
         res.json(body);
       },
       "Closes a clinic (or, without clinic_id, the hospital) on a range of days",
       false,
       {},
       R"({"type":"object","required":["from","to"],"properties":{)"
       R"("clinic_id":{"type":["string","integer","null"]},"from":{"type":"string","format":"date"},)"
       R"("to":{"type":"string","format":"date"},"reason":{"type":"string"}}})"});

  router.add({"DELETE", "/api/v1/appointments/admin/closures/{id}", admin(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                bool removed = false;
                sdk::with_transaction(e->context.store(), [&](soci::session& s) {
                  const auto closure = find_closure(s, id);
                  removed = closure && delete_closure(s, id);
                  if (removed) {
                    // Its days offer their slots again, unless another closure covers them.
                    publish_capacity(
                        *e, s, days_with_slots(s, closure->clinic_id, closure->from, closure->to),
                        kClosureRemoved);
                  }
                });
                if (!removed) {
                  throw sdk::Problem::not_found("No closure " + std::to_string(id) +
                                                " / Không có ngày nghỉ " + std::to_string(id));
                }
                res.status(204);
                res.body("", "text/plain");
              },
              "Removes a closure (its days take bookings again)"});
}

}  // namespace hisx::appointments
