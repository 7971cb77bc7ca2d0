// Charges and payments over HTTP: the open charges from the HIS, paying them by cash, card or
// transfer with a required Idempotency-Key, the HIS written back in the same transaction (the
// demo's HIS is the store), receipts numbered per book and year, shifts, and reversals approved
// by a second person.
#include <gmock/gmock.h>

#include "fast_lane_fixture.h"
#include "support/documents/decoders.h"
#include "support/documents/escpos_parser.h"
#include "support/temp_dir.h"

namespace hisx::test::fast_lane {
namespace {

using ::testing::HasSubstr;

class Payments : public FastLaneTest {
 protected:
  void SetUp() override {
    FastLaneTest::SetUp();
    patient_ = add_patient("BNPAY01", "1980-03-04");
    first_ = add_invoice(patient_, 30000, 120000);
    second_ = add_invoice(patient_, 50000);
  }

  std::string cash(const std::vector<std::string>& charges, long long tendered) {
    std::string list;
    for (const auto& c : charges) list += (list.empty() ? "\"" : ", \"") + c + "\"";
    return R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [)" + list +
           R"(], "method": "cash", "tendered": )" + std::to_string(tendered) + "}";
  }

  std::string patient_, first_, second_;
};

TEST_F(Payments, TheOpenChargesComeFromTheHis) {
  const auto r = host_->get("/api/v1/fast-lane/patients/" + patient_ + "/charges", "cashier");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = json(r);
  EXPECT_EQ(body->getObject("patient")->getValue<std::string>("code"), "BNPAY01");
  const auto charges = body->getArray("charges");
  ASSERT_EQ(charges->size(), 2u);
  const auto c = charges->getObject(0);
  EXPECT_EQ(c->getValue<std::string>("charge_id"), first_);
  EXPECT_EQ(c->getValue<long long>("total"), 150000);
  EXPECT_EQ(c->getValue<long long>("insurance_share"), 120000);
  EXPECT_EQ(c->getValue<long long>("patient_share"), 30000);
  EXPECT_EQ(c->getArray("lines")->getObject(0)->getValue<std::string>("service_name"),
            "Viện phí lượt khám");
  EXPECT_TRUE(c->isNull("paid"));
  EXPECT_EQ(body->getValue<long long>("due"), 80000);
  EXPECT_EQ(host_->get("/api/v1/fast-lane/patients/NO-SUCH/charges", "cashier").status, 404);
  EXPECT_EQ(host_->get("/api/v1/fast-lane/patients/" + patient_ + "/charges", "doctor").status,
            403);
}

TEST_F(Payments, CashWithChangeIsWrittenBackToTheHisAndPublished) {
  open_shift();
  const auto r = pay(cash({first_, second_}, 100000), "pay-1");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto p = json(r);
  EXPECT_EQ(p->getValue<long long>("amount"), 80000);
  EXPECT_EQ(p->getValue<long long>("change"), 20000);
  EXPECT_EQ(p->getValue<std::string>("receipt_no"), "A-2026-000001");
  EXPECT_EQ(p->getValue<std::string>("his_state"), "recorded");
  EXPECT_EQ(p->getValue<std::string>("window"), "Q1");
  EXPECT_EQ(p->getValue<std::string>("patient_code"), "BNPAY01");
  EXPECT_EQ(invoice_status(first_), "paid");
  EXPECT_EQ(invoice_status(second_), "paid");
  const auto charges =
      json(host_->get("/api/v1/fast-lane/patients/" + patient_ + "/charges", "cashier"))
          ->getArray("charges");
  EXPECT_EQ(charges->size(), 0u) << "nothing is open any more";

  const auto events = host_->published("payment.completed");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].version, 2);
  EXPECT_EQ(events[0].payload->getValue<long long>("amount"), 80000);
  EXPECT_EQ(events[0].payload->getValue<std::string>("method"), "cash");
  EXPECT_EQ(events[0].payload->getArray("charge_ids")->size(), 2u);
  EXPECT_EQ(events[0].payload->getValue<std::string>("receipt_no"), "A-2026-000001");

  // The next one is numbered after it.
  const std::string third = add_invoice(patient_, 10000);
  const auto card = pay(R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + third +
                            R"("], "method": "card", "reference": "POS-778812"})",
                        "pay-2");
  ASSERT_EQ(card.status, 201) << card.body;
  EXPECT_EQ(json(card)->getValue<std::string>("receipt_no"), "A-2026-000002");
  EXPECT_TRUE(json(card)->isNull("change"));
}

