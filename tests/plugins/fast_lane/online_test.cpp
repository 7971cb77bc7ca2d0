// Online payment from the app: an intent for open charges with its VietQR code, the gateway's
// webhook verified by its HMAC-SHA256 signature within 300 seconds, replays recognised by the
// event id, the payment (prepaid) made and written back on confirmation, conflicts and
// unmatched transfers flagged by the reconciliation job.
#include <Poco/Base64Decoder.h>
#include <gmock/gmock.h>

#include <cstdlib>
#include <sstream>

#include "fast_lane_fixture.h"
#include "online/webhook_signature_rules.h"
#include "support/documents/decoders.h"
#include "support/temp_dir.h"
#include "vietqr/vietqr_rules.h"

namespace hisx::test::fast_lane {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSecret = "whsec_test_2026_fast_lane";

class Online : public FastLaneTest {
 protected:
  void SetUp() override {
    setenv("HISX_TEST_FAST_LANE_WEBHOOK", kSecret, 1);
    start({"his", "fast_lane"},
          {"plugins.settings.fast_lane.online_provider=demo_gateway",
           "plugins.settings.fast_lane.webhook_secret={env: HISX_TEST_FAST_LANE_WEBHOOK}",
           "plugins.settings.fast_lane.bank_bin=970436",
           "plugins.settings.fast_lane.bank_account=0011001932418",
           "plugins.settings.fast_lane.bank_account_name=BENH VIEN DEMO"});
    patient_ = add_patient("BNONL01", "1992-02-02");
    invoice_ = add_invoice(patient_, 30000, 70000);
  }

  long long now_unix() {
    return std::chrono::duration_cast<std::chrono::seconds>(host_->clock().now().time_since_epoch())
        .count();
  }

  Poco::JSON::Object::Ptr intent() {
    const auto r = host_->post(
        "/api/v1/fast-lane/intents",
        R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + invoice_ + R"("]})", "app");
    EXPECT_EQ(r.status, 201) << r.body;
    return json(r);
  }

  std::string event(const std::string& id, const std::string& reference, long long amount) {
    return R"({"id": ")" + id + R"(", "type": "payment.succeeded", "data": {"reference": ")" +
           reference + R"(", "amount": )" + std::to_string(amount) + R"(, "transaction_id": "GW-)" +
           id + R"("}})";
  }

  hisx::testing::Answer webhook(const std::string& body, long long at = 0,
                                const std::string& secret = kSecret) {
    const std::string signature = hisx::fast_lane::sign_webhook(secret, at ? at : now_unix(), body);
    return host_->call({"POST",
                        "/api/v1/fast-lane/webhooks/demo_gateway",
                        body,
                        "",
                        {{"Content-Type", "application/json"}, {"X-Hisx-Signature", signature}}});
  }

  std::string patient_, invoice_;
};

TEST_F(Online, AnIntentCarriesItsAmountReferenceAndVietQrCode) {
  const auto i = intent();
  EXPECT_EQ(i->getValue<long long>("amount"), 30000);
  EXPECT_EQ(i->getValue<std::string>("status"), "open");
  const std::string reference = i->getValue<std::string>("reference");
  EXPECT_THAT(reference, ::testing::MatchesRegex("HISX[0-9A-Z]{8}"));
  const auto qr = i->getObject("vietqr");
  const auto decoded = hisx::fast_lane::decode_vietqr(qr->getValue<std::string>("payload"));
  EXPECT_EQ(decoded.bank_bin, "970436");
  EXPECT_EQ(decoded.account, "0011001932418");
  EXPECT_EQ(decoded.amount, 30000);
  EXPECT_EQ(decoded.reference, reference);
  // The image is the payload, as a banking app's camera reads it.
  std::string png;
  {
    std::istringstream in(qr->getValue<std::string>("png_base64"));
    Poco::Base64Decoder decoder(in);
    png.assign(std::istreambuf_iterator<char>(decoder), {});
  }
  hisx::test::TempDir dir;
  hisx::test::write_file(dir.path() / "qr.png", png);
  EXPECT_EQ(hisx::test::zbar_decode(dir.path() / "qr.png"), qr->getValue<std::string>("payload"));
  EXPECT_EQ(
      host_
          ->post("/api/v1/fast-lane/intents",
                 R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + invoice_ + R"("]})",
                 "cashier")
          .status,
      403);
}

