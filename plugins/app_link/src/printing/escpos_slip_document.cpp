// The slip for an 80 mm thermal printer (ESC/POS): Vietnamese lines as raster images, the
// QR code printed by the printer itself.
#include "hisx/documents/escpos.h"
#include "printing/print_documents.h"

namespace hisx::app_link {

namespace docs = sdk::documents;
using docs::Align;

std::string slip_escpos(const SlipContent& slip) {
  docs::EscPosDocument p(576);
  p.initialize().align(Align::Center);
  p.bold().raster_text(slip.hospital_name, 28).bold(false);
  p.raster_text("PHIẾU LIÊN KẾT ỨNG DỤNG " + slip.app_name + " / APP LINKING SLIP", 22);
  p.feed(1).align(Align::Left);
  p.bold().line("Người bệnh / Patient: " + slip.patient_name).bold(false);
  p.line("Mã người bệnh / Patient code: " + slip.patient_code);
  p.feed(1).align(Align::Center).qr(slip.link, 8, docs::QrErrorCorrection::Q);
  p.bold().line(slip.code).bold(false);
  p.line(expiry_line(slip.expires));
  p.feed(1).align(Align::Left);
  for (const std::string& step : slip_steps(slip.app_name)) p.line(step);
  p.feed(1).align(Align::Center).bold().line(hotline_line(slip.hotline)).bold(false);
  p.feed(4).cut();
  return p.bytes();
}

}  // namespace hisx::app_link
