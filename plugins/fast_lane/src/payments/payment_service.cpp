#include "payments/payment_service.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "hisx/database.h"
#include "hisx/event_names.h"
#include "hisx/his_records.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "payments/payment_json.h"
#include "payments/receipt_number_rules.h"
#include "payments/shift_store.h"
#include "queue/ticket_store.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kScope = "fast_lane.payment";

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

// What makes two payment requests the same (for Idempotency-Key).
std::string canonical(const PaymentRequest& r) {
  std::ostringstream out;
  out << r.patient_id << '|' << joined(r.charge_ids) << '|' << r.method << '|'
      << (r.tendered ? std::to_string(*r.tendered) : "") << '|' << r.reference << '|'
      << (r.ticket_id ? std::to_string(*r.ticket_id) : "") << '|' << r.window_code;
  return out.str();
}

sdk::Problem charge_problem(int status, const std::string& type, const std::string& charge_id,
                            const std::string& detail) {
  Poco::JSON::Object::Ptr m = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  m->set("charge_id", charge_id);
  return sdk::Problem(status, type, detail, m);
}

sdk::Problem already_paid(Environment& env, soci::session& s, const std::string& charge_id) {
  std::string receipt;
  for (const auto& [charge, payment] : standing_payments(s, {charge_id})) {
    if (auto p = find_payment(s, payment)) receipt = p->receipt_no;
  }
  (void)env;
  return charge_problem(409, "charge-already-paid", charge_id,
                        "Charge " + charge_id + " is paid already" +
                            (receipt.empty() ? "" : " (receipt " + receipt + ")") +
                            " / Khoản thu " + charge_id + " đã được thanh toán");
}

void publish_completed(Environment& env, soci::session& tx, const Payment& p,
                       const std::string& lane) {
  auto e = payment_event(p, p.day);
  e->set("paid_at", p.paid_at);
  if (!p.window_code.empty()) e->set("window", p.window_code);
  if (p.ticket_id) e->set("ticket_id", *p.ticket_id);
  if (!lane.empty()) e->set("lane", lane);
  e->set("by", p.paid_by);
  env.context.events().publish(tx, std::string(sdk::events::kPaymentCompleted), e);
}

void check_method(const PaymentRequest& r, long long amount) {
  if (r.method == "cash") {
    if (!r.tendered) {
      throw sdk::Problem::invalid("tendered", "Give the cash tendered / Nhập số tiền khách đưa");
    }
    if (*r.tendered < amount) {
      throw sdk::Problem::invalid("tendered", "The cash tendered (" + std::to_string(*r.tendered) +
                                                  ") is less than the amount due (" +
                                                  std::to_string(amount) +
                                                  ") / Tiền khách đưa ít hơn số phải thu");
    }
    return;
  }
  if (r.tendered) {
    throw sdk::Problem::invalid("tendered",
                                "Only a cash payment has a tendered amount / Chỉ "
                                "thanh toán tiền mặt mới có tiền khách đưa");
  }
  if (r.method == "card" && r.reference.empty()) {
    throw sdk::Problem::invalid("reference",
                                "Give the card terminal's reference / Nhập mã giao dịch máy POS");
  }
  if (r.method == "transfer" && r.reference.empty()) {
    throw sdk::Problem::invalid("reference",
                                "Give the transfer's reference / Nhập mã tham chiếu "
                                "chuyển khoản");
  }
}

std::string ticket_lane(soci::session& tx, const std::optional<long long>& ticket_id) {
  if (!ticket_id) return "";
  const auto t = find_ticket(tx, *ticket_id);
  if (!t) {
    throw sdk::Problem::invalid(
        "ticket_id", "No ticket " + std::to_string(*ticket_id) + " / Không có số thứ tự này");
  }
  return std::string(to_string(t->lane));
}

}  // namespace

std::string record_in_his(Environment& env, soci::session& his, const Payment& p) {
  for (const auto& c : p.charges) {
    const long long rows =
        env.context.profile().execute(his, "payment.record", payment_record_params(p, c));
    if (rows < 1) return c.charge_id;
  }
  return "";
}

std::string reverse_in_his(Environment& env, soci::session& his, const Payment& p,
                           const Reversal& r) {
  for (const auto& c : p.charges) {
    const sdk::HisParams params = {{"payment_id", std::to_string(p.id)},
                                   {"charge_id", c.charge_id},
                                   {"amount", std::to_string(c.patient_share)},
                                   {"reversed_at", r.decided_at},
                                   {"reason", r.reason},
                                   {"receipt_no", r.receipt_no}};
    if (env.context.profile().execute(his, kReverseStatement, params) < 1) return c.charge_id;
  }
  return "";
}

