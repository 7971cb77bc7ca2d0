// A patient's linking state, for the desk: the open code (without creating one) and every
// link, active and ended.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "codes/code_store.h"
#include "codes/link_code_rules.h"
#include "hisx/his_records.h"
#include "hisx/problem.h"
#include "linking/link_json.h"
#include "routes.h"

namespace hisx::app_link {

namespace {

std::optional<LinkCode> latest_code(soci::session& s, const sdk::HisId& patient_id) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(id) FROM hisx_app_link_codes WHERE patient_id = :p", soci::into(id, ind),
      soci::use(patient_id);
  if (ind == soci::i_null) return std::nullopt;
  return find_code_by_id(s, id);
}

}  // namespace

void add_patient_routes(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"GET", "/api/v1/app-link/patients/{patient_id}", desk_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto id = sdk::path_his_id(req, "patient_id");
         const auto patient = sdk::his_patient(e->context, id);
         if (!patient) {
           throw sdk::Problem::not_found("No HIS patient " + id + " / Không có người bệnh mã " +
                                         id);
         }
         std::optional<LinkCode> code;
         std::vector<Link> links;
         {
           const auto s = e->context.store().session();
           code = latest_code(*s, id);
           links = links_of_patient(*s, id);
         }
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         p->set("id", patient->id);
         p->set("code", patient->code);
         p->set("full_name", patient->full_name);
         p->set("birth_date", patient->birth_date.empty()
                                  ? Poco::Dynamic::Var()
                                  : Poco::Dynamic::Var(patient->birth_date));
         body->set("patient", p);
         if (code) {
           Poco::JSON::Object::Ptr c = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
           const bool expired = code->state == "open" && code->expires_at <= e->now_text();
           c->set("code", display_link_code(code->code));
           c->set("state", expired ? std::string("expired") : code->state);
           c->set("expires_at", code->expires_at);
           c->set("wrong_attempts", code->wrong_attempts);
           body->set("linking_code", c);
         } else {
           body->set("linking_code", Poco::Dynamic::Var());
         }
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         int active = 0;
         for (const auto& link : links) {
           items->add(link_json(link));
           if (link.active()) ++active;
         }
         body->set("linked", active > 0);
         body->set("links", items);
         res.json(body);
       },
       "A patient's linking state for the desk: the latest linking code and every link with "
       "its consent"});
}

}  // namespace hisx::app_link
