#include "linking/link_json.h"

#include "codes/link_code_rules.h"
#include "hisx/problem.h"

namespace hisx::app_link {

namespace {

Poco::Dynamic::Var text_or_null(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

}  // namespace

Poco::JSON::Object::Ptr link_json(const Link& l) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", l.id);
  o->set("app_account_id", l.account_id);
  o->set("patient_id", l.patient_id);
  o->set("department_id",
         l.department_id ? Poco::Dynamic::Var(*l.department_id) : Poco::Dynamic::Var());
  o->set("method", l.method);
  o->set("active", l.active());
  Poco::JSON::Object::Ptr consent = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  consent->set("by", text_or_null(l.consent_by));
  consent->set("method", l.consent_method);
  consent->set("witness", text_or_null(l.consent_witness));
  consent->set("at", l.consent_at);
  o->set("consent", consent);
  o->set("form_number",
         l.form_id ? Poco::Dynamic::Var(form_number(*l.form_id)) : Poco::Dynamic::Var());
  o->set("import_id", l.import_id ? Poco::Dynamic::Var(*l.import_id) : Poco::Dynamic::Var());
  o->set("linked_by", l.linked_by);
  o->set("linked_at", l.linked_at);
  o->set("unlinked_at", l.unlinked_at ? Poco::Dynamic::Var(*l.unlinked_at) : Poco::Dynamic::Var());
  o->set("unlinked_by", text_or_null(l.unlinked_by));
  o->set("unlink_reason", text_or_null(l.unlink_reason));
  return o;
}

sdk::Problem family_limit(const Environment& env, const std::string& account_id) {
  const std::string limit = std::to_string(env.settings.max_patients_per_account);
  return sdk::Problem(409, "family-limit",
                      "App account " + account_id + " is linked to " + limit +
                          " patients already, the most allowed; unlink one first / Tài khoản "
                          "ứng dụng đã liên kết tối đa " +
                          limit + " người bệnh, cần hủy một liên kết trước",
                      "app_account_id")
      .with("limit", env.settings.max_patients_per_account);
}

}  // namespace hisx::app_link
