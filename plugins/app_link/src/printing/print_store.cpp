#include "printing/print_store.h"

#include <Poco/JSON/Object.h>

#include "codes/link_code_rules.h"
#include "hisx/event_schemas.h"
#include "routes.h"

namespace hisx::app_link {

namespace {

soci::indicator null_if_empty(const std::optional<std::string>& v) {
  return v ? soci::i_ok : soci::i_null;
}

}  // namespace

void declare_events(Environment& env) {
  using T = sdk::FieldType;
  env.context.events().declare(
      {kSlipPrinted,
       1,
       "An app-linking slip or a signed linking form was printed for a patient (the patient was "
       "told about the app).",
       "app_link",
       {{"patient_id", T::kHisId, true, "the HIS patient"},
        {"department_id", T::kHisId, false, "the HIS department that printed it"},
        {"kind", T::kString, true, "slip (the QR block on a HIS slip) or form (the signed form)"},
        {"format", T::kString, true, "pdf, png, svg, html or escpos"},
        {"form_number", T::kString, false, "the form's number (LK0000042), for a form"},
        {"printed_by", T::kString, true, "the principal that printed it"},
        {"printed_at", T::kTime, true, "when"}}});
}

long long insert_form(Environment& env, soci::session& tx, const sdk::HisId& patient_id,
                      const std::optional<sdk::HisId>& department_id, long long code_id,
                      const std::string& printed_by) {
  const std::string now = env.now_text();
  const std::string department = department_id.value_or("");
  soci::indicator dep_ind = null_if_empty(department_id);
  long long id = 0;
  tx << "INSERT INTO hisx_app_link_forms (patient_id, department_id, code_id, printed_by, "
        "printed_at) VALUES (:p, :d, :c, :by, :at) RETURNING id",
      soci::use(patient_id), soci::use(department, dep_ind), soci::use(code_id),
      soci::use(printed_by), soci::use(now), soci::into(id);
  return id;
}

std::optional<StoredForm> find_form(soci::session& s, long long id) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, patient_id, department_id, code_id, printed_by, printed_at "
                    "FROM hisx_app_link_forms WHERE id = :id",
       soci::use(id));
  for (const auto& r : rows) {
    StoredForm f;
    f.id = sdk::row_integer(r, 0);
    f.patient_id = r.get<std::string>(1);
    if (r.get_indicator(2) != soci::i_null) f.department_id = r.get<std::string>(2);
    f.code_id = sdk::row_integer(r, 3);
    f.printed_by = r.get<std::string>(4);
    f.printed_at = r.get<std::string>(5);
    return f;
  }
  return std::nullopt;
}

void record_print(Environment& env, soci::session& tx, const PrintRecord& print) {
  const std::string now = env.now_text();
  const std::string department = print.department_id.value_or("");
  soci::indicator dep_ind = null_if_empty(print.department_id);
  const long long form = print.form_id.value_or(0);
  soci::indicator form_ind = print.form_id ? soci::i_ok : soci::i_null;
  tx << "INSERT INTO hisx_app_link_prints (kind, format, patient_id, department_id, form_id, "
        "printed_by, printed_at) VALUES (:k, :f, :p, :d, :form, :by, :at)",
      soci::use(print.kind), soci::use(print.format), soci::use(print.patient_id),
      soci::use(department, dep_ind), soci::use(form, form_ind), soci::use(print.printed_by),
      soci::use(now);
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  p->set("patient_id", print.patient_id);
  if (print.department_id) p->set("department_id", *print.department_id);
  p->set("kind", print.kind);
  p->set("format", print.format);
  if (print.form_id) p->set("form_number", form_number(*print.form_id));
  p->set("printed_by", print.printed_by);
  p->set("printed_at", now);
  env.context.events().publish(tx, kSlipPrinted, p);
}

}  // namespace hisx::app_link
