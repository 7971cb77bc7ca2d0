// The print options, file names, batches and the texts of a slip (printing/*_rules.cpp).
#include <gtest/gtest.h>

#include "hisx/problem.h"
#include "hisx/time_zone.h"
#include "printing/batch_rules.h"
#include "printing/print_documents.h"
#include "printing/print_options_rules.h"

namespace hisx::app_link {
namespace {

TEST(PrintOptions, FormatsAndSizesAreParsedExactly) {
  EXPECT_EQ(parse_slip_format("pdf"), SlipFormat::Pdf);
  EXPECT_EQ(parse_slip_format("escpos"), SlipFormat::EscPos);
  EXPECT_EQ(parse_slip_format("PDF"), std::nullopt);
  EXPECT_EQ(parse_slip_format("jpeg"), std::nullopt);
  EXPECT_EQ(parse_slip_size("a5"), SlipSize::A5);
  EXPECT_EQ(parse_slip_size("80mm"), SlipSize::Roll80mm);
  EXPECT_EQ(parse_slip_size("a4"), std::nullopt);
  for (const auto format :
       {SlipFormat::Pdf, SlipFormat::Png, SlipFormat::Svg, SlipFormat::Html, SlipFormat::EscPos}) {
    EXPECT_EQ(parse_slip_format(format_name(format)), format);
  }
  EXPECT_EQ(content_type(SlipFormat::Html), "text/html; charset=utf-8");
  EXPECT_EQ(file_extension(SlipFormat::EscPos), "bin");
}

TEST(PrintOptions, FileNamesAreSafeInAHeader) {
  EXPECT_EQ(print_file_name("lien-ket-app", "BN000123", "pdf"), "lien-ket-app-BN000123.pdf");
  EXPECT_EQ(print_file_name("x", "a\"b;c/đ", "png"), "x-a_b_c___.png");
  EXPECT_EQ(print_file_name("x", std::string(200, 'a'), "pdf").size(), 84u);
}

TEST(Batch, DistinctPatientsOfTheDepartmentInVisitOrder) {
  const std::vector<sdk::HisVisit> visits = {
      {"v1", "p3", "c1", "K01", "2026-12-01T01:00:00Z", "done"},
      {"v2", "p1", "c2", "K02", "2026-12-01T01:05:00Z", "done"},
      {"v3", "p1", "c1", "K01", "2026-12-01T01:10:00Z", "done"},
      {"v4", "p3", "c1", "K01", "2026-12-01T02:00:00Z", "done"},
      {"v5", "p2", "c1", "K01", "2026-12-01T03:00:00Z", "waiting"},
  };
  EXPECT_EQ(batch_patients(visits, "K01"), (std::vector<sdk::HisId>{"p3", "p1", "p2"}));
  EXPECT_EQ(batch_patients(visits, "K02"), (std::vector<sdk::HisId>{"p1"}));
  EXPECT_TRUE(batch_patients(visits, "K09").empty());
  EXPECT_EQ(kMaxBatchForms, 1000u);
}

TEST(Batch, MoreThanAThousandPatientsAreRefusedNamingTheCount) {
  EXPECT_NO_THROW(refuse_oversized_batch(0, "Khoa Nội", "2026-12-01"));
  EXPECT_NO_THROW(refuse_oversized_batch(1000, "Khoa Nội", "2026-12-01"));
  try {
    refuse_oversized_batch(1001, "Khoa Nội", "2026-12-01");
    FAIL() << "1001 forms were not refused";
  } catch (const sdk::Problem& p) {
    EXPECT_EQ(p.status(), 422);
    EXPECT_EQ(p.type(), "batch-too-large");
    EXPECT_EQ(p.field(), "date");
    EXPECT_NE(p.detail().find("1001 patients visited Khoa Nội on 2026-12-01"), std::string::npos)
        << p.detail();
  }
}

TEST(SlipText, TheExpiryIsInTheHospitalsLocalTime) {
  const auto zone = sdk::TimeZone::locate("Asia/Ho_Chi_Minh");
  EXPECT_EQ(local_expiry("2026-12-03T17:30:00Z", zone), "00:30 04/12/2026");
  EXPECT_EQ(local_expiry("2026-12-03T01:05:00Z", zone), "08:05 03/12/2026");
  EXPECT_EQ(local_expiry("not a time", zone), "not a time");
}

TEST(SlipText, ThreeStepsVietnameseFirstThenEnglish) {
  const auto steps = slip_steps("VnCare");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_NE(steps[0].find("Cài ứng dụng VnCare"), std::string::npos);
  EXPECT_NE(steps[1].find("Quét mã QR"), std::string::npos);
  EXPECT_NE(steps[2].find("ngày sinh"), std::string::npos);
  for (const auto& step : steps) {
    EXPECT_LT(step.find(" / "), step.size()) << step;  // Vietnamese / English.
  }
  EXPECT_NE(steps[2].find("birth date"), std::string::npos);
}

}  // namespace
}  // namespace hisx::app_link
