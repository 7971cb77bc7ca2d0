// The rows of a file of paper linking forms, read before the HIS and the store are asked.
#include "linking/import_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hisx/csv.h"

namespace hisx::app_link {
namespace {

using ::testing::HasSubstr;

const sdk::LocalDate kToday = *sdk::parse_date("2026-12-01");

std::vector<ImportRow> read(const std::string& text) {
  return read_import_rows(sdk::parse_csv(text), kToday);
}

TEST(ImportRules, ColumnsMayComeInAnyOrderAndCase) {
  const auto rows = read(" Consent_Date ,APP_ACCOUNT_ID,patient_code\n2026-11-30,acct-1,bn00563\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].bad()) << rows[0].bad_detail;
  EXPECT_EQ(rows[0].patient_code, "BN00563");
  EXPECT_EQ(rows[0].account_id, "acct-1");
  EXPECT_EQ(rows[0].line, 2);
}

TEST(ImportRules, AFormNumberIsRead) {
  const auto rows = read(std::string(kImportHeader) + "\nlk0000042,,acct-1,K01,2026-11-30\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].form_serial, 42);
  EXPECT_EQ(rows[0].department_id, "K01");
}

TEST(ImportRules, EachBadRowSaysWhichColumn) {
  const auto rows = read(std::string(kImportHeader) +
                         "\n,,acct-1,K01,2026-11-30"      // neither form nor code
                         "\nXX12,,acct-1,K01,2026-11-30"  // unreadable form number
                         "\n,BN1,,K01,2026-11-30"         // no account
                         "\n,BN1,acct-1,K01,30/11/2026"   // date format
                         "\n,BN1,acct-1,K01,2026-12-02"   // in the future
                         "\n,BN1,acct-1,K01\n");          // a field short
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].bad_field, "form_number");
  EXPECT_EQ(rows[1].bad_field, "form_number");
  EXPECT_EQ(rows[2].bad_field, "app_account_id");
  EXPECT_EQ(rows[3].bad_field, "consent_date");
  EXPECT_EQ(rows[4].bad_field, "consent_date");
  EXPECT_THAT(rows[4].bad_detail, HasSubstr("future"));
  EXPECT_EQ(rows[5].bad_field, "line");
}

TEST(ImportRules, AFileWithoutTheTemplatesHeaderIsRefusedWhole) {
  try {
    read("ma_bn,tai_khoan\nBN1,acct\n");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("missing: app_account_id, consent_date, form_number or "
                                    "patient_code"));
    EXPECT_THAT(e.what(), HasSubstr("unknown: 'ma_bn' 'tai_khoan'"));
  }
  EXPECT_THROW(read(std::string(kImportHeader) + "\n"), std::invalid_argument);
  EXPECT_THROW(read_import_rows({}, kToday), std::invalid_argument);
}

}  // namespace
}  // namespace hisx::app_link
