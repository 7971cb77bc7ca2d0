// GET /api/v1/app-link/slip: the slip a HIS prints, or its QR block alone. Each print opens
// (or reuses) the patient's code and is recorded, in one store transaction.
#include "hisx/database.h"
#include "hisx/problem.h"
#include "printing/print_documents.h"
#include "printing/print_route_parts.h"
#include "printing/print_store.h"
#include "printing/print_subject.h"
#include "routes.h"

namespace hisx::app_link {

namespace {

SlipFormat read_format(const sdk::Request& req) {
  const std::string text = req.query("format").value_or("pdf");
  if (auto format = parse_slip_format(text)) return *format;
  throw sdk::Problem::invalid("format", "format must be pdf, png, svg, html or escpos, not '" +
                                            text +
                                            "' / Định dạng phải là pdf, png, svg, html "
                                            "hoặc escpos");
}

SlipSize read_size(const sdk::Request& req) {
  const std::string text = req.query("size").value_or("a5");
  if (auto size = parse_slip_size(text)) return *size;
  throw sdk::Problem::invalid(
      "size", "size must be a5 or 80mm, not '" + text + "' / Khổ giấy phải là a5 hoặc 80mm");
}

std::string render(const SlipContent& slip, SlipFormat format, SlipSize size) {
  switch (format) {
    case SlipFormat::Pdf:
      return slip_pdf(slip, size);
    case SlipFormat::Png:
      return qr_block_png(slip);
    case SlipFormat::Svg:
      return qr_block_svg(slip);
    case SlipFormat::Html:
      return qr_block_html(slip);
    case SlipFormat::EscPos:
      return slip_escpos(slip);
  }
  return slip_pdf(slip, size);
}

}  // namespace

void add_slip_route(Environment& env) {
  Environment* e = &env;
  env.context.router().add(
      {"GET",
       "/api/v1/app-link/slip",
       print_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const SlipFormat format = read_format(req);
         const SlipSize size = read_size(req);
         const PrintSubject subject = read_print_subject(*e, req);  // HIS reads first.
         const std::string by = printed_by(req);
         LinkCode code;
         sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
           code = open_code_for(*e, tx, subject.patient.id, by);
           record_print(*e, tx,
                        {"slip", format_name(format), subject.patient.id, subject.department_id,
                         std::nullopt, by});
         });
         const SlipContent slip = slip_content(*e, subject.patient, code);
         send_document(
             res, render(slip, format, size), content_type(format),
             print_file_name("lien-ket-app", subject.patient.code, file_extension(format)));
       },
       "The app-linking slip of a patient (PDF A5 or 80 mm, ESC/POS) or its QR block alone "
       "(PNG, SVG, HTML); the print is recorded",
       false,
       {{"patient_id", "string", true, "The HIS patient"},
        {"department_id", "string", false, "The HIS department that prints it"},
        {"format", "string", false, "pdf (default), png, svg, html or escpos"},
        {"size", "string", false, "a5 (default) or 80mm, for pdf"}}});
}

}  // namespace hisx::app_link