TEST_F(Payments, TheSameKeyAnswersTheFirstAnswerAndNeverPaysTwice) {
  open_shift();
  const auto first = pay(cash({first_}, 50000), "key-same");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto again = pay(cash({first_}, 50000), "key-same");
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  expect_problem(pay(cash({first_}, 60000), "key-same"), 422, "validation", "Idempotency-Key");
  const auto other =
      expect_problem(pay(cash({first_}, 50000), "key-other"), 409, "charge-already-paid");
  EXPECT_THAT(other->getValue<std::string>("detail"), HasSubstr("A-2026-000001"));
  EXPECT_EQ(rows_of("hisx_fast_lane_payments"), 1);
  const auto missing = host_->post("/api/v1/fast-lane/payments", cash({second_}, 50000), "cashier");
  expect_problem(missing, 400, "idempotency-key-required", "Idempotency-Key");
}

TEST_F(Payments, RefusalsNameTheField) {
  expect_problem(pay(cash({first_}, 50000), "k1"), 409, "shift-not-open");
  open_shift();
  expect_problem(pay(cash({first_}, 29999), "k2"), 422, "validation", "tendered");
  expect_problem(pay(R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + first_ +
                         R"("], "method": "card"})",
                     "k3"),
                 422, "validation", "reference");
  expect_problem(pay(R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + first_ +
                         R"("], "method": "bitcoin"})",
                     "k4"),
                 422, "validation", "method");
  expect_problem(pay(R"({"patient_id": ")" + patient_ +
                         R"(", "charge_ids": [], "method": "cash",)"
                         R"( "tendered": 1})",
                     "k5"),
                 422, "validation", "charge_ids");
  expect_problem(pay(R"({"patient_id": "NO-SUCH", "charge_ids": ["1"], "method": "cash",)"
                     R"( "tendered": 1})",
                     "k6"),
                 422, "validation", "patient_id");
  // Another patient's invoice is not this patient's open charge.
  const std::string stranger = add_patient("BNPAY02", "1970-01-01");
  const std::string theirs = add_invoice(stranger, 1000);
  const auto doc = expect_problem(pay(cash({theirs}, 5000), "k7"), 409, "charge-not-open");
  EXPECT_EQ(doc->getValue<std::string>("charge_id"), theirs);
  EXPECT_EQ(pay(cash({first_}, 50000), "k8", "receptionist").status, 403);
  EXPECT_EQ(rows_of("hisx_fast_lane_payments"), 0);
  EXPECT_EQ(invoice_status(first_), "open");
}

TEST_F(Payments, TheReceiptIsAnEightyMillimetreRollAndAReprintIsACopy) {
  open_shift();
  const auto paid = json(pay(cash({first_}, 50000), "r1"));
  const std::string id = std::to_string(paid->getValue<long long>("id"));
  const auto pdf = host_->get("/api/v1/fast-lane/payments/" + id + "/receipt", "cashier");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  hisx::test::TempDir dir;
  hisx::test::write_file(dir.path() / "r.pdf", pdf.body);
  const std::string text =
      hisx::test::run_tool({"pdftotext", "-layout", (dir.path() / "r.pdf").string(), "-"});
  EXPECT_THAT(text, HasSubstr("A-2026-000001"));
  EXPECT_THAT(text, HasSubstr("Nguyễn Văn Thử"));
  EXPECT_THAT(text, HasSubstr("Ba mươi nghìn đồng"));
  EXPECT_THAT(text, HasSubstr("20.000"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("BẢN SAO")));
  const auto copy = host_->get("/api/v1/fast-lane/payments/" + id + "/receipt", "cashier");
  hisx::test::write_file(dir.path() / "c.pdf", copy.body);
  EXPECT_THAT(hisx::test::run_tool({"pdftotext", (dir.path() / "c.pdf").string(), "-"}),
              HasSubstr("BẢN SAO"));
  const auto escpos =
      host_->get("/api/v1/fast-lane/payments/" + id + "/receipt?format=escpos", "cashier");
  ASSERT_EQ(escpos.status, 200);
  EXPECT_EQ(escpos.header("Content-Type"), "application/vnd.escpos");
  const auto commands = hisx::test::parse_escpos(escpos.body);
  EXPECT_EQ(commands.back().kind, hisx::test::EscPosCommand::Kind::Cut);
  expect_problem(host_->get("/api/v1/fast-lane/payments/" + id + "/receipt?format=doc", "cashier"),
                 422, "validation", "format");
}

