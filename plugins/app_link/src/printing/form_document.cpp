// The signed linking form (phiếu liên kết app): the slip, the consent, the signature boxes
// and the form's number as text and as a second, labelled QR code for the hospital's IT.
#include "hisx/documents/pdf.h"
#include "hisx/documents/qr.h"
#include "printing/print_documents.h"
#include "printing/slip_blocks.h"

namespace hisx::app_link {

namespace docs = sdk::documents;
using docs::Align;

namespace {

void add_form(docs::PdfDocument& pdf, const FormContent& form) {
  pdf.paragraph("Số phiếu / Form No.: " + form.form_number,
                {.size_pt = 8, .align = Align::Right, .space_after_mm = 0});
  SlipLook look;
  look.title = "PHIẾU LIÊN KẾT ỨNG DỤNG " + form.slip.app_name + " / APP LINKING FORM";
  look.heading_pt = 12;
  look.title_pt = 10;
  look.text_pt = 9.5;
  look.qr_mm = 28;
  look.code_pt = 15;
  look.small_pt = 7.5;
  add_slip_blocks(pdf, form.slip, look);
  pdf.rule();
  pdf.paragraph("Đồng ý liên kết / Consent", {.size_pt = 8.5, .bold = true, .space_after_mm = 1});
  pdf.paragraph(form.consent_text, {.size_pt = 7, .space_after_mm = 2});
  pdf.boxes(9, {"Họ tên người ký / Signer's name", "Quan hệ với người bệnh / Relationship"});
  pdf.boxes(15, {"Chữ ký / Signature", "Ngày ký / Date"});
  const auto number = docs::QrCode::encode(form.form_number, docs::QrErrorCorrection::M);
  pdf.image(docs::render_png(number, {.module_px = 6}), 13, Align::Right);
  pdf.paragraph(std::string(kFormNumberCaption) + ": " + form.form_number,
                {.size_pt = 6.5, .align = Align::Right, .space_after_mm = 0});
}

}  // namespace

std::string forms_pdf(const std::vector<FormContent>& forms) {
  docs::PdfDocument pdf(docs::PageSetup::a5());
  pdf.title("Phiếu liên kết ứng dụng / App linking form");
  if (!forms.empty()) pdf.author(forms.front().slip.hospital_name);
  for (const FormContent& form : forms) {
    pdf.page_break();  // Nothing before the first form: no blank page.
    add_form(pdf, form);
  }
  return pdf.bytes();
}

}  // namespace hisx::app_link
