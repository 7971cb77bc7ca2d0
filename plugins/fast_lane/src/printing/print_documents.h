#pragma once

#include <optional>
#include <string>
#include <vector>

#include "queue/ticket_group_rules.h"

// The cashier window's printed documents, as plain code (no database, no HTTP): the queue
// ticket, the receipt and the shift close report, each as a PDF file on an 80 mm roll and as an
// ESC/POS stream for a 576-dot (80 mm) thermal printer. The routes gather the content and send
// what these return. Every text is printed as given, Vietnamese with its diacritics; a text
// that is not UTF-8 or holds a control character (a newline too), an unknown payment method
// or a negative count throws std::invalid_argument naming the field, rather than printing
// garbage. Amounts are whole VND (money_text_rules.h formats them). On ESC/POS, Vietnamese
// lines go as raster images (the SDK's EscPosDocument::line()), plain ASCII lines as the
// printer's own text.

namespace hisx::fast_lane {

/// What a queue ticket shows.
struct TicketContent {
  std::string hospital_name;
  std::string label;         ///< The ticket's number, "U003": printed very large; not empty.
  Lane lane;                 ///< Its lane_title() is printed under the number.
  std::string group_title;   ///< "Người cao tuổi / Elderly"; "" for none.
  std::string issued_local;  ///< "08:15 01/12/2026": local time, formatted by the caller.
  int people_ahead = 0;  ///< "Số người chờ trước bạn / People ahead of you: 3"; 0 or more.
  std::string windows;  ///< The windows that call this lane, "Q1, Q2"; "" to leave out.
};

/// The ticket as a PDF file on an 80 mm roll (one page).
std::string ticket_pdf(const TicketContent& ticket);
/// The ticket for a 576-dot ESC/POS printer: the number as a large raster image; ends with a
/// feed and a cut.
std::string ticket_escpos(const TicketContent& ticket);

/// One service paid for on a receipt.
struct ReceiptLine {
  std::string service_name;
  std::string quantity;           ///< As the HIS gives it: "1", "2 lần".
  long long total = 0;            ///< What the service costs.
  long long insurance_share = 0;  ///< What health insurance (BHYT) pays of it.
  long long patient_share = 0;    ///< What the patient pays of it.
};

/// What a receipt (biên lai thu tiền) shows, or the receipt of a reversing entry.
struct ReceiptContent {
  std::string hospital_name;
  std::string receipt_no;  ///< "A-2026-000123"; not empty.
  std::string paid_local;  ///< "09:41 01/12/2026": local time, formatted by the caller.
  std::string cashier;     ///< The cashier's display name.
  std::string window;      ///< "Q1"; "" when none.
  std::string patient_code, patient_name;
  std::vector<ReceiptLine> lines;
  /// The sums of the lines; `patient_total` is what was paid, printed in words too.
  long long total = 0, insurance_total = 0, patient_total = 0;
  std::string method;  ///< "cash", "card", "transfer" or "prepaid": payment_method_title().
  std::optional<long long> tendered, change;  ///< Cash only: what the payer gave, what came back.
  std::string reference;  ///< Card terminal ref, transfer reference, online payment id; "" none.
  bool copy = false;      ///< A reprint: "BẢN SAO / COPY" large at the top.
  /// A reversal (phiếu hủy / hoàn tiền): which receipt it reverses, why, who reversed it and
  /// who approved.
  struct Reversal {
    std::string of_receipt_no, reason, by, approved_by;
  };
  std::optional<Reversal> reversal;  ///< Set: titled "PHIẾU HỦY BIÊN LAI / RECEIPT REVERSAL".
};

/// The receipt as a PDF file on an 80 mm roll (one page): the title, the payment, a table of
/// the lines, the totals, what was paid in words, the method and signature boxes for the
/// payer and the cashier.
std::string receipt_pdf(const ReceiptContent& receipt);
/// The receipt for a 576-dot ESC/POS printer: each line's name, then its quantity and
/// amounts as a row of plain-text columns (48 characters of the printer's font; a row that
/// does not fit is printed as labelled lines instead); ends with a feed and a cut.
std::string receipt_escpos(const ReceiptContent& receipt);

/// One payment method of a closing shift.
struct ShiftMethodRow {
  std::string method;                ///< "cash", "card", "transfer", "prepaid".
  int payments = 0;                  ///< How many payments; 0 or more.
  long long expected = 0;            ///< What the ledger says; cash includes the opening float.
  std::optional<long long> counted;  ///< What the cashier counted; absent: not counted.
};

/// What a shift close report (báo cáo kết ca) shows.
struct ShiftReportContent {
  std::string hospital_name, shift_id, cashier, window, opened_local, closed_local;
  long long opening_float = 0;          ///< The cash the drawer started with.
  std::vector<ShiftMethodRow> methods;  ///< Cash first; printed in this order.
  int reversals = 0;                    ///< Receipts reversed in the shift; 0 or more.
  long long reversed_amount = 0;        ///< What those reversals gave back.
};

/// Counted − expected: "+20.000 đ", "-50.000 đ", "0 đ"; "—" when not counted.
std::string shift_difference_text(const ShiftMethodRow& row);

/// The report as a PDF file on an 80 mm roll (one page): per method the payments, expected,
/// counted and difference, then the totals (counted: only when every method is counted;
/// difference: of the counted methods), the reversals and signature boxes for the cashier and
/// the shift lead.
std::string shift_report_pdf(const ShiftReportContent& report);
/// The report for a 576-dot ESC/POS printer, as labelled lines; ends with a feed and a cut.
std::string shift_report_escpos(const ShiftReportContent& report);

}  // namespace hisx::fast_lane
