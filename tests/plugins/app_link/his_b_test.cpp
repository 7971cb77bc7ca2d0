// app_link on "HIS B" (tests/data/his-b), a schema unlike the demo's, through its example
// profile alone: text patient numbers ('007', 'BN0001'), departments 'K01', split names, the
// HIS's own codes and local wall-clock visit times. Printing, self-linking with the HIS's birth
// date, assisted and bulk linking by patient number, and the progress over a local day.
#include "support/his_b.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hisx/testing/harness.h"
#include "support/backend.h"
#include "support/temp_dir.h"

namespace hisx::test::app_link {
namespace {

using ::testing::HasSubstr;

class AppLinkOnHisB : public ::testing::Test {
 protected:
  void SetUp() override {
    his_ = make_his_b(test_backend_name(), dir_.path());
    std::vector<std::string> overrides = his_.overrides;
    overrides.push_back("clock.start=2026-03-12T15:00:00+07:00");
    host_ = std::make_unique<hisx::testing::Harness>(
        hisx::testing::HarnessOptions{.plugins = {"his", "app_link"}, .overrides = overrides});
  }

  Poco::JSON::Object::Ptr department(const Poco::JSON::Object::Ptr& progress,
                                     const std::string& id) {
    const auto items = progress->getArray("departments");
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (items->getObject(i)->getValue<std::string>("department_id") == id) {
        return items->getObject(i);
      }
    }
    ADD_FAILURE() << "no department " << id << " in " << items->size();
    return new Poco::JSON::Object;
  }

  TempDir dir_;
  HisB his_;
  std::unique_ptr<hisx::testing::Harness> host_;
};

TEST_F(AppLinkOnHisB, PrintsLinksAndCountsThroughTheProfileAlone) {
  // The slip names the patient as HIS B writes them (family and given names joined).
  const auto slip =
      host_->get("/api/v1/app-link/slip?patient_id=007&department_id=K01&format=html", "his");
  ASSERT_EQ(slip.status, 200) << slip.body;
  const auto state = host_->get("/api/v1/app-link/patients/007", "receptionist");
  ASSERT_EQ(state.status, 200) << state.body;
  EXPECT_EQ(state.json()->getObject("patient")->getValue<std::string>("full_name"),
            "Nguyễn Văn An");
  const std::string code = state.json()->getObject("linking_code")->getValue<std::string>("code");

  // Self-linking proven by HIS B's birth date.
  auto claim = host_->post(
      "/api/v1/app-link/claims",
      R"({"code": ")" + code + R"(", "app_account_id": "acct-an", "birth_date": "1984-03-12"})",
      "app", {{"X-App-Account", "acct-an"}});
  ASSERT_EQ(claim.status, 201) << claim.body;
  EXPECT_EQ(claim.json()->getValue<std::string>("patient_id"), "007");

  // Bulk by patient number; a deleted patient is not found.
  const std::string csv =
      "patient_code,app_account_id,department_id,consent_date\n"
      "BN0001,acct-bich,K02,2026-03-12\n"
      "26000123,acct-bich,K02,2026-03-12\n"
      "BN0002,acct-old,K01,2026-03-12\n";
  const auto imported = host_->call(
      {"POST", "/api/v1/app-link/imports", csv, "admin", {{"Content-Type", "text/csv"}}});
  ASSERT_EQ(imported.status, 201) << imported.body;
  const auto summary = imported.json()->getObject("summary");
  EXPECT_EQ(summary->getValue<int>("linked"), 2) << imported.body;
  EXPECT_EQ(summary->getValue<int>("patient_not_found"), 1) << imported.body;

  // The local day of 2026-03-12: K01 had '007', K02 had 'BN0001' and '26000123' (its 23:30
  // visit included; the inpatient stay not). K99 is closed and not listed.
  const auto progress = host_->get("/api/v1/app-link/progress?from=2026-03-12", "manager");
  ASSERT_EQ(progress.status, 200) << progress.body;
  const auto body = progress.json();
  EXPECT_EQ(department(body, "K01")->getValue<long long>("visited"), 1);
  EXPECT_EQ(department(body, "K01")->getValue<long long>("linked"), 1);
  EXPECT_EQ(department(body, "K02")->getValue<long long>("visited"), 2);
  EXPECT_EQ(department(body, "K02")->getValue<long long>("linked"), 2);
  EXPECT_EQ(department(body, "K02")->getValue<std::string>("name"), "Khoa Nhi");
  EXPECT_THAT(progress.body, ::testing::Not(HasSubstr("K99")));
  EXPECT_EQ(body->getObject("total")->getValue<long long>("visited"), 3);
  EXPECT_DOUBLE_EQ(body->getObject("total")->getValue<double>("rate_percent"), 100.0);

  // The day after, nobody visited.
  const auto next = host_->get("/api/v1/app-link/progress?from=2026-03-13", "manager");
  EXPECT_EQ(next.json()->getObject("total")->getValue<long long>("visited"), 0);
}

TEST_F(AppLinkOnHisB, AssistedLinkingTakesTheHisTextIds) {
  const auto r = host_->post("/api/v1/app-link/links",
                             R"({"patient_id": "BN0001", "app_account_id": "acct-b",
                                 "department_id": "K02",
                                 "consent": {"by": "Đỗ Thị Bích", "method": "signed_form"}})",
                             "receptionist");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("department_id"), "K02");
  const auto wrong = host_->post("/api/v1/app-link/links",
                                 R"({"patient_id": "BN0001", "app_account_id": "acct-b",
                                     "department_id": "K99",
                                     "consent": {"by": "Đỗ Thị Bích", "method": "signed_form"}})",
                                 "receptionist");
  EXPECT_EQ(wrong.status, 422) << "a closed department is not listed: " << wrong.body;
}

}  // namespace
}  // namespace hisx::test::app_link
