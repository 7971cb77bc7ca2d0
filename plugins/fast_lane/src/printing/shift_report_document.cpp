// The shift close report (báo cáo kết ca): per payment method what the ledger expects, what
// the cashier counted and the difference, to be signed by the cashier and the shift lead.
#include <stdexcept>

#include "hisx/documents/escpos.h"
#include "hisx/documents/pdf.h"
#include "printing/money_text_rules.h"
#include "printing/print_documents.h"

namespace hisx::fast_lane {

namespace docs = sdk::documents;
using docs::Align;

namespace {

constexpr const char* kTitle = "BÁO CÁO KẾT CA THU NGÂN / SHIFT CLOSE REPORT";
constexpr const char* kNotCounted = "—";

void check(const ShiftReportContent& s) {
  check_print_text("hospital_name", s.hospital_name);
  check_print_text("shift_id", s.shift_id);
  check_print_text("cashier", s.cashier);
  check_print_text("window", s.window);
  check_print_text("opened_local", s.opened_local);
  check_print_text("closed_local", s.closed_local);
  for (std::size_t i = 0; i < s.methods.size(); ++i) {
    const std::string at = "methods[" + std::to_string(i) + "]";
    check_print_text(at + ".method", s.methods[i].method);
    if (!payment_method_title(s.methods[i].method)) {
      throw std::invalid_argument(at + ".method: '" + s.methods[i].method +
                                  "' is not cash, card, transfer or prepaid");
    }
    if (s.methods[i].payments < 0) throw std::invalid_argument(at + ".payments: below 0");
  }
  if (s.reversals < 0) throw std::invalid_argument("reversals: below 0");
}

// The sums over the methods: counted only when every method was counted, the difference over
// the methods that were.
struct Totals {
  int payments = 0;
  long long expected = 0;
  std::optional<long long> counted;
  std::optional<long long> difference;
};

Totals totals_of(const ShiftReportContent& s) {
  Totals t;
  long long counted = 0;
  bool all_counted = true;
  for (const ShiftMethodRow& row : s.methods) {
    t.payments += row.payments;
    t.expected += row.expected;
    if (row.counted) {
      counted += *row.counted;
      t.difference = t.difference.value_or(0) + (*row.counted - row.expected);
    } else {
      all_counted = false;
    }
  }
  if (all_counted) t.counted = counted;
  return t;
}

std::string counted_text(const std::optional<long long>& counted) {
  return counted ? format_vnd(*counted) : kNotCounted;
}

std::string signed_text(const std::optional<long long>& difference) {
  return difference ? format_vnd_signed(*difference) : kNotCounted;
}

std::vector<std::string> head_lines(const ShiftReportContent& s) {
  std::vector<std::string> lines = {"Ca / Shift: " + s.shift_id,
                                    "Thu ngân / Cashier: " + s.cashier};
  if (!s.window.empty()) lines.push_back("Quầy / Window: " + s.window);
  lines.push_back("Mở ca / Opened: " + s.opened_local);
  lines.push_back("Kết ca / Closed: " + s.closed_local);
  lines.push_back("Tiền đầu ca / Opening float: " + format_vnd(s.opening_float));
  return lines;
}

std::vector<std::string> reversal_lines(const ShiftReportContent& s) {
  return {"Số biên lai hủy / Reversals: " + std::to_string(s.reversals),
          "Số tiền đã hủy / Reversed amount: " + format_vnd(s.reversed_amount)};
}

// One method's figures (or the totals) as a table of two columns that fits the roll: the
// labels, Vietnamese first, and the amounts.
docs::Table figures_table(const std::string& title, int payments, long long expected,
                          const std::optional<long long>& counted, const std::string& difference) {
  return {.columns = {{title, docs::ColumnWidth::fraction(1)},
                      {"", docs::ColumnWidth::mm(27), Align::Right}},
          .rows = {{"Số giao dịch / Payments", std::to_string(payments)},
                   {"Dự kiến / Expected", format_vnd(expected)},
                   {"Thực đếm / Counted", counted_text(counted)},
                   {"Chênh lệch / Difference", difference}},
          .size_pt = 8,
          .space_after_mm = 2};
}

constexpr const char* kFloatNote =
    "Tiền mặt dự kiến gồm tiền đầu ca / Expected cash includes the opening float";

}  // namespace

std::string shift_difference_text(const ShiftMethodRow& row) {
  return signed_text(row.counted ? std::optional<long long>(*row.counted - row.expected)
                                 : std::nullopt);
}

std::string shift_report_pdf(const ShiftReportContent& s) {
  check(s);
  docs::PdfDocument pdf(docs::PageSetup::roll_80mm());
  pdf.title(std::string(kTitle) + " " + s.shift_id).author(s.hospital_name);
  pdf.heading(s.hospital_name, 11, Align::Center);
  pdf.paragraph(kTitle, {.size_pt = 10, .bold = true, .align = Align::Center});
  for (const std::string& line : head_lines(s)) {
    pdf.paragraph(line, {.size_pt = 8, .space_after_mm = 0.8});
  }
  pdf.space(1);
  for (const ShiftMethodRow& row : s.methods) {
    pdf.table(figures_table(std::string(*payment_method_title(row.method)), row.payments,
                            row.expected, row.counted, shift_difference_text(row)));
  }
  const Totals totals = totals_of(s);
  pdf.table(figures_table("Tổng / Total", totals.payments, totals.expected, totals.counted,
                          signed_text(totals.difference)));
  pdf.paragraph(kFloatNote, {.size_pt = 7, .space_after_mm = 1.5});
  for (const std::string& line : reversal_lines(s)) {
    pdf.paragraph(line, {.size_pt = 8, .space_after_mm = 0.8});
  }
  pdf.space(2);
  pdf.boxes(16, {"Thu ngân / Cashier", "Trưởng ca / Shift lead"});
  return pdf.bytes();
}

std::string shift_report_escpos(const ShiftReportContent& s) {
  check(s);
  docs::EscPosDocument p(576);
  p.initialize().align(Align::Center).bold();
  p.raster_text(s.hospital_name, 28);
  p.raster_text(kTitle, 26);
  p.bold(false).feed(1).align(Align::Left);
  for (const std::string& line : head_lines(s)) p.line(line);
  // Each method as labelled lines, then the totals the same way.
  const auto figures = [&](const std::string& title, int payments, long long expected,
                           const std::optional<long long>& counted, const std::string& difference) {
    p.bold();
    p.line(title);
    p.bold(false);
    p.line("Số giao dịch / Payments: " + std::to_string(payments));
    p.line("Dự kiến / Expected: " + format_vnd(expected));
    p.line("Thực đếm / Counted: " + counted_text(counted));
    p.bold();
    p.line("Chênh lệch / Difference: " + difference);
    p.bold(false);
  };
  for (const ShiftMethodRow& row : s.methods) {
    p.line(std::string(48, '-'));
    figures(std::string(*payment_method_title(row.method)), row.payments, row.expected, row.counted,
            shift_difference_text(row));
  }
  const Totals totals = totals_of(s);
  p.line(std::string(48, '='));
  figures("Tổng / Total", totals.payments, totals.expected, totals.counted,
          signed_text(totals.difference));
  p.line(std::string(48, '-'));
  p.raster_text(kFloatNote, 20);
  for (const std::string& line : reversal_lines(s)) p.line(line);
  p.feed(2);
  p.line("Thu ngân / Cashier:");
  p.feed(4);
  p.line("Trưởng ca / Shift lead:");
  p.feed(4).cut();
  return p.bytes();
}

}  // namespace hisx::fast_lane
