#include "payments/charge_rules.h"

#include <gmock/gmock.h>

namespace hisx::fast_lane {
namespace {

TEST(Money, TheHisDecimalTextIsReadAsWholeDong) {
  EXPECT_EQ(parse_vnd("150000"), 150000);
  EXPECT_EQ(parse_vnd("150000.00"), 150000);
  EXPECT_EQ(parse_vnd("2469.5"), 2470);
  EXPECT_EQ(parse_vnd("2469.49"), 2469);
  EXPECT_EQ(parse_vnd("-2469.5"), -2470);
  EXPECT_EQ(parse_vnd("+7"), 7);
  EXPECT_EQ(parse_vnd(".5"), 1);
  EXPECT_EQ(parse_vnd("0"), 0);
  EXPECT_EQ(parse_vnd(""), std::nullopt);
  EXPECT_EQ(parse_vnd("."), std::nullopt);
  EXPECT_EQ(parse_vnd("1e5"), std::nullopt);
  EXPECT_EQ(parse_vnd("150 000"), std::nullopt);
  EXPECT_EQ(parse_vnd("12345678901234567"), std::nullopt);
  EXPECT_EQ(parse_vnd("1000000000000000"), 1000000000000000LL);
  EXPECT_EQ(parse_vnd("1000000000000001"), std::nullopt);
}

ChargeRow row(const char* charge, const char* line, const char* total, const char* insurance,
              const char* patient, const char* created = "2026-12-01T02:05:00Z") {
  return {charge, line,  "563",     "88123", "XN001", "Xét nghiệm",
          "1",    total, insurance, patient, created};
}

TEST(Charges, LinesAreGroupedIntoChargesWithTheirSums) {
  const auto charges = group_charges(
      {row("HD1", "1", "150000", "120000", "30000"), row("HD2", "1", "50000", "0", "50000"),
       row("HD1", "2", "200000.00", "160000", "40000", "2026-12-01T01:00:00Z")});
  ASSERT_EQ(charges.size(), 2u);
  EXPECT_EQ(charges[0].charge_id, "HD1");
  ASSERT_EQ(charges[0].lines.size(), 2u);
  EXPECT_EQ(charges[0].total, 350000);
  EXPECT_EQ(charges[0].insurance_share, 280000);
  EXPECT_EQ(charges[0].patient_share, 70000);
  EXPECT_EQ(charges[0].created_at, "2026-12-01T01:00:00Z") << "its oldest line";
  EXPECT_EQ(charges[1].patient_share, 50000);
  EXPECT_TRUE(group_charges({}).empty());
}

TEST(Money, HundredthsAreExactAndFurtherDigitsRounded) {
  EXPECT_EQ(parse_centi_vnd("9240.10"), 924010);
  EXPECT_EQ(parse_centi_vnd("9240.1"), 924010);
  EXPECT_EQ(parse_centi_vnd("9240"), 924000);
  EXPECT_EQ(parse_centi_vnd("0.005"), 1);
  EXPECT_EQ(parse_centi_vnd("-0.004"), 0);
  EXPECT_EQ(parse_centi_vnd("abc"), std::nullopt);
}

TEST(Charges, AChargesSharesAreItsLinesExactSumsRoundedOnce) {
  // HIS B's invoice HD-0001: three lines in hundredths of a đồng.
  const auto charges = group_charges({row("HD-0001", "1", "38700.00", "30960.00", "7740.00"),
                                      row("HD-0001", "2", "46200.50", "36960.40", "9240.10"),
                                      row("HD-0001", "3", "12345.50", "0", "12345.50")});
  ASSERT_EQ(charges.size(), 1u);
  EXPECT_EQ(charges[0].patient_share, 29326) << "29325.60 rounded once";
  EXPECT_EQ(charges[0].insurance_share, 67920) << "67920.40";
  EXPECT_EQ(charges[0].total, 97246) << "the shares' sum";
  EXPECT_EQ(charges[0].lines[1].total, 46201);
  EXPECT_EQ(charges[0].lines[1].patient_share, 9240);
}

TEST(Charges, AnAmountThatIsNotANumberNamesTheColumn) {
  try {
    group_charges({row("HD1", "7", "150000", "n/a", "30000")});
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("insurance_share of charge HD1 line 7"));
  }
}

}  // namespace
}  // namespace hisx::fast_lane
