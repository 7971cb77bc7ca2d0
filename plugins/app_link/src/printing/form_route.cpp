// GET /api/v1/app-link/form: the signed linking form of one patient, PDF A5, numbered and
// recorded.
#include "codes/link_code_rules.h"
#include "hisx/database.h"
#include "printing/print_documents.h"
#include "printing/print_route_parts.h"
#include "printing/print_store.h"
#include "printing/print_subject.h"
#include "routes.h"

namespace hisx::app_link {

void add_form_route(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"GET",
       "/api/v1/app-link/form",
       desk_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const PrintSubject subject = read_print_subject(*e, req);  // HIS reads first.
         const std::string by = printed_by(req);
         LinkCode code;
         long long serial = 0;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           code = open_code_for(*e, tx, subject.patient.id, by);
           serial = insert_form(*e, tx, subject.patient.id, subject.department_id, code.id, by);
           record_print(*e, tx,
                        {"form", "pdf", subject.patient.id, subject.department_id, serial, by});
         });
         const FormContent form{slip_content(*e, subject.patient, code), e->settings.consent_text,
                                form_number(serial)};
         send_document(res, forms_pdf({form}), "application/pdf",
                       print_file_name("phieu-lien-ket", form.form_number, "pdf"));
       },
       "The signed app-linking form of a patient (PDF A5): the slip, the consent, signature "
       "boxes and the form number as text and QR code; the form is numbered and recorded",
       false,
       {{"patient_id", "string", true, "The HIS patient"},
        {"department_id", "string", false, "The HIS department that prints it"}}});
}

}  // namespace hisx::app_link
