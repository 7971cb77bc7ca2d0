#include "online/online_service.h"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <sys/random.h>

#include <algorithm>
#include <sstream>

#include "hisx/database.h"
#include "hisx/documents/qr.h"
#include "hisx/his_records.h"
#include "hisx/patient_access.h"
#include "hisx/problem.h"
#include "online/webhook_signature_rules.h"
#include "payments/payment_service.h"
#include "vietqr/vietqr_rules.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kSignatureHeader = "X-Hisx-Signature";
constexpr std::chrono::seconds kSignatureWindow{300};
constexpr int kReferenceAttempts = 5;

sdk::Problem no_patient(const std::string& id) {
  return sdk::Problem::invalid("patient_id",
                               "No HIS patient " + id + " / Không có người bệnh " + id);
}

std::string text_field(const Poco::JSON::Object::Ptr& o, const std::string& field,
                       std::size_t max) {
  if (!o || !o->has(field) || !o->get(field).isString()) {
    throw sdk::Problem::invalid(
        field, "'" + field + "' is required text / '" + field + "' là chuỗi bắt buộc");
  }
  const std::string v = o->getValue<std::string>(field);
  if (v.empty() || v.size() > max) {
    throw sdk::Problem::invalid(
        field, "'" + field + "' must be 1 to " + std::to_string(max) + " characters");
  }
  return v;
}

}  // namespace

std::string new_reference() {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  unsigned char bytes[8];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    throw std::runtime_error("getrandom failed");
  }
  std::string out = "HISX";
  for (unsigned char b : bytes) out += kAlphabet[b % 32];
  return out;
}

std::pair<std::string, std::string> vietqr_for(const Environment& env, long long amount,
                                               const std::string& reference) {
  const std::string payload =
      encode_vietqr({env.settings.bank_bin, env.settings.bank_account, false, amount, reference,
                     env.settings.bank_account_name, ""});
  const auto png = sdk::documents::render_png(sdk::documents::QrCode::encode(payload), {6, 4});
  std::ostringstream base64;
  Poco::Base64Encoder encoder(base64);
  encoder.rdbuf()->setLineLength(0);
  encoder << png;
  encoder.close();
  return {payload, base64.str()};
}

Intent create_intent(Environment& env, const sdk::Request& req, const std::string& patient_id,
                     const std::vector<std::string>& charge_ids) {
  if (env.settings.online_provider.empty()) {
    throw sdk::Problem(409, "online-payment-off",
                       "Online payment is not set up at this hospital / Bệnh viện chưa bật thanh "
                       "toán trực tuyến");
  }
  const auto scope = sdk::PatientScope::of(req, env.context.services());
  if (!scope.allows(patient_id)) throw no_patient(patient_id);
  const auto patient = sdk::his_patient(env.context, patient_id);
  if (!patient) throw no_patient(patient_id);
  const auto charges = open_charges(env, patient_id);
  Intent intent;
  for (const auto& id : charge_ids) {
    const auto it = std::find_if(charges.begin(), charges.end(),
                                 [&](const Charge& c) { return c.charge_id == id; });
    const auto s = env.context.store().session();
    if (it == charges.end() || !standing_payments(*s, {id}).empty()) {
      throw sdk::Problem(409, "charge-not-open",
                         "Charge " + id + " is not open for this patient / Khoản thu " + id +
                             " không cần thanh toán");
    }
    intent.charges.push_back(
        {it->charge_id, it->total, it->insurance_share, it->patient_share, true});
    for (const auto& line : it->lines) intent.lines.push_back({it->charge_id, line});
    intent.amount += it->patient_share;
  }
  if (intent.amount <= 0) {
    throw sdk::Problem::invalid("charge_ids",
                                "Nothing is left to pay for these charges / Không "
                                "có khoản nào phải trả");
  }
  intent.patient_id = patient->id;
  intent.patient_code = patient->code;
  intent.patient_name = patient->full_name;
  intent.app_account = scope.account();
  intent.created_at = env.now_text();
  intent.created_by = req.principal()->id;
  std::optional<Intent> made;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    for (int attempt = 0; attempt < kReferenceAttempts && !made; ++attempt) {
      intent.reference = new_reference();
      if (const auto id = insert_intent(tx, intent)) made = find_intent(tx, *id);
    }
    if (!made) throw std::runtime_error("no free payment reference after several tries");
  });
  return *made;
}

Poco::JSON::Object::Ptr intent_json(const Environment& env, const Intent& i) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", i.id);
  o->set("patient_id", i.patient_id);
  o->set("amount", i.amount);
  o->set("reference", i.reference);
  o->set("status", i.status);
  o->set("created_at", i.created_at);
  o->set("paid_at", i.paid_at.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(i.paid_at));
  o->set("payment_id", i.payment_id ? Poco::Dynamic::Var(*i.payment_id) : Poco::Dynamic::Var());
  o->set("flagged_at",
         i.flagged_at.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(i.flagged_at));
  o->set("flag_reason",
         i.flag_reason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(i.flag_reason));
  Poco::JSON::Array::Ptr charges = new Poco::JSON::Array;
  for (const auto& c : i.charges) charges->add(c.charge_id);
  o->set("charge_ids", charges);
  if (env.settings.vietqr() && i.status == "open") {
    const auto [payload, png] = vietqr_for(env, i.amount, i.reference);
    Poco::JSON::Object::Ptr qr = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    qr->set("payload", payload);
    qr->set("png_base64", png);
    o->set("vietqr", qr);
  } else {
    o->set("vietqr", Poco::Dynamic::Var());
  }
  return o;
}