TEST_F(Payments, AReversalNeedsASecondPersonAndFreesTheCharge) {
  open_shift();
  const auto paid = json(pay(cash({first_}, 30000), "v1"));
  const std::string id = std::to_string(paid->getValue<long long>("id"));
  expect_problem(host_->post("/api/v1/fast-lane/payments/" + id + "/reversals", "{}", "cashier"),
                 422, "validation", "reason");
  const auto asked = host_->post("/api/v1/fast-lane/payments/" + id + "/reversals",
                                 R"({"reason": "Thu nhầm người bệnh"})", "cashier_lead");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string reversal = std::to_string(json(asked)->getValue<long long>("id"));
  expect_problem(host_->post("/api/v1/fast-lane/payments/" + id + "/reversals",
                             R"({"reason": "again"})", "cashier"),
                 409, "reversal-requested");
  EXPECT_EQ(
      host_->post("/api/v1/fast-lane/reversals/" + reversal + "/approve", "{}", "cashier").status,
      403);
  expect_problem(
      host_->post("/api/v1/fast-lane/reversals/" + reversal + "/approve", "{}", "cashier_lead"),
      409, "same-person");
  const auto approved =
      host_->post("/api/v1/fast-lane/reversals/" + reversal + "/approve", "{}", "admin");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(json(approved)->getValue<std::string>("receipt_no"), "A-2026-000002");
  EXPECT_EQ(json(approved)->getValue<std::string>("his_state"), "recorded");
  EXPECT_EQ(invoice_status(first_), "open") << "the HIS has the charge open again";
  const auto payment = json(host_->get("/api/v1/fast-lane/payments/" + id, "cashier"));
  EXPECT_EQ(payment->getValue<std::string>("status"), "reversed");
  EXPECT_EQ(rows_of("hisx_fast_lane_payments"), 1) << "never deleted";
  const auto reversed = host_->published("payment.reversed");
  ASSERT_EQ(reversed.size(), 1u);
  EXPECT_EQ(reversed[0].payload->getValue<std::string>("reason"), "Thu nhầm người bệnh");
  // The charge may be paid again, with a new receipt.
  const auto again = pay(cash({first_}, 30000), "v2");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(json(again)->getValue<std::string>("receipt_no"), "A-2026-000003");
  const auto receipt =
      host_->get("/api/v1/fast-lane/reversals/" + reversal + "/receipt", "cashier");
  ASSERT_EQ(receipt.status, 200);
  hisx::test::TempDir dir;
  hisx::test::write_file(dir.path() / "v.pdf", receipt.body);
  const std::string text =
      hisx::test::run_tool({"pdftotext", (dir.path() / "v.pdf").string(), "-"});
  EXPECT_THAT(text, HasSubstr("A-2026-000001"));
  EXPECT_THAT(text, HasSubstr("Thu nhầm người bệnh"));
}

TEST_F(Payments, AShiftClosesWithExpectedCountedAndTheDifference) {
  open_shift("cashier", 500000);
  expect_problem(host_->post("/api/v1/fast-lane/shifts", R"({"opening_float": 0})", "cashier"), 409,
                 "shift-open");
  ASSERT_EQ(pay(cash({first_}, 50000), "s1").status, 201);
  ASSERT_EQ(pay(R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + second_ +
                    R"("], "method": "transfer", "reference": "HISX7Q2XM4"})",
                "s2")
                .status,
            201);
  const auto current = json(host_->get("/api/v1/fast-lane/shifts/current", "cashier"));
  const std::string id = std::to_string(current->getValue<long long>("id"));
  EXPECT_EQ(current->getArray("methods")->getObject(0)->getValue<long long>("expected"), 530000);
  const auto closed = host_->post("/api/v1/fast-lane/shifts/" + id + "/close",
                                  R"({"counted": {"cash": 520000, "transfer": 50000}})", "cashier");
  ASSERT_EQ(closed.status, 200) << closed.body;
  const auto report = json(closed);
  const auto cash_row = report->getArray("methods")->getObject(0);
  EXPECT_EQ(cash_row->getValue<std::string>("method"), "cash");
  EXPECT_EQ(cash_row->getValue<long long>("expected"), 530000);
  EXPECT_EQ(cash_row->getValue<long long>("counted"), 520000);
  EXPECT_EQ(cash_row->getValue<long long>("difference"), -10000);
  EXPECT_EQ(report->getArray("methods")->getObject(2)->getValue<long long>("difference"), 0);
  EXPECT_FALSE(report->getValue<bool>("open"));
  expect_problem(host_->post("/api/v1/fast-lane/shifts/" + id + "/close",
                             R"({"counted": {"cash": 1}})", "cashier"),
                 409, "shift-closed");
  const auto pdf = host_->get("/api/v1/fast-lane/shifts/" + id + "/report", "cashier");
  ASSERT_EQ(pdf.status, 200);
  hisx::test::TempDir dir;
  hisx::test::write_file(dir.path() / "s.pdf", pdf.body);
  EXPECT_THAT(hisx::test::run_tool({"pdftotext", (dir.path() / "s.pdf").string(), "-"}),
              HasSubstr("-10.000"));
  expect_problem(pay(cash({add_invoice(patient_, 1000)}, 1000), "s3"), 409, "shift-not-open");
  EXPECT_EQ(host_->get("/api/v1/fast-lane/shifts/" + id, "cashier_lead").status, 200);
}

}  // namespace
}  // namespace hisx::test::fast_lane
