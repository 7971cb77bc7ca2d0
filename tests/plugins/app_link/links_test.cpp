// Assisted linking at a desk, with the consent stored; the family limit; unlinking on request
// with the history kept; the app backend's view of an account's patients.
#include <Poco/JSON/Array.h>
#include <gmock/gmock.h>

#include "app_link_fixture.h"

namespace hisx::test::app_link {
namespace {

using ::testing::HasSubstr;

class Links : public AppLinkTest {};

std::string assisted(const std::string& patient, const std::string& department,
                     const std::string& consent) {
  return R"({"patient_id": ")" + patient + R"(", "app_account_id": "acct-9", "department_id": ")" +
         department + R"(", "consent": )" + consent + "}";
}

TEST_F(Links, AnAssistedLinkKeepsItsConsentAndIsPublished) {
  const auto p = patient(3);
  const auto department = departments().front();
  const auto r =
      host_->post("/api/v1/app-link/links",
                  assisted(p.id, department,
                           R"j({"by": "Trần Văn Bình (con trai)", "method": "verbal_witnessed",
                   "witness": "ĐD. Lê Thị Hoa"})j"),
                  "receptionist");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto body = json(r);
  EXPECT_EQ(body->getValue<std::string>("patient_id"), p.id);
  EXPECT_EQ(body->getValue<std::string>("app_account_id"), "acct-9");
  EXPECT_EQ(body->getValue<std::string>("method"), "assisted");
  EXPECT_EQ(body->getValue<std::string>("department_id"), department);
  EXPECT_FALSE(body->getValue<bool>("already_linked"));
  const auto consent = body->getObject("consent");
  EXPECT_EQ(consent->getValue<std::string>("by"), "Trần Văn Bình (con trai)");
  EXPECT_EQ(consent->getValue<std::string>("method"), "verbal_witnessed");
  EXPECT_EQ(consent->getValue<std::string>("witness"), "ĐD. Lê Thị Hoa");

  auto store = host_->store();
  std::string by, witness, method;
  *store << "SELECT consent_by, consent_witness, consent_method FROM hisx_app_link_links",
      soci::into(by), soci::into(witness), soci::into(method);
  EXPECT_EQ(by, "Trần Văn Bình (con trai)");
  EXPECT_EQ(witness, "ĐD. Lê Thị Hoa");
  EXPECT_EQ(method, "verbal_witnessed");

  const auto events = host_->published("patient.linked");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].payload->getValue<std::string>("patient_id"), p.id);
  EXPECT_EQ(events[0].payload->getValue<std::string>("account_id"), "acct-9");
  EXPECT_EQ(events[0].payload->getValue<std::string>("method"), "assisted");
  EXPECT_EQ(events[0].payload->getValue<std::string>("department_id"), department);

  const auto state = host_->get("/api/v1/app-link/patients/" + p.id, "receptionist");
  ASSERT_EQ(state.status, 200) << state.body;
  EXPECT_TRUE(json(state)->getValue<bool>("linked"));
  EXPECT_EQ(json(state)->getObject("patient")->getValue<std::string>("full_name"), p.full_name);
}

TEST_F(Links, LinkingTheSamePairAgainChangesNothing) {
  const auto p = patient(4);
  const auto department = departments().front();
  ASSERT_EQ(link(p.id, "acct-9", department).status, 201);
  const auto again = link(p.id, "acct-9", department);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(json(again)->getValue<bool>("already_linked"));
  EXPECT_EQ(rows_of("hisx_app_link_links"), 1);
  EXPECT_EQ(host_->published("patient.linked").size(), 1u);
}

TEST_F(Links, BadAssistedLinksAreRefusedNamingTheField) {
  const auto p = patient(5);
  const auto department = departments().front();
  const std::string signed_form = R"({"by": "Người bệnh", "method": "signed_form"})";
  expect_problem(host_->post("/api/v1/app-link/links",
                             assisted("no-such-patient", department, signed_form), "receptionist"),
                 422, "validation", "patient_id");
  expect_problem(
      host_->post("/api/v1/app-link/links", assisted(p.id, "K-NONE", signed_form), "receptionist"),
      422, "validation", "department_id");
  expect_problem(
      host_->post("/api/v1/app-link/links", assisted(p.id, department, "null"), "receptionist"),
      422, "validation", "consent");
  expect_problem(
      host_->post("/api/v1/app-link/links",
                  assisted(p.id, department, R"({"method": "signed_form"})"), "receptionist"),
      422, "validation", "consent.by");
  expect_problem(
      host_->post("/api/v1/app-link/links",
                  assisted(p.id, department, R"({"by": "X", "method": "phone"})"), "receptionist"),
      422, "validation", "consent.method");
  const auto doc = expect_problem(
      host_->post("/api/v1/app-link/links",
                  assisted(p.id, department, R"({"by": "X", "method": "verbal_witnessed"})"),
                  "receptionist"),
      422, "validation", "consent.witness");
  EXPECT_THAT(doc->getValue<std::string>("detail"), HasSubstr("người làm chứng"));
  EXPECT_EQ(
      host_->post("/api/v1/app-link/links", assisted(p.id, department, signed_form), "app").status,
      403);
  EXPECT_EQ(host_->call({"POST", "/api/v1/app-link/links", assisted(p.id, department, signed_form)})
                .status,
            401);
  EXPECT_EQ(rows_of("hisx_app_link_links"), 0);
}

