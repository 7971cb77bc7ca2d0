// GET /api/v1/app-link/forms/{number}: a printed form's record, for IT finding a paper form
// again (the number is printed as text and as a QR code on the form).
#include <Poco/JSON/Object.h>

#include "codes/link_code_rules.h"
#include "hisx/problem.h"
#include "printing/print_route_parts.h"
#include "printing/print_store.h"
#include "routes.h"

namespace hisx::app_link {

void add_form_lookup_route(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"GET", "/api/v1/app-link/forms/{number}", desk_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const std::string& number = req.param("number");
         const auto not_found = [&] {
           return sdk::Problem::not_found("No linking form " + number +
                                          " / Không có phiếu liên kết số " + number);
         };
         const auto serial = form_serial(number);
         if (!serial) throw not_found();
         std::optional<StoredForm> form;
         {
           auto s = e->context.store().session();
           form = find_form(*s, *serial);
         }
         if (!form) throw not_found();
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         body->set("form_number", form_number(form->id));
         body->set("patient_id", form->patient_id);
         body->set("department_id", form->department_id ? Poco::Dynamic::Var(*form->department_id)
                                                        : Poco::Dynamic::Var());
         body->set("printed_by", form->printed_by);
         body->set("printed_at", form->printed_at);
         res.json(body);
       },
       "A printed linking form's record by its number (LK0000042)"});
}

}  // namespace hisx::app_link
