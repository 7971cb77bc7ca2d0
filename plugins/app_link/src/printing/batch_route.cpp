// GET /api/v1/app-link/forms/batch: one PDF with a linking form for every patient who visited
// a department on a local day, each form numbered and recorded, for a department that links
// its patients in bulk.
#include "codes/link_code_rules.h"
#include "hisx/civil_time.h"
#include "hisx/database.h"
#include "hisx/problem.h"
#include "printing/batch_rules.h"
#include "printing/print_documents.h"
#include "printing/print_route_parts.h"
#include "printing/print_store.h"
#include "printing/print_subject.h"
#include "routes.h"

namespace hisx::app_link {

namespace {

sdk::LocalDate read_date(const sdk::Request& req) {
  const std::string text = req.query("date").value_or("");
  if (auto date = sdk::parse_date(text)) return *date;
  throw sdk::Problem::invalid(
      "date", "date must be a day YYYY-MM-DD, not '" + text + "' / Ngày phải có dạng YYYY-MM-DD");
}

// The HIS records of the batch's patients, in order, on one HIS session (released before
// the store transaction opens).
std::vector<sdk::HisPatient> read_patients(Environment& env, const std::vector<sdk::HisId>& ids) {
  std::vector<sdk::HisPatient> out;
  auto his = env.context.his().session();
  for (const sdk::HisId& id : ids) {
    if (auto patient = sdk::his_patient(env.context, *his, id)) out.push_back(std::move(*patient));
  }
  return out;
}

}  // namespace

void add_batch_route(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"GET",
       "/api/v1/app-link/forms/batch",
       desk_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto department = read_department(*e, req, true);
         const sdk::LocalDate day = read_date(req);
         const std::string date = sdk::format_date(day);
         const auto visits =
             sdk::his_visits_between(e->context, sdk::format_utc(e->zone.start_of(day)),
                                     sdk::format_utc(e->zone.start_of(day + std::chrono::days(1))));
         const auto ids = batch_patients(visits, department->id);
         refuse_oversized_batch(ids.size(), department->name, date);
         const auto patients = read_patients(*e, ids);
         if (patients.empty()) {
           throw sdk::Problem::not_found("No patient visited department " + department->id +
                                         " on " + date + " / Không có người bệnh nào khám tại " +
                                         department->name + " ngày " + date);
         }
         const std::string by = printed_by(req);
         std::vector<LinkCode> codes;
         std::vector<long long> serials;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           codes.clear();
           serials.clear();
           for (const sdk::HisPatient& patient : patients) {
             codes.push_back(open_code_for(*e, tx, patient.id, by));
             serials.push_back(
                 insert_form(*e, tx, patient.id, department->id, codes.back().id, by));
             record_print(*e, tx, {"form", "pdf", patient.id, department->id, serials.back(), by});
           }
         });
         std::vector<FormContent> forms;
         for (std::size_t i = 0; i < patients.size(); ++i) {
           forms.push_back({slip_content(*e, patients[i], codes[i]), e->settings.consent_text,
                            form_number(serials[i])});
         }
         send_document(res, forms_pdf(forms), "application/pdf",
                       print_file_name("phieu-lien-ket", department->code + "-" + date, "pdf"));
       },
       "One PDF with a signed-linking form per patient who visited a HIS department on a local "
       "day (at most 1000), each form numbered and recorded",
       false,
       {{"department_id", "string", true, "The HIS department"},
        {"date", "string", true, "The local day, YYYY-MM-DD"}}});
}

}  // namespace hisx::app_link
