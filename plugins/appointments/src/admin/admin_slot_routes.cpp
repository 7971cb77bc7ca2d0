#include "catalogue/slot_generation.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "routes.h"

namespace hisx::appointments {

void add_admin_slot_routes(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"POST",
       "/api/v1/appointments/admin/slots/generate",
       {std::string(sdk::roles::kAdmin)},
       [e](sdk::Request& req, sdk::Response& res) {
         const auto body = req.json();
         const LocalDate from = sdk::json_date(body, "from");
         const LocalDate to = sdk::json_date(body, "to");
         if (to < from) {
           throw sdk::Problem::invalid("to",
                                       "'to' must not be before 'from' / ngày kết thúc "
                                       "không được trước ngày bắt đầu");
         }
         if ((to - from).count() >= kMaxGenerationDays) {
           throw sdk::Problem::invalid(
               "to", "At most " + std::to_string(kMaxGenerationDays) + " days at a time / Tối đa " +
                         std::to_string(kMaxGenerationDays) + " ngày mỗi lần");
         }
         const GenerationResult r = generate_and_store(*e, from, to);
         Poco::JSON::Object::Ptr out = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         out->set("from", format_date(from));
         out->set("to", format_date(to));
         out->set("days", r.days);
         out->set("planned", r.planned);
         out->set("created", r.created);
         res.json(out);
       },
       "Generates the slots of the local days from…to (idempotent)",
       false,
       {},
       R"({"type":"object","required":["from","to"],"properties":{)"
       R"("from":{"type":"string","format":"date"},"to":{"type":"string","format":"date"}}})"});
}

}  // namespace hisx::appointments
