// Self-linking from the app: a code printed for a patient, claimed with the birth date. A
// failing caller learns no more than it must; guessing is bounded by the code's lock and by
// the per-client and per-account rate limits.
#include <gmock/gmock.h>

#include "app_link_fixture.h"

namespace hisx::test::app_link {
namespace {

using ::testing::HasSubstr;

class Claims : public AppLinkTest {
 protected:
  // Prints a slip for `p` as the HIS does and returns the code it shows ("ABCD-EFGH").
  std::string print_code(const DemoPatient& p) {
    const auto slip =
        host_->get("/api/v1/app-link/slip?patient_id=" + p.id + "&format=html", "his");
    EXPECT_EQ(slip.status, 200) << slip.body;
    const auto state = host_->get("/api/v1/app-link/patients/" + p.id, "receptionist");
    EXPECT_EQ(state.status, 200) << state.body;
    const auto code = json(state)->getObject("linking_code");
    if (code.isNull()) return "";
    EXPECT_THAT(slip.body, HasSubstr(code->getValue<std::string>("code")));
    return code->getValue<std::string>("code");
  }

  std::string code_state(const DemoPatient& p) {
    const auto state = host_->get("/api/v1/app-link/patients/" + p.id, "receptionist");
    return json(state)->getObject("linking_code")->getValue<std::string>("state");
  }

  hisx::testing::Answer claim(const std::string& code, const std::string& account,
                              const std::string& birth_date,
                              const std::string& client = "10.0.0.5") {
    return host_->call({"POST",
                        "/api/v1/app-link/claims",
                        R"({"code": ")" + code + R"(", "app_account_id": ")" + account +
                            R"(", "birth_date": ")" + birth_date + R"("})",
                        "app",
                        {{"X-App-Account", account}, {"Content-Type", "application/json"}},
                        client});
  }
};

TEST_F(Claims, TheRightBirthDateLinksTheAccountAndUsesTheCode) {
  const auto p = patient(20);
  const auto code = print_code(p);
  ASSERT_EQ(code.size(), 9u) << code;
  // Typed as a patient types it: lower case, without the hyphen, O for 0 and I for 1.
  std::string typed;
  for (char c : code) {
    if (c == '-') continue;
    typed += c == '0' ? 'o' : c == '1' ? 'i' : static_cast<char>(std::tolower(c));
  }
  const auto r = claim(typed, "acct-self", p.birth_date);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json(r)->getValue<std::string>("patient_id"), p.id);
  EXPECT_EQ(json(r)->getValue<std::string>("method"), "self");
  EXPECT_EQ(json(r)->getObject("consent")->getValue<std::string>("method"), "in_app");
  EXPECT_EQ(code_state(p), "used");
  const auto events = host_->published("patient.linked");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].payload->getValue<std::string>("method"), "self");

  // The app retrying its own claim gets its link; another account gets 409.
  const auto retry = claim(code, "acct-self", p.birth_date);
  EXPECT_EQ(retry.status, 200) << retry.body;
  EXPECT_TRUE(json(retry)->getValue<bool>("already_linked"));
  expect_problem(claim(code, "acct-other", p.birth_date), 409, "code-used", "code");
  EXPECT_EQ(rows_of("hisx_app_link_links"), 1);

  // A reprint after use shows a new code.
  EXPECT_NE(print_code(p), code);
}

TEST_F(Claims, AnUnknownCodeAndAWrongBirthDateGetTheSameAnswer) {
  const auto p = patient(21);
  const auto code = print_code(p);
  const auto unknown = claim("ZZZZ-ZZZZ", "acct-x", p.birth_date);
  const auto wrong = claim(code, "acct-x", other_date(p.birth_date));
  const auto a = expect_problem(unknown, 422, "claim-refused");
  const auto b = expect_problem(wrong, 422, "claim-refused");
  EXPECT_EQ(a->getValue<std::string>("detail"), b->getValue<std::string>("detail"));
  EXPECT_EQ(a->has("field"), b->has("field"));
  EXPECT_EQ(rows_of("hisx_app_link_links"), 0);
}

TEST_F(Claims, FiveWrongBirthDatesLockTheCodeUntilANewSlipIsPrinted) {
  const auto p = patient(22);
  const auto code = print_code(p);
  for (int i = 0; i < 5; ++i) {
    expect_problem(claim(code, "acct-guess", other_date(p.birth_date)), 422, "claim-refused");
  }
  const auto locked = expect_problem(claim(code, "acct-guess", p.birth_date), 423, "code-locked");
  EXPECT_THAT(locked->getValue<std::string>("detail"), HasSubstr("in phiếu mới"));
  EXPECT_EQ(code_state(p), "locked");
  const auto fresh = print_code(p);
  EXPECT_NE(fresh, code);
  EXPECT_EQ(claim(fresh, "acct-guess", p.birth_date).status, 201);
}