TEST_F(Online, TheSignedWebhookPaysTheIntentOnceAndTheWindowSeesItPaid) {
  const auto i = intent();
  const std::string reference = i->getValue<std::string>("reference");
  const auto r = webhook(event("evt-1", reference, 30000));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json(r)->getValue<std::string>("outcome"), "paid");
  const std::string payment = std::to_string(json(r)->getValue<long long>("payment_id"));
  const auto p = json(host_->get("/api/v1/fast-lane/payments/" + payment, "cashier"));
  EXPECT_EQ(p->getValue<std::string>("method"), "prepaid");
  EXPECT_EQ(p->getValue<std::string>("reference"), "GW-evt-1");
  EXPECT_EQ(p->getValue<std::string>("receipt_no"), "A-2026-000001");
  EXPECT_EQ(invoice_status(invoice_), "paid");
  const auto intent_now = json(host_->get(
      "/api/v1/fast-lane/intents/" + std::to_string(i->getValue<long long>("id")), "app"));
  EXPECT_EQ(intent_now->getValue<std::string>("status"), "paid");
  // At the window: nothing open, today's prepaid payment shown.
  const auto charges =
      json(host_->get("/api/v1/fast-lane/patients/" + patient_ + "/charges", "cashier"));
  EXPECT_EQ(charges->getArray("charges")->size(), 0u);
  const auto today = charges->getArray("payments_today");
  ASSERT_EQ(today->size(), 1u);
  EXPECT_EQ(today->getObject(0)->getValue<std::string>("method"), "prepaid");

  // The same event again (the gateway retrying, or a replay): recognised, nothing more.
  const auto again = webhook(event("evt-1", reference, 30000));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json(again)->getValue<std::string>("outcome"), "duplicate");
  EXPECT_EQ(rows_of("hisx_fast_lane_payments"), 1);
  EXPECT_EQ(host_->published("payment.completed").size(), 1u);
}

TEST_F(Online, ForgedLateAndMalformedWebhooksAreRefused) {
  const std::string reference = intent()->getValue<std::string>("reference");
  const std::string body = event("evt-2", reference, 30000);
  expect_problem(webhook(body, 0, "not-the-secret"), 401, "webhook-signature", "X-Hisx-Signature");
  expect_problem(webhook(body, now_unix() - 301), 401, "webhook-signature");
  expect_problem(webhook(body, now_unix() + 301), 401, "webhook-signature");
  EXPECT_EQ(webhook(body, now_unix() - 300).status, 200) << "exactly 300 s is within the window";
  const auto unsigned_call = host_->call({"POST",
                                          "/api/v1/fast-lane/webhooks/demo_gateway",
                                          body,
                                          "",
                                          {{"Content-Type", "application/json"}}});
  expect_problem(unsigned_call, 401, "webhook-signature");
  const std::string tampered = event("evt-3", reference, 1);
  const std::string signature = hisx::fast_lane::sign_webhook(kSecret, now_unix(), body);
  expect_problem(
      host_->call({"POST",
                   "/api/v1/fast-lane/webhooks/demo_gateway",
                   tampered,
                   "",
                   {{"Content-Type", "application/json"}, {"X-Hisx-Signature", signature}}}),
      401, "webhook-signature");
  EXPECT_EQ(host_
                ->call({"POST",
                        "/api/v1/fast-lane/webhooks/other",
                        body,
                        "",
                        {{"Content-Type", "application/json"}}})
                .status,
            404);
  expect_problem(webhook(R"({"type": "payment.succeeded"})"), 422, "validation", "id");
  EXPECT_EQ(rows_of("hisx_fast_lane_payments"), 1) << "only the valid call paid";
}

TEST_F(Online, UnmatchedMismatchedAndLateOnesGoToReconciliation) {
  const auto i = intent();
  EXPECT_EQ(json(webhook(event("evt-4", "HISXNOSUCH00", 30000)))->getValue<std::string>("outcome"),
            "unmatched");
  EXPECT_EQ(json(webhook(event("evt-5", i->getValue<std::string>("reference"), 29000)))
                ->getValue<std::string>("outcome"),
            "mismatch");
  EXPECT_EQ(json(webhook(R"({"id": "evt-6", "type": "refund.created", "data": {}})"))
                ->getValue<std::string>("outcome"),
            "ignored");
  host_->run_due_jobs();  // the job's first look: its next run is due in 10 minutes
  host_->clock().advance(std::chrono::minutes(70));
  EXPECT_EQ(host_->run_due_jobs(), 1) << host_->get("/api/v1/host/jobs").body;
  const auto r = json(host_->get("/api/v1/fast-lane/reconciliation", "cashier_lead"));
  const auto intents = r->getArray("intents");
  ASSERT_EQ(intents->size(), 1u) << "unconfirmed after 60 minutes";
  EXPECT_THAT(intents->getObject(0)->getValue<std::string>("flag_reason"), HasSubstr("60 minutes"));
  const auto transfers = r->getArray("transfers");
  ASSERT_EQ(transfers->size(), 2u);
  EXPECT_FALSE(transfers->getObject(0)->isNull("flagged_at"));
  EXPECT_EQ(host_->get("/api/v1/fast-lane/reconciliation", "cashier").status, 403);
}

