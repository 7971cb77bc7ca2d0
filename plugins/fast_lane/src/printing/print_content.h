#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "environment.h"
#include "hisx/http.h"
#include "payments/payment_store.h"
#include "payments/shift_store.h"
#include "printing/print_documents.h"
#include "queue/ticket_store.h"

// What each printed document shows, gathered from what the store holds.

namespace hisx::fast_lane {

/// "HH:MM dd/mm/yyyy" of the UTC text `at` on the hospital's wall clock ("" stays "").
std::string local_print_time(const Environment& env, const std::string& at);

/// The ticket `t` with `people_ahead` and the windows that call its lane.
TicketContent ticket_content(const Environment& env, const Ticket& t, int people_ahead,
                             const std::string& windows);
/// The receipt of payment `p` (a copy when printed before), or of its reversal `r`.
ReceiptContent receipt_content(const Environment& env, const Payment& p, bool copy,
                               const std::optional<Reversal>& r = std::nullopt);
/// The close report of shift `s` with what was taken in it.
ShiftReportContent shift_report_content(const Environment& env, const Shift& s,
                                        const std::map<std::string, MethodTakings>& takings);

/// Sends `pdf_or_escpos` made by `make_pdf` or `make_escpos` as the route's answer, by the
/// query's `format` (pdf by default, or escpos), with `filename` (without extension).
void send_document(const sdk::Request& req, sdk::Response& res, const std::string& filename,
                   const std::function<std::string()>& make_pdf,
                   const std::function<std::string()>& make_escpos);

}  // namespace hisx::fast_lane
