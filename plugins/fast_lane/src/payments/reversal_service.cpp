#include "payments/reversal_service.h"

#include "hisx/database.h"
#include "hisx/event_names.h"
#include "hisx/problem.h"
#include "payments/payment_service.h"
#include "payments/receipt_number_rules.h"
#include "payments/shift_store.h"

namespace hisx::fast_lane {

namespace {

sdk::Problem no_payment(long long id) {
  return sdk::Problem::not_found("No payment " + std::to_string(id) + " / Không có thanh toán " +
                                 std::to_string(id));
}

sdk::Problem no_reversal(long long id) {
  return sdk::Problem::not_found("No reversal " + std::to_string(id) + " / Không có yêu cầu hủy " +
                                 std::to_string(id));
}

sdk::Problem not_requested(const Reversal& r) {
  return sdk::Problem(409, "invalid-transition",
                      "Reversal " + std::to_string(r.id) + " is " + r.status +
                          " already / Yêu cầu hủy đã được xử lý");
}

void publish_reversed(Environment& env, soci::session& tx, const Payment& p, const Reversal& r) {
  auto e = payment_event(p, env.today());
  e->set("reversal_id", r.id);
  e->set("reversal_receipt_no", r.receipt_no);
  e->set("reason", r.reason);
  e->set("reversed_at", r.decided_at);
  e->set("by", r.requested_by);
  e->set("approved_by", r.decided_by);
  env.context.events().publish(tx, std::string(sdk::events::kPaymentReversed), e);
}

}  // namespace

Reversal request_reversal(Environment& env, const sdk::Principal& who, long long payment_id,
                          const std::string& reason) {
  Reversal out;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    const auto p = find_payment(tx, payment_id);
    if (!p) throw no_payment(payment_id);
    if (p->status != "completed") {
      throw sdk::Problem(409, "payment-reversed",
                         "Payment " + p->receipt_no + " is reversed already / Biên lai " +
                             p->receipt_no + " đã bị hủy");
    }
    Reversal r;
    r.payment_id = payment_id;
    r.reason = reason;
    r.requested_by = who.id;
    r.requested_by_name = who.name;
    r.requested_at = env.now_text();
    if (const auto shift = open_shift_of(tx, who.id)) r.shift_id = shift->id;
    const auto id = insert_reversal(tx, r);
    if (!id) {
      throw sdk::Problem(409, "reversal-requested",
                         "The reversal of " + p->receipt_no +
                             " waits for approval already / Đã có yêu cầu hủy biên lai này");
    }
    out = *find_reversal(tx, *id);
  });
  env.context.logger().information("Reversal %s of payment %s asked by %s", std::to_string(out.id),
                                   std::to_string(payment_id), who.id);
  return out;
}

Reversal approve_reversal(Environment& env, const sdk::Principal& who, long long id,
                          const std::string& note) {
  Reversal out;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    const auto r = find_reversal(tx, id);
    if (!r) throw no_reversal(id);
    if (r->status != "requested") throw not_requested(*r);
    if (r->requested_by == who.id) {
      throw sdk::Problem(409, "same-person",
                         "A second person approves a reversal, not the one who asked for it / "
                         "Người duyệt phải khác người yêu cầu hủy");
    }
    const auto p = find_payment(tx, r->payment_id);
    if (!p || !mark_payment_reversed(tx, r->payment_id)) throw no_payment(r->payment_id);
    const auto local_day = env.zone.date_of(env.now());
    const int year = static_cast<int>(std::chrono::year_month_day(local_day).year());
    const std::string receipt =
        format_receipt_number(env.settings.receipt_book, year,
                              next_receipt_sequence(tx, env.settings.receipt_book, year));
    const bool in_his = env.context.profile().has(kReverseStatement);
    const bool same_database = his_is_store(env);
    const std::string his_state = !in_his ? "manual" : same_database ? "recorded" : "pending";
    if (!fast_lane::approve_reversal(tx, id, who.id, who.name, env.now_text(), note, receipt,
                                     his_state)) {
      throw not_requested(*r);
    }
    Reversal done = *find_reversal(tx, id);
    if (!in_his) {
      set_reversal_his_state(tx, id, "manual",
                             "The HIS profile has no fast_lane.reverse_payment: reopen the "
                             "charges in the HIS by hand");
    } else if (same_database) {
      const std::string refused = reverse_in_his(env, tx, *p, done);
      if (!refused.empty()) {
        throw sdk::Problem(409, "his-refused",
                           "The HIS did not reopen charge " + refused +
                               "; nothing was reversed / HIS không mở lại khoản thu " + refused);
      }
    } else {
      queue_his_writeback(env, tx, "reversal", id);
    }
    out = *find_reversal(tx, id);
    publish_reversed(env, tx, *p, out);
  });
  env.context.logger().information("Reversal %s approved by %s: receipt %s", std::to_string(id),
                                   who.id, out.receipt_no);
  return out;
}

Reversal reject_reversal(Environment& env, const sdk::Principal& who, long long id,
                         const std::string& note) {
  Reversal out;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    const auto r = find_reversal(tx, id);
    if (!r) throw no_reversal(id);
    if (!fast_lane::reject_reversal(tx, id, who.id, who.name, env.now_text(), note)) {
      throw not_requested(*r);
    }
    out = *find_reversal(tx, id);
  });
  return out;
}

}  // namespace hisx::fast_lane
