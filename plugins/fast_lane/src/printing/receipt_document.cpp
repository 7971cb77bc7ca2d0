// The receipt (biên lai thu tiền) and the receipt of a reversal (phiếu hủy biên lai): who paid
// what for which services, how, and in words.
#include <stdexcept>

#include "hisx/documents/escpos.h"
#include "hisx/documents/pdf.h"
#include "printing/money_text_rules.h"
#include "printing/print_documents.h"

namespace hisx::fast_lane {

namespace docs = sdk::documents;
using docs::Align;

namespace {

constexpr int kColumns = 48;       // Characters of the printer's font A on 576 dots.
constexpr int kAmountColumn = 12;  // Each of the three amounts of a line's row.
constexpr const char* kCopy = "BẢN SAO / COPY";

void check(const ReceiptContent& r) {
  check_print_text("hospital_name", r.hospital_name);
  check_print_text("receipt_no", r.receipt_no);
  check_print_text("paid_local", r.paid_local);
  check_print_text("cashier", r.cashier);
  check_print_text("window", r.window);
  check_print_text("patient_code", r.patient_code);
  check_print_text("patient_name", r.patient_name);
  check_print_text("method", r.method);
  check_print_text("reference", r.reference);
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const std::string at = "lines[" + std::to_string(i) + "].";
    check_print_text(at + "service_name", r.lines[i].service_name);
    check_print_text(at + "quantity", r.lines[i].quantity);
  }
  if (r.reversal) {
    check_print_text("reversal.of_receipt_no", r.reversal->of_receipt_no);
    check_print_text("reversal.reason", r.reversal->reason);
    check_print_text("reversal.by", r.reversal->by);
    check_print_text("reversal.approved_by", r.reversal->approved_by);
  }
  if (r.receipt_no.empty()) throw std::invalid_argument("receipt_no: a receipt needs its number");
  if (!payment_method_title(r.method)) {
    throw std::invalid_argument("method: '" + r.method +
                                "' is not cash, card, transfer or prepaid");
  }
}

std::string title(const ReceiptContent& r) {
  return r.reversal ? "PHIẾU HỦY BIÊN LAI / RECEIPT REVERSAL" : "BIÊN LAI THU TIỀN / RECEIPT";
}

// The lines under the title: the receipt, the payer, the cashier; then a reversal's reasons.
std::vector<std::string> head_lines(const ReceiptContent& r) {
  std::vector<std::string> lines = {
      "Số / No.: " + r.receipt_no,
      (r.reversal ? "Ngày hủy / Reversed: " : "Ngày thu / Paid: ") + r.paid_local};
  if (r.reversal) {
    lines.push_back("Hủy biên lai số / Reverses receipt No.: " + r.reversal->of_receipt_no);
    lines.push_back("Lý do / Reason: " + r.reversal->reason);
    lines.push_back("Người hủy / Reversed by: " + r.reversal->by);
    lines.push_back("Người duyệt / Approved by: " + r.reversal->approved_by);
  }
  lines.push_back("Mã người bệnh / Patient code: " + r.patient_code);
  lines.push_back("Người bệnh / Patient: " + r.patient_name);
  lines.push_back("Thu ngân / Cashier: " + r.cashier);
  if (!r.window.empty()) lines.push_back("Quầy / Window: " + r.window);
  return lines;
}

std::vector<std::string> total_lines(const ReceiptContent& r) {
  return {"Tổng chi phí / Total: " + format_vnd(r.total),
          "BHYT chi trả / Insurance pays: " + format_vnd(r.insurance_total),
          "Người bệnh trả / Patient pays: " + format_vnd(r.patient_total)};
}

std::string in_words_line(const ReceiptContent& r) {
  return "Bằng chữ / In words: " + vnd_in_words(r.patient_total);
}

// The method, the cash given and returned, the reference.
std::vector<std::string> payment_lines(const ReceiptContent& r) {
  std::vector<std::string> lines = {"Hình thức / Method: " +
                                    std::string(*payment_method_title(r.method))};
  if (r.tendered) lines.push_back("Tiền khách đưa / Tendered: " + format_vnd(*r.tendered));
  if (r.change) lines.push_back("Tiền trả lại / Change: " + format_vnd(*r.change));
  if (!r.reference.empty()) lines.push_back("Mã giao dịch / Reference: " + r.reference);
  return lines;
}

std::string amount_digits(long long amount) {
  const std::string text = format_vnd(amount);
  return text.substr(0, text.size() - std::string_view(" đ").size());
}

std::string padded_left(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

// A line's quantity and amounts as 48 characters of plain columns, or "" when they do not fit
// (or the quantity is not ASCII, which would send the row as an image of proportional type).
std::string column_row(const ReceiptLine& line) {
  std::string amounts;
  for (const long long amount : {line.total, line.insurance_share, line.patient_share}) {
    const std::string digits = amount_digits(amount);
    if (digits.size() >= kAmountColumn) return "";
    amounts += padded_left(digits, kAmountColumn);
  }
  const std::size_t room = kColumns - amounts.size();
  if (line.quantity.size() >= room) return "";
  for (const char c : line.quantity) {
    if (static_cast<unsigned char>(c) >= 0x80) return "";
  }
  return line.quantity + std::string(room - line.quantity.size(), ' ') + amounts;
}

}  // namespace

std::string receipt_pdf(const ReceiptContent& r) {
  check(r);
  docs::PdfDocument pdf(docs::PageSetup::roll_80mm());
  pdf.title(title(r) + " " + r.receipt_no).author(r.hospital_name);
  pdf.heading(r.hospital_name, 11, Align::Center);
  pdf.paragraph(title(r), {.size_pt = 10, .bold = true, .align = Align::Center});
  if (r.copy) {
    pdf.paragraph(kCopy, {.size_pt = 16, .bold = true, .align = Align::Center});
  }
  for (const std::string& line : head_lines(r)) {
    pdf.paragraph(line, {.size_pt = 8, .space_after_mm = 0.8});
  }
  pdf.space(1);
  // Vietnamese above English in the headers and the quantity under the service's name, so
  // that the amounts have room on the roll (up to 99.999.999 on one line).
  docs::Table table{.columns = {{"Dịch vụ\nService", docs::ColumnWidth::fraction(1)},
                                {"Thành tiền\nTotal", docs::ColumnWidth::mm(17), Align::Right},
                                {"BHYT\nInsurance", docs::ColumnWidth::mm(17), Align::Right},
                                {"Người bệnh\nPatient", docs::ColumnWidth::mm(17), Align::Right}},
                    .rows = {},
                    .size_pt = 6.5,
                    .space_after_mm = 1};
  for (const ReceiptLine& line : r.lines) {
    table.rows.push_back({line.service_name + "\nSL / Qty: " + line.quantity,
                          amount_digits(line.total), amount_digits(line.insurance_share),
                          amount_digits(line.patient_share)});
  }
  pdf.table(std::move(table));
  pdf.paragraph("Số tiền tính bằng đồng / Amounts in VND",
                {.size_pt = 6.5, .align = Align::Right, .space_after_mm = 1.5});
  for (const std::string& line : total_lines(r)) {
    pdf.paragraph(line,
                  {.size_pt = 8.5, .bold = true, .align = Align::Right, .space_after_mm = 0.8});
  }
  pdf.paragraph(in_words_line(r), {.size_pt = 8, .space_after_mm = 1.5});
  for (const std::string& line : payment_lines(r)) {
    pdf.paragraph(line, {.size_pt = 8, .space_after_mm = 0.8});
  }
  pdf.space(2);
  pdf.boxes(16, {"Người nộp tiền / Payer", "Người thu tiền / Cashier"});
  return pdf.bytes();
}

std::string receipt_escpos(const ReceiptContent& r) {
  check(r);
  docs::EscPosDocument p(576);
  p.initialize().align(Align::Center).bold();
  p.raster_text(r.hospital_name, 28);
  p.raster_text(title(r), 26);
  if (r.copy) p.raster_text(kCopy, 40);
  p.bold(false).feed(1).align(Align::Left);
  for (const std::string& line : head_lines(r)) p.line(line);
  p.line(std::string(kColumns, '-'));
  p.raster_text("SL · Thành tiền · BHYT · Người bệnh (đ) / Qty · Total · Insurance · Patient", 20);
  p.line(std::string(kColumns, '-'));
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    const ReceiptLine& line = r.lines[i];
    p.line(std::to_string(i + 1) + ". " + line.service_name);
    const std::string row = column_row(line);
    if (!row.empty()) {
      p.line(row);
    } else {
      p.line("SL / Qty: " + line.quantity);
      p.line("Thành tiền / Total: " + format_vnd(line.total));
      p.line("BHYT / Insurance: " + format_vnd(line.insurance_share));
      p.line("Người bệnh / Patient: " + format_vnd(line.patient_share));
    }
  }
  p.line(std::string(kColumns, '-'));
  const auto totals = total_lines(r);
  p.align(Align::Right);
  p.line(totals[0]);
  p.line(totals[1]);
  p.bold();
  p.line(totals[2]);
  p.bold(false).align(Align::Left);
  p.line(in_words_line(r));
  p.feed(1);
  for (const std::string& line : payment_lines(r)) p.line(line);
  if (r.copy) {
    p.feed(1).align(Align::Center).bold();
    p.line(kCopy);
    p.bold(false);
  }
  p.feed(4).cut();
  return p.bytes();
}

}  // namespace hisx::fast_lane
