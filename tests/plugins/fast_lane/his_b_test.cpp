// fast_lane on "HIS B" (tests/data/his-b), a schema unlike the demo's, through its example
// profile alone: text patient numbers ('007'), invoices with several lines in hundredths of a
// đồng, its own status codes (CHUATT/DATT) and the payment's id kept in the HIS.
#include "support/his_b.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hisx/testing/harness.h"
#include "support/backend.h"
#include "support/temp_dir.h"

namespace hisx::test::fast_lane {
namespace {

class FastLaneOnHisB : public ::testing::Test {
 protected:
  void SetUp() override {
    his_ = make_his_b(test_backend_name(), dir_.path());
    std::vector<std::string> overrides = his_.overrides;
    overrides.push_back("clock.start=2026-03-12T15:00:00+07:00");
    host_ = std::make_unique<hisx::testing::Harness>(
        hisx::testing::HarnessOptions{.plugins = {"his", "fast_lane"}, .overrides = overrides});
  }

  TempDir dir_;
  HisB his_;
  std::unique_ptr<hisx::testing::Harness> host_;
};

TEST_F(FastLaneOnHisB, ChargesArePaidAndWrittenBackThroughTheProfileAlone) {
  const auto charges = host_->get("/api/v1/fast-lane/patients/007/charges", "cashier");
  ASSERT_EQ(charges.status, 200) << charges.body;
  const auto body = charges.json();
  EXPECT_EQ(body->getObject("patient")->getValue<std::string>("full_name"), "Nguyễn Văn An");
  const auto list = body->getArray("charges");
  ASSERT_EQ(list->size(), 1u) << "HD-0002 is paid (DATT) already";
  const auto invoice = list->getObject(0);
  EXPECT_EQ(invoice->getValue<std::string>("charge_id"), "HD-0001");
  ASSERT_EQ(invoice->getArray("lines")->size(), 3u);
  EXPECT_EQ(invoice->getArray("lines")->getObject(1)->getValue<std::string>("service_name"),
            "Tổng phân tích tế bào máu");
  EXPECT_EQ(invoice->getValue<long long>("patient_share"), 29326);
  EXPECT_EQ(invoice->getValue<long long>("insurance_share"), 67920);
  EXPECT_EQ(body->getValue<long long>("due"), 29326);

  ASSERT_EQ(host_->post("/api/v1/fast-lane/shifts", R"({"opening_float": 0})", "cashier").status,
            201);
  const auto paid = host_->post(
      "/api/v1/fast-lane/payments",
      R"({"patient_id": "007", "charge_ids": ["HD-0001"], "method": "cash", "tendered": 30000})",
      "cashier", {{"Idempotency-Key", "his-b-1"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  const auto p = paid.json();
  EXPECT_EQ(p->getValue<long long>("change"), 674);
  host_->deliver_events();  // the write-back, when the HIS is not the store
  const auto again = host_->get(
      "/api/v1/fast-lane/payments/" + std::to_string(p->getValue<long long>("id")), "cashier");
  EXPECT_EQ(again.json()->getValue<std::string>("his_state"), "recorded") << again.body;

  auto his = host_->his();
  std::string status, ref;
  *his << "SELECT STATUS, PAYMENT_REF FROM INVOICE WHERE INVOICE_NO = 'HD-0001'",
      soci::into(status), soci::into(ref);
  EXPECT_EQ(status, "DATT");
  EXPECT_EQ(ref, std::to_string(p->getValue<long long>("id")));
  EXPECT_EQ(host_->get("/api/v1/fast-lane/patients/007/charges", "cashier")
                .json()
                ->getArray("charges")
                ->size(),
            0u);
}

}  // namespace
}  // namespace hisx::test::fast_lane