namespace {

void write_back_payment(Environment& env, soci::session& store_tx, long long id) {
  const auto p = find_payment(store_tx, id);
  if (!p || p->his_state != "pending") return;
  auto his = env.context.his().session_beside(store_tx, env.context.store());
  soci::transaction t(*his);
  const std::string refused = record_in_his(env, *his, *p);
  if (!refused.empty()) {
    t.rollback();
    const std::string note = "payment.record changed no row for charge " + refused +
                             ": the HIS has it paid already (at another counter, or by this "
                             "payment if hisx stopped while writing it); check and reverse if "
                             "it was paid twice";
    set_his_state(store_tx, id, "conflict", note, "");
    env.context.logger().warning("Payment %s: %s", p->receipt_no, note);
    return;
  }
  t.commit();
  set_his_state(store_tx, id, "recorded", "", env.now_text());
}

void write_back_reversal(Environment& env, soci::session& store_tx, long long id) {
  const auto r = find_reversal(store_tx, id);
  if (!r || r->his_state != "pending") return;
  const auto p = find_payment(store_tx, r->payment_id);
  if (!p) return;
  auto his = env.context.his().session_beside(store_tx, env.context.store());
  soci::transaction t(*his);
  const std::string refused = reverse_in_his(env, *his, *p, *r);
  if (!refused.empty()) {
    t.rollback();
    set_reversal_his_state(store_tx, id, "conflict",
                           std::string(kReverseStatement) + " changed no row for charge " +
                               refused + ": reopen it in the HIS by hand");
    return;
  }
  t.commit();
  set_reversal_his_state(store_tx, id, "recorded", "");
}

}  // namespace

Poco::JSON::Object::Ptr payment_event(const Payment& p, const std::string& day) {
  Poco::JSON::Object::Ptr e = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  e->set("payment_id", p.id);
  e->set("patient_id", p.patient_id);
  e->set("amount", p.amount);
  Poco::JSON::Array::Ptr charges = new Poco::JSON::Array;
  for (const auto& c : p.charges) charges->add(c.charge_id);
  e->set("charge_ids", charges);
  e->set("receipt_no", p.receipt_no);
  e->set("day", day);
  e->set("method", p.method);
  return e;
}

bool his_is_store(Environment& env) { return env.context.store().same_pool_as(env.context.his()); }

sdk::HisParams payment_record_params(const Payment& p, const PaidCharge& charge) {
  return {{"payment_id", std::to_string(p.id)},
          {"charge_id", charge.charge_id},
          {"amount", std::to_string(charge.patient_share)},
          {"method", p.method},
          {"paid_at", p.paid_at},
          {"cashier", p.paid_by_name},
          {"receipt_no", p.receipt_no}};
}

std::vector<Charge> open_charges(Environment& env, const std::string& patient_id) {
  const auto his = env.context.his().session();
  std::vector<ChargeRow> rows;
  for (const auto& r :
       env.context.profile().query(*his, "charge.open_for_patient", {{"patient_id", patient_id}})) {
    rows.push_back({r.text("charge_id"), r.text("line_id"), r.text("patient_id"),
                    r.text("visit_id"), r.text("service_code"), r.text("service_name"),
                    r.text("quantity"), r.text("total"), r.text("insurance_share"),
                    r.text("patient_share"), r.text("created_at")});
  }
  try {
    return group_charges(rows);
  } catch (const std::invalid_argument& e) {
    throw sdk::Problem(502, "his-data", std::string(e.what()) + " / Dữ liệu HIS không hợp lệ");
  }
}

Payment commit_payment(Environment& env, soci::session& tx, Payment p, const std::string& lane) {
  const sdk::Instant now = env.now();
  const auto local_day = env.zone.date_of(now);
  const int year = static_cast<int>(std::chrono::year_month_day(local_day).year());
  const bool same_database = his_is_store(env);
  p.receipt_no = format_receipt_number(env.settings.receipt_book, year,
                                       next_receipt_sequence(tx, env.settings.receipt_book, year));
  p.his_state = same_database ? "recorded" : "pending";
  p.his_recorded_at = same_database ? sdk::format_utc(now) : "";
  p.paid_at = sdk::format_utc(now);
  p.day = sdk::format_date(local_day);
  p.status = "completed";
  p.id = insert_payment(tx, p);
  if (same_database) {
    const std::string refused = record_in_his(env, tx, p);
    if (!refused.empty()) {
      throw charge_problem(409, "charge-not-open", refused,
                           "The HIS no longer has charge " + refused +
                               " open; nothing was paid / Khoản thu " + refused +
                               " không còn mở trong HIS, chưa thu tiền");
    }
  } else {
    queue_his_writeback(env, tx, "payment", p.id);
  }
  publish_completed(env, tx, p, lane);
  return *find_payment(tx, p.id);
}

