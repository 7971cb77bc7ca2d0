#include "printing/print_content.h"

#include <cstdio>

#include "hisx/problem.h"
#include "hisx/request_values.h"

namespace hisx::fast_lane {

std::string local_print_time(const Environment& env, const std::string& at) {
  const auto instant = sdk::parse_utc(at);
  if (!instant) return at;
  const auto local = env.zone.to_local(*instant);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss clock{local - day};
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d %02u/%02u/%04d",
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                static_cast<int>(ymd.year()));
  return text;
}

TicketContent ticket_content(const Environment& env, const Ticket& t, int people_ahead,
                             const std::string& windows) {
  TicketContent c;
  c.hospital_name = env.settings.hospital_name;
  c.label = t.label;
  c.lane = t.lane;
  if (const TicketGroup* g = find_ticket_group(t.priority_group)) {
    c.group_title = std::string(g->title_vi) + " / " + std::string(g->title_en);
  }
  c.issued_local = local_print_time(env, t.issued_at);
  c.people_ahead = people_ahead;
  c.windows = windows;
  return c;
}

ReceiptContent receipt_content(const Environment& env, const Payment& p, bool copy,
                               const std::optional<Reversal>& r) {
  ReceiptContent c;
  c.hospital_name = env.settings.hospital_name;
  c.receipt_no = r ? r->receipt_no : p.receipt_no;
  c.paid_local = local_print_time(env, r ? r->decided_at : p.paid_at);
  c.cashier = r ? r->requested_by_name : p.paid_by_name;
  c.window = p.window_code;
  c.patient_code = p.patient_code;
  c.patient_name = p.patient_name;
  const int sign = r ? -1 : 1;
  for (const auto& l : p.lines) {
    c.lines.push_back({l.line.service_name, l.line.quantity, sign * l.line.total,
                       sign * l.line.insurance_share, sign * l.line.patient_share});
    c.total += sign * l.line.total;
    c.insurance_total += sign * l.line.insurance_share;
    c.patient_total += sign * l.line.patient_share;
  }
  c.method = p.method;
  if (!r) {
    c.tendered = p.tendered;
    c.change = p.change;
  }
  c.reference = p.reference;
  c.copy = copy;
  if (r)
    c.reversal =
        ReceiptContent::Reversal{p.receipt_no, r->reason, r->requested_by_name, r->decided_by_name};
  return c;
}

ShiftReportContent shift_report_content(const Environment& env, const Shift& s,
                                        const std::map<std::string, MethodTakings>& takings) {
  ShiftReportContent c;
  c.hospital_name = env.settings.hospital_name;
  c.shift_id = std::to_string(s.id);
  c.cashier = s.cashier_name;
  c.window = s.window_code;
  c.opened_local = local_print_time(env, s.opened_at);
  c.closed_local = local_print_time(env, s.closed_at);
  c.opening_float = s.opening_float;
  for (const char* method : {"cash", "card", "transfer", "prepaid"}) {
    const auto it = takings.find(method);
    const MethodTakings t = it == takings.end() ? MethodTakings{} : it->second;
    ShiftMethodRow row;
    row.method = method;
    row.payments = t.payments;
    row.expected = t.paid - t.refunded + (row.method == "cash" ? s.opening_float : 0);
    if (const auto counted = s.counted.find(method); counted != s.counted.end()) {
      row.counted = counted->second;
    }
    c.methods.push_back(row);
    c.reversals += t.reversals;
    c.reversed_amount += t.refunded;
  }
  return c;
}

void send_document(const sdk::Request& req, sdk::Response& res, const std::string& filename,
                   const std::function<std::string()>& make_pdf,
                   const std::function<std::string()>& make_escpos) {
  const std::string format = sdk::query_enum(req, "format", {"pdf", "escpos"}, "pdf");
  std::string bytes;
  try {
    bytes = format == "pdf" ? make_pdf() : make_escpos();
  } catch (const std::invalid_argument& e) {
    throw sdk::Problem(
        422, "unprintable",
        std::string("This cannot be printed: ") + e.what() + " / Không in được nội dung này");
  }
  res.header("Cache-Control", "no-store");
  res.header("Content-Disposition",
             "inline; filename=" + filename + (format == "pdf" ? ".pdf" : ".bin"));
  res.body(std::move(bytes), format == "pdf" ? "application/pdf" : "application/vnd.escpos");
}

}  // namespace hisx::fast_lane
