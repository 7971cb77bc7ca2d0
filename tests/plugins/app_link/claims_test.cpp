// Self-linking from the app: a code printed for a patient, claimed with the birth date.
#include <gmock/gmock.h>

#include "app_link_fixture.h"

namespace hisx::test::app_link {
namespace {

class Claims : public AppLinkTest {};

TEST_F(Claims, AnUnknownCodeIsRefusedWithoutSayingWhy) {
  const auto r = host_->post("/api/v1/app-link/claims",
                             R"({"code": "ABCD-EFGH", "app_account_id": "acct-1",
                                 "birth_date": "1980-01-01"})",
                             "app");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(json(r)->getValue<std::string>("type"), "urn:hisx:problem:claim-refused") << r.body;
}

}  // namespace
}  // namespace hisx::test::app_link