TEST_F(Claims, AnExpiredCodeIsGoneAndAReprintReplacesIt) {
  const auto p = patient(23);
  const auto code = print_code(p);
  EXPECT_EQ(print_code(p), code) << "a reprint within the validity shows the same code";
  host_->clock().advance(std::chrono::hours(73));
  expect_problem(claim(code, "acct-late", p.birth_date), 410, "code-expired", "code");
  const auto fresh = print_code(p);
  EXPECT_NE(fresh, code);
  expect_problem(claim(code, "acct-late", p.birth_date), 410, "code-expired", "code");
  EXPECT_EQ(claim(fresh, "acct-late", p.birth_date).status, 201);
}

TEST_F(Claims, GuessingFromOneClientIsRateLimited) {
  start({"his", "app_link"}, {"plugins.settings.app_link.claims_per_client_per_minute=5"});
  for (int i = 0; i < 5; ++i) {
    expect_problem(claim("ABCD-EF" + std::string(1, static_cast<char>('A' + i)) + "H",
                         "acct-" + std::to_string(i), "1990-01-01", "10.9.9.9"),
                   422, "claim-refused");
  }
  const auto refused = claim("ABCD-EFGH", "acct-9", "1990-01-01", "10.9.9.9");
  expect_problem(refused, 429, "too-many-requests");
  EXPECT_FALSE(refused.header("Retry-After").empty());
  // Another client is not held back by this one.
  expect_problem(claim("ABCD-EFGH", "acct-10", "1990-01-01", "10.9.9.10"), 422, "claim-refused");
  host_->clock().advance(std::chrono::seconds(61));
  expect_problem(claim("ABCD-EFGH", "acct-11", "1990-01-01", "10.9.9.9"), 422, "claim-refused");
}

TEST_F(Claims, OneAccountIsRateLimitedWhateverItsAddress) {
  start({"his", "app_link"}, {"plugins.settings.app_link.claims_per_account_per_hour=3"});
  for (int i = 0; i < 3; ++i) {
    claim("ABCD-EFGH", "acct-busy", "1990-01-01", "10.1.1." + std::to_string(i));
  }
  expect_problem(claim("ABCD-EFGH", "acct-busy", "1990-01-01", "10.1.1.99"), 429,
                 "too-many-requests");
}

TEST_F(Claims, BadClaimsAreRefusedNamingTheField) {
  expect_problem(host_->post("/api/v1/app-link/claims",
                             R"({"app_account_id": "a", "birth_date": "1990-01-01"})", "app",
                             {{"X-App-Account", "a"}}),
                 422, "validation", "code");
  expect_problem(
      host_->post("/api/v1/app-link/claims",
                  R"({"code": "ABCD-EFGH", "app_account_id": "a", "birth_date": "01/01/1990"})",
                  "app", {{"X-App-Account", "a"}}),
      422, "validation", "birth_date");
  expect_problem(
      host_->post("/api/v1/app-link/claims",
                  R"({"code": "ABCD", "app_account_id": "a", "birth_date": "1990-01-01"})", "app",
                  {{"X-App-Account", "a"}}),
      422, "validation", "code");
  expect_problem(
      host_->post("/api/v1/app-link/claims",
                  R"({"code": "ABCD-EFGH", "app_account_id": "a", "birth_date": "1990-01-01"})",
                  "app", {{"X-App-Account", "b"}}),
      422, "validation", "app_account_id");
  EXPECT_EQ(
      host_
          ->post("/api/v1/app-link/claims",
                 R"({"code": "ABCD-EFGH", "app_account_id": "a", "birth_date": "1990-01-01"})",
                 "receptionist")
          .status,
      403);
}

TEST_F(Claims, AClaimPastTheFamilyLimitKeepsTheCodeOpen) {
  start({"his", "app_link"}, {"plugins.settings.app_link.max_patients_per_account=1"});
  ASSERT_EQ(link(patient(24).id, "acct-one", departments().front()).status, 201);
  const auto p = patient(25);
  const auto code = print_code(p);
  expect_problem(claim(code, "acct-one", p.birth_date), 409, "family-limit", "app_account_id");
  EXPECT_EQ(code_state(p), "open");
}

}  // namespace
}  // namespace hisx::test::app_link
