// The queue ticket: the number very large, its lane, the people ahead and where to look.
#include <stdexcept>

#include "hisx/documents/escpos.h"
#include "hisx/documents/pdf.h"
#include "printing/money_text_rules.h"
#include "printing/print_documents.h"

namespace hisx::fast_lane {

namespace docs = sdk::documents;
using docs::Align;

namespace {

constexpr const char* kTitle = "PHIẾU SỐ THỨ TỰ / QUEUE TICKET";
constexpr const char* kWaitLine =
    "Vui lòng chờ gọi số trên màn hình / Please wait for your number on the screen";

void check(const TicketContent& ticket) {
  check_print_text("hospital_name", ticket.hospital_name);
  check_print_text("label", ticket.label);
  check_print_text("group_title", ticket.group_title);
  check_print_text("issued_local", ticket.issued_local);
  check_print_text("windows", ticket.windows);
  if (ticket.label.empty()) throw std::invalid_argument("label: a ticket needs its number");
  if (ticket.people_ahead < 0) {
    throw std::invalid_argument("people_ahead: " + std::to_string(ticket.people_ahead) +
                                " is below 0");
  }
}

std::string people_ahead_line(const TicketContent& ticket) {
  return "Số người chờ trước bạn / People ahead of you: " + std::to_string(ticket.people_ahead);
}

std::string windows_line(const TicketContent& ticket) {
  return "Quầy gọi số / Windows: " + ticket.windows;
}

std::string issued_line(const TicketContent& ticket) {
  return "Giờ lấy số / Issued: " + ticket.issued_local;
}

}  // namespace

std::string ticket_pdf(const TicketContent& ticket) {
  check(ticket);
  docs::PdfDocument pdf(docs::PageSetup::roll_80mm());
  pdf.title("Phiếu số thứ tự / Queue ticket " + ticket.label).author(ticket.hospital_name);
  pdf.heading(ticket.hospital_name, 11, Align::Center);
  pdf.paragraph(kTitle, {.size_pt = 9, .bold = true, .align = Align::Center});
  pdf.paragraph("Số thứ tự / Number", {.size_pt = 8, .align = Align::Center, .space_after_mm = 0});
  pdf.paragraph(ticket.label,
                {.size_pt = 48, .bold = true, .align = Align::Center, .space_after_mm = 1});
  pdf.paragraph(lane_title(ticket.lane),
                {.size_pt = 11, .bold = true, .align = Align::Center, .space_after_mm = 1});
  if (!ticket.group_title.empty()) {
    pdf.paragraph(ticket.group_title, {.size_pt = 10, .align = Align::Center});
  }
  pdf.rule();
  pdf.paragraph(people_ahead_line(ticket), {.size_pt = 9, .bold = true, .space_after_mm = 1});
  if (!ticket.windows.empty()) {
    pdf.paragraph(windows_line(ticket), {.size_pt = 9, .space_after_mm = 1});
  }
  pdf.paragraph(issued_line(ticket), {.size_pt = 9});
  pdf.rule();
  pdf.paragraph(kWaitLine, {.size_pt = 8.5, .align = Align::Center, .space_after_mm = 0});
  return pdf.bytes();
}

std::string ticket_escpos(const TicketContent& ticket) {
  check(ticket);
  docs::EscPosDocument p(576);
  p.initialize().align(Align::Center).bold();
  p.raster_text(ticket.hospital_name, 28);
  p.bold(false);
  p.raster_text(kTitle, 24);
  p.feed(1);
  p.line("Số thứ tự / Number");
  p.bold();
  p.raster_text(ticket.label, 160);
  p.raster_text(lane_title(ticket.lane), 32);
  p.bold(false);
  if (!ticket.group_title.empty()) p.raster_text(ticket.group_title, 26);
  p.feed(1).align(Align::Left).bold();
  p.line(people_ahead_line(ticket));
  p.bold(false);
  if (!ticket.windows.empty()) p.line(windows_line(ticket));
  p.line(issued_line(ticket));
  p.feed(1).align(Align::Center);
  p.line(kWaitLine);
  p.feed(4).cut();
  return p.bytes();
}

}  // namespace hisx::fast_lane