sdk::WriteAnswer pay(Environment& env, const sdk::Request& req, const PaymentRequest& request) {
  if (!sdk::idempotency_key(req)) {
    throw sdk::Problem(400, "idempotency-key-required",
                       "A payment needs an Idempotency-Key header, kept by the page until it "
                       "has the answer / Thanh toán cần tiêu đề Idempotency-Key",
                       "Idempotency-Key");
  }
  auto& idem = env.context.idempotency();
  const std::string same = canonical(request);
  if (auto earlier = idem.replayed(req, kScope, same)) return *earlier;

  const auto patient = sdk::his_patient(env.context, request.patient_id);
  if (!patient) {
    throw sdk::Problem::invalid("patient_id", "No HIS patient " + request.patient_id +
                                                  " / Không có người bệnh " + request.patient_id);
  }
  const auto charges = open_charges(env, request.patient_id);
  Payment p;
  for (const auto& id : request.charge_ids) {
    const auto it = std::find_if(charges.begin(), charges.end(),
                                 [&](const Charge& c) { return c.charge_id == id; });
    if (it == charges.end()) {
      const auto s = env.context.store().session();
      if (!standing_payments(*s, {id}).empty()) throw already_paid(env, *s, id);
      throw charge_problem(409, "charge-not-open", id,
                           "The HIS has no open charge " + id + " for patient " +
                               request.patient_id + " / HIS không có khoản thu " + id +
                               " chưa thanh toán của người bệnh này");
    }
    p.charges.push_back({it->charge_id, it->total, it->insurance_share, it->patient_share, true});
    for (const auto& line : it->lines) p.lines.push_back({it->charge_id, line});
    p.amount += it->patient_share;
  }
  check_method(request, p.amount);

  const sdk::Principal& who = *req.principal();
  try {
    return idem.run(req, kScope, same, [&](soci::session& tx) {
      const auto shift = open_shift_of(tx, who.id);
      if (!shift) {
        throw sdk::Problem(409, "shift-not-open",
                           "Open your shift first (POST /api/v1/fast-lane/shifts) / Vui lòng mở "
                           "ca thu ngân trước");
      }
      const std::string lane = ticket_lane(tx, request.ticket_id);
      Payment stored = p;
      stored.patient_id = patient->id;
      stored.patient_code = patient->code;
      stored.patient_name = patient->full_name;
      stored.method = request.method;
      stored.tendered = request.tendered;
      if (request.tendered) stored.change = *request.tendered - p.amount;
      stored.reference = request.reference;
      stored.window_code = request.window_code.empty() ? shift->window_code : request.window_code;
      stored.ticket_id = request.ticket_id;
      stored.shift_id = shift->id;
      stored.paid_by = who.id;
      stored.paid_by_name = who.name;
      const Payment saved = commit_payment(env, tx, stored, lane);
      std::ostringstream body;
      payment_json(env, saved)->stringify(body);
      return sdk::WriteAnswer{201, body.str(), false};
    });
  } catch (const sdk::Problem&) {
    throw;
  } catch (const std::exception& e) {
    if (!sdk::is_duplicate_key(e)) throw;
    // Another window's payment of one of the charges committed first.
    const auto s = env.context.store().session();
    for (const auto& id : request.charge_ids) {
      if (!standing_payments(*s, {id}).empty()) throw already_paid(env, *s, id);
    }
    throw;
  }
}

void queue_his_writeback(Environment& env, soci::session& tx, const std::string& kind,
                         long long id) {
  Poco::JSON::Object::Ptr e = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  e->set("kind", kind);
  e->set("id", id);
  env.context.events().publish(tx, kHisWriteback, e);
}

void subscribe_his_writeback(Environment& env) {
  using T = sdk::FieldType;
  env.context.events().declare(
      {kHisWriteback,
       1,
       "A payment or reversal is to be written back to the HIS (the HIS is not hisx's store "
       "database): retried until the HIS has it.",
       "fast_lane",
       {{"kind", T::kString, true, "payment or reversal"},
        {"id", T::kInteger, true, "the payment's or the reversal's id"}}});
  Environment* e = &env;
  env.context.events().subscribe(kHisWriteback, "fast_lane.his_writeback",
                                 [e](const sdk::Event& event, soci::session& store_tx) {
                                   const std::string kind =
                                       event.payload->getValue<std::string>("kind");
                                   const long long id = event.payload->getValue<long long>("id");
                                   if (kind == "payment") write_back_payment(*e, store_tx, id);
                                   if (kind == "reversal") write_back_reversal(*e, store_tx, id);
                                 });
}

}  // namespace hisx::fast_lane
