// Charges and payments over HTTP: the patient's open charges from the HIS, paying them at the
// window, the day's payments and the receipt.
#include <Poco/JSON/Array.h>

#include <algorithm>
#include <map>
#include <set>

#include "hisx/database.h"
#include "hisx/his_id.h"
#include "hisx/his_records.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/text.h"
#include "payments/payment_json.h"
#include "payments/payment_service.h"
#include "printing/print_content.h"
#include "routes.h"

namespace hisx::fast_lane {

namespace {

constexpr int kListLimit = 500;

constexpr const char* kPaymentSchema =
    R"j({"type":"object","required":["patient_id","charge_ids","method"],"properties":{"patient_id":{"type":"string"},"charge_ids":{"type":"array","items":{"type":"string"}},"method":{"enum":["cash","card","transfer"]},"tendered":{"type":"integer","minimum":0},"reference":{"type":"string"},"ticket_id":{"type":"integer"},"window":{"type":"string"}}})j";

PaymentRequest read_payment(const sdk::Request& req) {
  const auto body = req.json();
  PaymentRequest r;
  r.patient_id = sdk::json_his_id(body, "patient_id");
  const auto charges = sdk::json_strings(body, "charge_ids", {});
  std::set<std::string> unique;
  for (const auto& c : charges) {
    if (!sdk::is_his_id(c)) {
      throw sdk::Problem::invalid("charge_ids", "'" + c +
                                                    "' is not a HIS charge id / Mã khoản "
                                                    "thu không hợp lệ");
    }
    unique.insert(c);
  }
  if (unique.empty() || unique.size() > 50) {
    throw sdk::Problem::invalid("charge_ids",
                                "Choose 1 to 50 charges to pay / Chọn từ 1 đến 50 "
                                "khoản thu");
  }
  r.charge_ids.assign(unique.begin(), unique.end());
  r.method = sdk::json_enum(body, "method", {"cash", "card", "transfer"});
  r.tendered = sdk::json_optional_integer(body, "tendered", 0, 10'000'000'000LL);
  r.reference = sdk::json_text(body, "reference", 100, std::string());
  r.ticket_id = sdk::json_optional_integer(body, "ticket_id", 1, 9'000'000'000'000'000'000LL);
  r.window_code = sdk::json_text(body, "window", 20, std::string());
  return r;
}

}  // namespace

void add_payment_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  // The cashier finds the patient of a ticket without one (the head cashier's role is this
  // plugin's own, which the his plugin's browsing does not know).
  router.add({"GET",
              "/api/v1/fast-lane/patients",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const std::string q = sdk::fold_search_text(req.query("q").value_or(""));
                if (q.size() < 2) {
                  throw sdk::Problem::invalid("q",
                                              "Type at least 2 characters of the patient's code, "
                                              "name or phone / Nhập ít nhất 2 ký tự");
                }
                const int limit = static_cast<int>(sdk::query_integer(req, "limit", 1, 20, 10));
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& p : sdk::his_patient_search(e->context, q, limit)) {
                  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                  o->set("id", p.id);
                  o->set("code", p.code);
                  o->set("full_name", p.full_name);
                  o->set("birth_date", p.birth_date);
                  items->add(o);
                }
                Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
                body->set("items", items);
                res.json(body);
              },
              "HIS patients matching a code, name or phone (patient.search), for the cashier",
              false,
              {{"q", "string", true, "At least 2 characters of the code, name or phone"},
               {"limit", "integer", false, "1-20, 10 by default"}}});

  router.add(
      {"GET", "/api/v1/fast-lane/patients/{patient_id}/charges", cashier_roles(),
       [e](sdk::Request& req, sdk::Response& res) {
         const auto patient_id = sdk::path_his_id(req, "patient_id");
         const auto patient = sdk::his_patient(e->context, patient_id);
         if (!patient) {
           throw sdk::Problem::not_found("No HIS patient " + patient_id +
                                         " / Không có người bệnh " + patient_id);
         }
         const auto charges = open_charges(*e, patient_id);
         std::vector<std::string> ids;
         for (const auto& c : charges) ids.push_back(c.charge_id);
         const auto s = e->context.store().session();
         std::map<std::string, long long> paid;
         for (const auto& [charge, payment] : standing_payments(*s, ids)) paid[charge] = payment;
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         long long due = 0;
         for (const auto& c : charges) {
           auto o = charge_json(c);
           if (const auto it = paid.find(c.charge_id); it != paid.end()) {
             // Paid in hisx, the HIS not told yet (the write-back is pending).
             const auto p = find_payment(*s, it->second);
             Poco::JSON::Object::Ptr by = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
             by->set("payment_id", it->second);
             by->set("receipt_no", p ? p->receipt_no : "");
             by->set("his_state", p ? p->his_state : "");
             o->set("paid", by);
           } else {
             o->set("paid", Poco::Dynamic::Var());
             due += c.patient_share;
           }
           items->add(o);
         }
         Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         Poco::JSON::Object::Ptr who = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
         who->set("id", patient->id);
         who->set("code", patient->code);
         who->set("full_name", patient->full_name);
         who->set("birth_date", patient->birth_date);
         who->set("insurance_no", patient->insurance_no);
         body->set("patient", who);
         body->set("charges", items);
         body->set("due", due);
         // Today's payments of the patient: a prepaid one (online) shows as paid here.
         Poco::JSON::Array::Ptr today = new Poco::JSON::Array;
         for (const auto& p : list_payments(*s, e->today(), patient_id, 20)) {
           Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
           o->set("payment_id", p.id);
           o->set("receipt_no", p.receipt_no);
           o->set("method", p.method);
           o->set("amount", p.amount);
           o->set("status", p.status);
           o->set("his_state", p.his_state);
           o->set("paid_at", p.paid_at);
           today->add(o);
         }
         body->set("payments_today", today);
         res.json(body);
       },
       "The patient's open charges from the HIS (charge.open_for_patient): lines, insurance "
       "(BHYT) share, patient share; a charge paid in hisx and not yet written back shows as "
       "paid"});

  router.add({"POST",
              "/api/v1/fast-lane/payments",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const auto answer = pay(*e, req, read_payment(req));
                res.status(answer.status);
                if (answer.replayed) res.header("Idempotent-Replayed", "true");
                res.body(answer.body, "application/json");
              },
              "Pays chosen charges by cash (tendered, change), card (terminal reference) or "
              "transfer (reference); Idempotency-Key required",
              false,
              {},
              kPaymentSchema});

  router.add({"GET",
              "/api/v1/fast-lane/payments",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const std::string day =
                    req.query("date") ? sdk::format_date(sdk::query_date(req, "date")) : e->today();
                const std::string patient =
                    sdk::query_optional_his_id(req, "patient_id").value_or("");
                const auto s = e->context.store().session();
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& p : list_payments(*s, day, patient, kListLimit)) {
                  items->add(payment_json(*e, p));
                }
                Poco::JSON::Object::Ptr body =
                    new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                body->set("date", day);
                body->set("items", items);
                res.json(body);
              },
              "A local day's payments (today by default), newest first",
              false,
              {{"date", "string", false, "The local day, YYYY-MM-DD"},
               {"patient_id", "string", false, "Only this HIS patient's"}}});

  router.add({"GET", "/api/v1/fast-lane/payments/{id}", cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const auto s = e->context.store().session();
                const auto p = find_payment(*s, id);
                if (!p) throw sdk::Problem::not_found("No payment " + std::to_string(id));
                res.json(payment_json(*e, *p));
              },
              "One payment, with its HIS write-back state"});

  router.add({"GET",
              "/api/v1/fast-lane/payments/{id}/receipt",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                std::optional<Payment> p;
                int before = 0;
                sdk::with_transaction(e->context.store(), [&](soci::session& tx) {
                  p = find_payment(tx, id);
                  if (!p) throw sdk::Problem::not_found("No payment " + std::to_string(id));
                  before = count_receipt_print(tx, id);
                });
                const auto content = receipt_content(*e, *p, before > 0);
                send_document(
                    req, res, "bien-lai-" + p->receipt_no, [&] { return receipt_pdf(content); },
                    [&] { return receipt_escpos(content); });
              },
              "The receipt (80 mm PDF or ESC/POS, ?format=): a copy from the second print on",
              false,
              {{"format", "string", false, "pdf (default) or escpos"}}});
}

}  // namespace hisx::fast_lane