TEST_F(Links, AnAccountHoldsAtMostTheFamilyLimitUntilOneIsUnlinked) {
  start({"his", "app_link"}, {"plugins.settings.app_link.max_patients_per_account=2"});
  const auto department = departments().front();
  const auto first = link(patient(0).id, "family", department);
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(link(patient(1).id, "family", department).status, 201);
  const auto doc = expect_problem(link(patient(2).id, "family", department), 409, "family-limit",
                                  "app_account_id");
  EXPECT_EQ(doc->getValue<int>("limit"), 2);

  const long long id = json(first)->getValue<long long>("id");
  const auto ended = host_->post("/api/v1/app-link/links/" + std::to_string(id) + "/unlink",
                                 R"({"reason": "Bệnh nhân yêu cầu"})", "receptionist");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(link(patient(2).id, "family", department).status, 201);
}

TEST_F(Links, UnlinkingKeepsTheHistoryAndIsPublished) {
  const auto p = patient(6);
  const auto department = departments().front();
  const auto made = link(p.id, "acct-u", department);
  const long long id = json(made)->getValue<long long>("id");
  const std::string target = "/api/v1/app-link/links/" + std::to_string(id) + "/unlink";

  // The app may end its own account's links only.
  EXPECT_EQ(host_->post(target, "{}", "app", {{"X-App-Account", "someone-else"}}).status, 404);
  const auto ended = host_->post(target, R"({"reason": "Đổi số điện thoại"})", "app",
                                 {{"X-App-Account", "acct-u"}});
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_FALSE(json(ended)->getValue<bool>("active"));
  EXPECT_EQ(json(ended)->getValue<std::string>("unlink_reason"), "Đổi số điện thoại");
  expect_problem(host_->post(target, "{}", "receptionist"), 409, "conflict");

  const auto events = host_->published("patient.unlinked");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].payload->getValue<std::string>("patient_id"), p.id);
  EXPECT_EQ(events[0].payload->getValue<long long>("link_id"), id);

  const auto now = host_->get("/api/v1/app-link/accounts/acct-u/patients", "receptionist");
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(json(now)->getValue<int>("count"), 0);
  const auto history =
      host_->get("/api/v1/app-link/accounts/acct-u/patients?history=true", "receptionist");
  ASSERT_EQ(json(history)->getValue<int>("count"), 1);
  EXPECT_EQ(rows_of("hisx_app_link_links"), 1);
}

TEST_F(Links, TheAppSeesItsOwnAccountsPatientsWithTheirHisNames) {
  const auto a = patient(7), b = patient(8);
  const auto department = departments().front();
  ASSERT_EQ(link(a.id, "acct-f", department).status, 201);
  ASSERT_EQ(link(b.id, "acct-f", department).status, 201);
  const std::string target = "/api/v1/app-link/accounts/acct-f/patients";
  EXPECT_EQ(host_->call({"GET", target, "", "app", {{"X-App-Account", "acct-other"}}}).status, 403);
  const auto r = host_->call({"GET", target, "", "app", {{"X-App-Account", "acct-f"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto items = json(r)->getArray("items");
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("patient_id"), a.id);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("full_name"), a.full_name);
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("patient_code"), b.code);
  EXPECT_EQ(json(r)->getValue<int>("limit"), 6);
}

TEST_F(Links, ANewLinkIsConfirmedToThePatientsPhoneWhenAsked) {
  start({"his", "app_link"}, {"plugins.settings.app_link.confirmation_channel=sms"});
  const auto p = patient(9);
  ASSERT_EQ(link(p.id, "acct-n", departments().front()).status, 201);
  const auto sent = host_->notifications();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].channel, "sms");
  EXPECT_THAT(sent[0].text, HasSubstr(p.full_name));
  EXPECT_THAT(sent[0].text, HasSubstr("1900 1234"));
}

}  // namespace
}  // namespace hisx::test::app_link
