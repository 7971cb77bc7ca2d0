// The slip: what every HIS slip carries so that the patient can link the app.
#include "hisx/documents/pdf.h"
#include "hisx/documents/qr.h"
#include "printing/print_documents.h"
#include "printing/slip_blocks.h"

namespace hisx::app_link {

namespace docs = sdk::documents;
using docs::Align;

void add_slip_blocks(docs::PdfDocument& pdf, const SlipContent& slip, const SlipLook& look) {
  pdf.heading(slip.hospital_name, look.heading_pt, Align::Center);
  pdf.paragraph(look.title, {.size_pt = look.title_pt, .bold = true, .align = Align::Center});
  pdf.rule();
  pdf.paragraph("Người bệnh / Patient:", {.size_pt = look.small_pt, .space_after_mm = 0.5});
  pdf.paragraph(slip.patient_name,
                {.size_pt = look.text_pt + 1, .bold = true, .space_after_mm = 1});
  pdf.paragraph("Mã người bệnh / Patient code: " + slip.patient_code,
                {.size_pt = look.text_pt, .space_after_mm = 2});
  const auto code = docs::QrCode::encode(slip.link, docs::QrErrorCorrection::Q);
  pdf.image(docs::render_png(code, {.module_px = 8}), look.qr_mm, Align::Center);
  pdf.paragraph(
      slip.code,
      {.size_pt = look.code_pt, .bold = true, .align = Align::Center, .space_after_mm = 1});
  pdf.paragraph(expiry_line(slip.expires),
                {.size_pt = look.small_pt, .align = Align::Center, .space_after_mm = 3});
  for (const std::string& step : slip_steps(slip.app_name)) {
    pdf.paragraph(step, {.size_pt = look.small_pt + 0.5, .space_after_mm = 1});
  }
  pdf.space(1.5);
  pdf.paragraph(hotline_line(slip.hotline),
                {.size_pt = look.text_pt, .bold = true, .align = Align::Center});
}

std::string slip_pdf(const SlipContent& slip, SlipSize size) {
  const bool roll = size == SlipSize::Roll80mm;
  docs::PdfDocument pdf(roll ? docs::PageSetup::roll_80mm() : docs::PageSetup::a5());
  pdf.title("Phiếu liên kết ứng dụng / App linking slip").author(slip.hospital_name);
  SlipLook look;
  look.title = "PHIẾU LIÊN KẾT ỨNG DỤNG " + slip.app_name + " / APP LINKING SLIP";
  if (roll) {
    look.heading_pt = 11;
    look.title_pt = 9;
    look.text_pt = 9;
    look.qr_mm = 40;
    look.code_pt = 16;
    look.small_pt = 7.5;
  } else {
    look.qr_mm = 50;
    look.code_pt = 22;
  }
  add_slip_blocks(pdf, slip, look);
  return pdf.bytes();
}

}  // namespace hisx::app_link
