// The HIS in a database of its own, apart from hisx's tables: a payment commits at once with
// its write-back pending in the outbox, is written back when the HIS takes it — after the HIS
// failed, retried with backoff — and a write-back the HIS refuses is shown as a conflict.
#include <gmock/gmock.h>
#include <soci/postgresql/soci-postgresql.h>

#include "fast_lane_fixture.h"
#include "support/pg.h"

namespace hisx::test::fast_lane {
namespace {

class Writeback : public FastLaneTest {
 protected:
  void SetUp() override {
    start({"his", "fast_lane"},
          {"database.store.backend=sqlite3", "database.store.connection=db=${data_dir}/store.db"});
    patient_ = add_patient("BNOUT01", "1985-06-07");
    invoice_ = add_invoice(patient_, 45000, 5000);
    open_shift();
  }

  Poco::JSON::Object::Ptr payment(const std::string& id) {
    return json(host_->get("/api/v1/fast-lane/payments/" + id, "cashier"));
  }

  std::string pay_invoice(const std::string& invoice, const std::string& key) {
    const auto r = pay(R"({"patient_id": ")" + patient_ + R"(", "charge_ids": [")" + invoice +
                           R"("], "method": "card", "reference": "POS-1"})",
                       key);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(json(r)->getValue<long long>("id"));
  }

  void rename_invoices(const std::string& from, const std::string& to) {
    auto his = host_->his();
    *his << "ALTER TABLE " + from + " RENAME TO " + to;
  }

  std::string patient_, invoice_;
};

TEST_F(Writeback, APaymentWaitsInTheOutboxUntilTheHisTakesIt) {
  const std::string id = pay_invoice(invoice_, "w1");
  EXPECT_EQ(payment(id)->getValue<std::string>("his_state"), "pending");
  EXPECT_EQ(invoice_status(invoice_), "open") << "nothing written to the HIS yet";
  // The cashier sees the charge as paid, waiting for the HIS.
  const auto charges =
      json(host_->get("/api/v1/fast-lane/patients/" + patient_ + "/charges", "cashier"));
  const auto paid = charges->getArray("charges")->getObject(0)->getObject("paid");
  ASSERT_FALSE(paid.isNull());
  EXPECT_EQ(paid->getValue<std::string>("his_state"), "pending");
  EXPECT_EQ(charges->getValue<long long>("due"), 0);

  // The HIS fails the statement: the write-back is retried, the payment stays pending.
  rename_invoices("hoa_don", "hoa_don_away");
  host_->deliver_events();
  EXPECT_EQ(payment(id)->getValue<std::string>("his_state"), "pending");
  rename_invoices("hoa_don_away", "hoa_don");
  EXPECT_EQ(invoice_status(invoice_), "open");

  host_->clock().advance(std::chrono::minutes(30));
  host_->deliver_events();
  const auto done = payment(id);
  EXPECT_EQ(done->getValue<std::string>("his_state"), "recorded");
  EXPECT_EQ(invoice_status(invoice_), "paid");
}

TEST_F(Writeback, AChargeTheHisHadPaidAlreadyIsAConflictToLookAt) {
  const std::string id = pay_invoice(invoice_, "w2");
  {
    auto his = host_->his();
    *his << "UPDATE hoa_don SET trang_thai = 'paid' WHERE id = " + invoice_;
  }
  host_->deliver_events();
  const auto p = payment(id);
  EXPECT_EQ(p->getValue<std::string>("his_state"), "conflict");
  EXPECT_THAT(p->getValue<std::string>("his_note"), ::testing::HasSubstr(invoice_));
  EXPECT_EQ(p->getValue<std::string>("status"), "completed") << "the money was taken";
}

// The HIS on a PostgreSQL database of its own that goes away (it accepts no connection and the
// open ones are ended) and comes back: the payment waits in the outbox and is written back
// after. Registered for the PostgreSQL backend only (CMakeLists.txt here).
class WritebackHisDown : public Writeback {};

std::string database_name(const std::string& conninfo) {
  const auto at = conninfo.find("dbname=");
  if (at == std::string::npos) return "";
  const auto end = conninfo.find(' ', at);
  return conninfo.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
}

TEST_F(WritebackHisDown, APaymentWaitsForTheHisAndIsWrittenBackWhenItReturns) {
  ASSERT_EQ(backend_.name, "postgresql");
  const std::string db = database_name(backend_.database->conninfo());
  ASSERT_FALSE(db.empty()) << backend_.database->conninfo();
  const std::string id = pay_invoice(invoice_, "down-1");
  soci::session admin(*soci::factory_postgresql(), hisx::test::pg_admin_conninfo());
  admin << "ALTER DATABASE " + db + " ALLOW_CONNECTIONS false";
  int ended = 0;
  admin << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + db +
               "' AND pid <> pg_backend_pid()",
      soci::into(ended);
  EXPECT_GT(ended, 0) << "the host's HIS connections were open";

  host_->deliver_events();
  EXPECT_EQ(payment(id)->getValue<std::string>("his_state"), "pending") << "the HIS is down";
  EXPECT_EQ(host_->get("/readyz", "").status, 503) << "and /readyz says so";

  admin << "ALTER DATABASE " + db + " ALLOW_CONNECTIONS true";
  EXPECT_EQ(host_->get("/readyz", "").status, 200);
  host_->clock().advance(std::chrono::minutes(30));
  host_->deliver_events();
  EXPECT_EQ(payment(id)->getValue<std::string>("his_state"), "recorded");
  EXPECT_EQ(invoice_status(invoice_), "paid");
}

}  // namespace
}  // namespace hisx::test::fast_lane
