// Online payment over HTTP: the app's payment intents, the gateway's webhook, the
// reconciliation list and job; and the VietQR code of a transfer at the window.
#include <Poco/JSON/Array.h>

#include <set>

#include "hisx/database.h"
#include "hisx/his_id.h"
#include "hisx/patient_access.h"
#include "hisx/problem.h"
#include "hisx/request_values.h"
#include "hisx/roles.h"
#include "online/online_service.h"
#include "payments/payment_service.h"
#include "routes.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kChargesSchema =
    R"j({"type":"object","required":["patient_id","charge_ids"],"properties":{"patient_id":{"type":"string"},"charge_ids":{"type":"array","items":{"type":"string"}}}})j";

std::vector<std::string> charge_ids_of(const Poco::JSON::Object::Ptr& body) {
  std::set<std::string> unique;
  for (const auto& c : sdk::json_strings(body, "charge_ids", {})) {
    if (!sdk::is_his_id(c)) {
      throw sdk::Problem::invalid("charge_ids", "'" + c + "' is not a HIS charge id");
    }
    unique.insert(c);
  }
  if (unique.empty() || unique.size() > 50) {
    throw sdk::Problem::invalid("charge_ids", "Choose 1 to 50 charges / Chọn từ 1 đến 50 khoản");
  }
  return {unique.begin(), unique.end()};
}

std::vector<std::string> app_and_cashier_roles() {
  auto roles = cashier_roles();
  roles.emplace_back(sdk::roles::kApp);
  return roles;
}

}  // namespace

void add_online_routes(Environment& env) {
  Environment* e = &env;
  auto& router = env.context.router();

  router.add({"POST",
              "/api/v1/fast-lane/intents",
              {std::string(sdk::roles::kApp)},
              [e](sdk::Request& req, sdk::Response& res) {
                const auto body = req.json();
                const std::string patient = sdk::json_his_id(body, "patient_id");
                const Intent i = create_intent(*e, req, patient, charge_ids_of(body));
                res.status(201);
                res.json(intent_json(*e, i));
              },
              "A payment intent for the patient's open charges, paid through the gateway or by "
              "VietQR transfer with its reference (role app, for linked patients)",
              false,
              {},
              kChargesSchema});

  router.add({"GET", "/api/v1/fast-lane/intents/{id}", app_and_cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                const long long id = sdk::path_id(req);
                const auto scope = sdk::PatientScope::of(req, e->context.services());
                const auto s = e->context.store().session();
                const auto i = find_intent(*s, id);
                if (!i || !scope.allows(i->patient_id)) {
                  throw sdk::Problem::not_found("No payment intent " + std::to_string(id));
                }
                res.json(intent_json(*e, *i));
              },
              "A payment intent and whether it is paid"});

  sdk::Route webhook{"POST",
                     "/api/v1/fast-lane/webhooks/{provider}",
                     {},
                     [e](sdk::Request& req, sdk::Response& res) {
                       const auto answer = handle_webhook(*e, req, req.param("provider"));
                       res.status(answer.status);
                       res.json(answer.body);
                     },
                     "The payment gateway's notification, signed with HMAC-SHA256 over the "
                     "timestamp and the raw body (X-Hisx-Signature: t=…,v1=…); no credential"};
  webhook.is_public = true;
  router.add(std::move(webhook));

  router.add({"GET", "/api/v1/fast-lane/reconciliation", lead_roles(),
              [e](sdk::Request&, sdk::Response& res) {
                const auto s = e->context.store().session();
                Poco::JSON::Array::Ptr intents = new Poco::JSON::Array;
                for (const auto& i : intents_to_reconcile(*s, 200)) {
                  intents->add(intent_json(*e, i));
                }
                Poco::JSON::Array::Ptr transfers = new Poco::JSON::Array;
                for (const auto& t : unmatched_transfers(*s, 200)) {
                  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                  o->set("provider", t.provider);
                  o->set("event_id", t.event_id);
                  o->set("reference", t.reference);
                  o->set("amount", t.amount ? Poco::Dynamic::Var(*t.amount) : Poco::Dynamic::Var());
                  o->set("transaction_id", t.transaction_id);
                  o->set("received_at", t.received_at);
                  o->set("outcome", t.outcome);
                  o->set("intent_id",
                         t.intent_id ? Poco::Dynamic::Var(*t.intent_id) : Poco::Dynamic::Var());
                  o->set("flagged_at", t.flagged_at.empty() ? Poco::Dynamic::Var()
                                                            : Poco::Dynamic::Var(t.flagged_at));
                  transfers->add(o);
                }
                Poco::JSON::Object::Ptr body =
                    new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                body->set("intents", intents);
                body->set("transfers", transfers);
                res.json(body);
              },
              "What needs a person: intents the gateway has not confirmed in time or that were "
              "paid twice, and transfers whose reference matched no intent or whose amount "
              "differed"});

  router.add({"POST",
              "/api/v1/fast-lane/transfers/qr",
              cashier_roles(),
              [e](sdk::Request& req, sdk::Response& res) {
                if (!e->settings.vietqr()) {
                  throw sdk::Problem(409, "vietqr-off",
                                     "No bank account is set for VietQR (setting bank_bin) / "
                                     "Chưa cấu hình tài khoản nhận chuyển khoản");
                }
                const auto body = req.json();
                const std::string patient = sdk::json_his_id(body, "patient_id");
                const auto ids = charge_ids_of(body);
                long long amount = 0;
                for (const auto& c : open_charges(*e, patient)) {
                  if (std::find(ids.begin(), ids.end(), c.charge_id) != ids.end()) {
                    amount += c.patient_share;
                  }
                }
                if (amount <= 0) {
                  throw sdk::Problem::invalid("charge_ids",
                                              "Nothing to pay for these charges / "
                                              "Không có khoản nào phải trả");
                }
                const std::string reference = new_reference();
                const auto [payload, png] = vietqr_for(*e, amount, reference);
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                o->set("amount", amount);
                o->set("reference", reference);
                o->set("payload", payload);
                o->set("png_base64", png);
                res.json(o);
              },
              "The VietQR code of a bank transfer for the chosen charges, with the reference to "
              "give when paying by transfer",
              false,
              {},
              kChargesSchema});
}

void schedule_reconciliation(Environment& env) {
  Environment* e = &env;
  env.context.scheduler().every("fast_lane.reconcile", "*/10 * * * *", [e](const sdk::JobRun&) {
    const auto [intents, transfers] = reconcile(*e);
    if (intents + transfers > 0) {
      e->context.logger().warning(
          "Reconciliation: %s payment intents unconfirmed, %s transfers unmatched (GET "
          "/api/v1/fast-lane/reconciliation)",
          std::to_string(intents), std::to_string(transfers));
    }
  });
}

}  // namespace hisx::fast_lane