WebhookAnswer handle_webhook(Environment& env, const sdk::Request& req,
                             const std::string& provider) {
  if (env.settings.online_provider.empty() || provider != env.settings.online_provider) {
    throw sdk::Problem::not_found("No payment gateway " + provider);
  }
  const auto check =
      verify_webhook_signature(req.header(kSignatureHeader).value_or(""), req.body(),
                               env.settings.webhook_secrets, env.now(), kSignatureWindow);
  if (check.verdict != SignatureVerdict::kValid) {
    env.context.logger().warning("Webhook of %s refused: %s", provider,
                                 std::string(to_string(check.verdict)));
    throw sdk::Problem(401, "webhook-signature", check.detail, kSignatureHeader);
  }
  const auto body = req.json();
  WebhookEvent e;
  e.provider = provider;
  e.event_id = text_field(body, "id", 200);
  e.type = text_field(body, "type", 40);
  e.received_at = env.now_text();
  const auto data = body->has("data") ? body->getObject("data") : Poco::JSON::Object::Ptr();
  if (e.type == "payment.succeeded") {
    e.reference = text_field(data, "reference", 100);
    e.transaction_id = text_field(data, "transaction_id", 200);
    if (!data->has("amount") || !data->get("amount").isInteger() ||
        data->getValue<long long>("amount") < 0) {
      throw sdk::Problem::invalid("amount", "'amount' is a whole number of VND");
    }
    e.amount = data->getValue<long long>("amount");
  }

  std::string outcome;
  std::optional<long long> intent_id, payment_id;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    intent_id.reset();
    payment_id.reset();
    if (!record_webhook_event(tx, e)) {
      outcome = "duplicate";
      return;
    }
    if (e.type != "payment.succeeded") {
      outcome = "ignored";
      set_webhook_outcome(tx, provider, e.event_id, outcome, std::nullopt);
      return;
    }
    const auto intent = find_intent_by_reference(tx, e.reference);
    if (!intent) {
      outcome = "unmatched";
    } else if (intent->status != "open") {
      outcome = "conflict";  // a second payment of a settled intent: to refund
    } else if (*e.amount != intent->amount) {
      outcome = "mismatch";
    } else {
      Payment p;
      p.patient_id = intent->patient_id;
      p.patient_code = intent->patient_code;
      p.patient_name = intent->patient_name;
      p.amount = intent->amount;
      p.method = "prepaid";
      p.reference = e.transaction_id;
      p.intent_id = intent->id;
      p.paid_by = "gateway:" + provider;
      p.paid_by_name = provider;
      p.charges = intent->charges;
      p.lines = intent->lines;
      tx << "SAVEPOINT fast_lane_prepaid";
      try {
        payment_id = commit_payment(env, tx, p, "").id;
        tx << "RELEASE SAVEPOINT fast_lane_prepaid";
        outcome = "paid";
        settle_intent(tx, intent->id, "paid", payment_id, provider, e.transaction_id,
                      env.now_text(), "");
      } catch (const std::exception& error) {
        if (sdk::is_retryable(error)) throw;
        tx << "ROLLBACK TO SAVEPOINT fast_lane_prepaid";
        outcome = "conflict";
        settle_intent(tx, intent->id, "conflict", std::nullopt, provider, e.transaction_id,
                      env.now_text(),
                      "Paid online, but a charge was paid meanwhile: refund the patient / Đã "
                      "nhận tiền trực tuyến nhưng khoản thu đã được thanh toán: cần hoàn tiền");
      }
    }
    if (intent) intent_id = intent->id;
    set_webhook_outcome(tx, provider, e.event_id, outcome, intent_id);
  });
  env.context.logger().information("Webhook %s of %s: %s", e.event_id, provider, outcome);
  WebhookAnswer answer;
  answer.body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  answer.body->set("received", true);
  answer.body->set("outcome", outcome);
  if (payment_id) answer.body->set("payment_id", *payment_id);
  return answer;
}

std::pair<long long, long long> reconcile(Environment& env) {
  std::pair<long long, long long> flagged;
  const sdk::Instant now = env.now();
  const std::string before = sdk::format_utc(now - env.settings.reconcile_after);
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    flagged.first =
        flag_unconfirmed_intents(tx, before, sdk::format_utc(now),
                                 "Not confirmed by the gateway within " +
                                     std::to_string(env.settings.reconcile_after.count()) +
                                     " minutes / Cổng thanh toán chưa xác nhận");
    flagged.second = flag_unmatched_transfers(tx, sdk::format_utc(now));
  });
  return flagged;
}

}  // namespace hisx::fast_lane