TEST_F(Online, PaidAtTheWindowMeanwhileIsAConflictToRefund) {
  const auto i = intent();
  open_shift();
  ASSERT_EQ(pay(R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + invoice_ +
                    R"("], "method": "cash", "tendered": 30000})",
                "cash-1")
                .status,
            201);
  const auto r = webhook(event("evt-7", i->getValue<std::string>("reference"), 30000));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json(r)->getValue<std::string>("outcome"), "conflict");
  EXPECT_EQ(rows_of("hisx_fast_lane_payments"), 1) << "not paid twice";
  const auto recon = json(host_->get("/api/v1/fast-lane/reconciliation", "cashier_lead"));
  ASSERT_EQ(recon->getArray("intents")->size(), 1u);
  EXPECT_EQ(recon->getArray("intents")->getObject(0)->getValue<std::string>("status"), "conflict");
}

// With app_link: the app pays only for the patients linked to the account it names.
class OnlineWithAppLink : public Online {
 protected:
  void SetUp() override {
    setenv("HISX_TEST_FAST_LANE_WEBHOOK", kSecret, 1);
    start({"his", "app_link", "fast_lane"},
          {"plugins.settings.fast_lane.online_provider=demo_gateway",
           "plugins.settings.fast_lane.webhook_secret={env: HISX_TEST_FAST_LANE_WEBHOOK}"});
    patient_ = add_patient("BNONL02", "1990-09-09");
    invoice_ = add_invoice(patient_, 20000, 0);
  }

  hisx::testing::Answer intent_as(const std::string& account) {
    return host_->post(
        "/api/v1/fast-lane/intents",
        R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + invoice_ + R"("]})", "app",
        {{"X-App-Account", account}});
  }
};

TEST_F(OnlineWithAppLink, TheAppPaysOnlyForItsLinkedPatients) {
  // Not linked yet: refused as a patient the HIS does not have.
  expect_problem(intent_as("acct-mother"), 422, "validation", "patient_id");
  auto his = host_->his();
  std::string department;
  *his << "SELECT CAST(MIN(id) AS VARCHAR(20)) FROM dm_khoa", soci::into(department);
  const auto linked =
      host_->post("/api/v1/app-link/links",
                  R"({"patient_id": ")" + patient_ +
                      R"(", "app_account_id": "acct-mother", "department_id": ")" + department +
                      R"(", "consent": {"by": "Người bệnh", "method": "signed_form"}})",
                  "receptionist");
  ASSERT_EQ(linked.status, 201) << linked.body;
  const auto made = intent_as("acct-mother");
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string id = std::to_string(json(made)->getValue<long long>("id"));
  expect_problem(intent_as("acct-stranger"), 422, "validation", "patient_id");
  EXPECT_EQ(host_
                ->call({"GET",
                        "/api/v1/fast-lane/intents/" + id,
                        "",
                        "app",
                        {{"X-App-Account", "acct-stranger"}}})
                .status,
            404)
      << "another account sees no such intent";
  EXPECT_EQ(host_
                ->call({"GET",
                        "/api/v1/fast-lane/intents/" + id,
                        "",
                        "app",
                        {{"X-App-Account", "acct-mother"}}})
                .status,
            200);
  EXPECT_EQ(host_->post("/api/v1/fast-lane/intents", "{}", "app").status, 400)
      << "an app request names its account";
}

TEST(OnlineOff, WithoutAGatewayThereAreNoIntents) {
  hisx::testing::Harness host({.plugins = {"his", "fast_lane"}});
  const auto r =
      host.post("/api/v1/fast-lane/intents", R"({"patient_id": "1", "charge_ids": ["1"]})", "app");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_THAT(r.body, HasSubstr("online-payment-off"));
}

}  // namespace
}  // namespace hisx::test::fast_lane
