#include <map>

#include "catalogue/catalogue_json.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/schedule_rules.h"
#include "his_directory.h"
#include "hisx/database.h"
#include "hisx/his_id.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "routes.h"

namespace hisx::appointments {

namespace {

std::vector<std::string> admin() { return {std::string(sdk::roles::kAdmin)}; }

// The rules in a PUT body for clinic `clinic_id`.
ClinicRules read_rules(const sdk::HisId& clinic_id, const Poco::JSON::Object::Ptr& body) {
  ClinicRules rules;
  rules.clinic_id = clinic_id;
  if (!body->has("channels")) {
    throw sdk::Problem::invalid("channels",
                                "'channels' is required, e.g. [\"app\", \"phone\"] / "
                                "'channels' là bắt buộc");
  }
  rules.channels = sdk::json_strings(body, "channels", {});
  rules.booking_window_days =
      static_cast<int>(sdk::json_integer(body, "booking_window_days", 0, 365, 30));
  if (body->has("same_day_cutoff") && !body->isNull("same_day_cutoff")) {
    rules.same_day_cutoff = sdk::json_clock(body, "same_day_cutoff");
  }
  rules.active = sdk::json_boolean(body, "active", true);
  if (auto error = check_clinic_rules(rules))
    throw sdk::Problem::invalid(error->field, error->detail);
  return rules;
}

}  // namespace

void add_admin_clinic_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add({"GET", "/api/v1/appointments/admin/clinics", admin(),
              [e](sdk::Request&, sdk::Response& res) {
                std::vector<ClinicRules> catalogue;
                {
                  const auto s_lease = e->context.store().session();
                  soci::session& s = *s_lease;
                  catalogue = list_clinic_rules(s);
                }
                std::map<sdk::HisId, HisClinic> his;
                for (auto& c : his_clinics(e->context)) his.emplace(c.id, std::move(c));
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& rules : catalogue) {
                  auto it = his.find(rules.clinic_id);
                  items->add(clinic_json(
                      rules, it == his.end() ? std::nullopt : std::optional(it->second)));
                }
                res.json(list_json(items));
              },
              "The appointment catalogue, inactive clinics included"});

  // The admin page offers every HIS clinic room, also those not yet in the catalogue.
  router.add({"GET", "/api/v1/appointments/admin/his-clinics", admin(),
              [e](sdk::Request&, sdk::Response& res) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& c : his_clinics(e->context)) {
                  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                  o->set("clinic_id", c.id);
                  o->set("code", c.code);
                  o->set("name", c.name);
                  o->set("department_id", c.department_id ? Poco::Dynamic::Var(*c.department_id)
                                                          : Poco::Dynamic::Var());
                  items->add(o);
                }
                res.json(list_json(items));
              },
              "The HIS's active clinic rooms (clinic.list), in the catalogue or not"});

  router.add(
      {"PUT",
       "/api/v1/appointments/admin/clinics/{clinic_id}",
       admin(),
       [e](sdk::Request& req, sdk::Response& res) {
         const sdk::HisId clinic_id = sdk::path_his_id(req, "clinic_id");
         ClinicRules rules = read_rules(clinic_id, req.json());
         const auto his = his_clinic(e->context, clinic_id);
         if (!his) {
           throw sdk::Problem::invalid("clinic_id",
                                       "The HIS lists no active clinic " + clinic_id +
                                           " (clinic.list) / HIS không có phòng khám " + clinic_id);
         }
         rules.department_id = his->department_id;
         sdk::with_transaction(e->context.store(), [&](soci::session& s) {
           save_clinic_rules(s, rules, e->now_text(), req.principal()->id);
         });
         res.json(clinic_json(rules, his));
       },
       "Adds a clinic to the catalogue or changes its channels, window and cut-off",
       false,
       {},
       R"({"type":"object","required":["channels"],"properties":{)"
       R"("channels":{"type":"array","items":{"enum":["app","web","phone","reexam","walkin"]}},)"
       R"("booking_window_days":{"type":"integer","minimum":0,"maximum":365},)"
       R"("same_day_cutoff":{"type":["string","null"],"pattern":"^[0-2][0-9]:[0-5][0-9]$"},)"
       R"("active":{"type":"boolean"}}})"});
}

}  // namespace hisx::appointments
