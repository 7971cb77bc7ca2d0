#pragma once

#include <optional>
#include <set>
#include <string>

#include "demo/demo_random.h"

namespace hisx::host::demo {

/// A health insurance (BHYT) card in the 15-character format printed since 2015:
/// 2-letter beneficiary group, 1-digit benefit level, 2-digit province, 10-digit social
/// insurance number, e.g. "DN4871234567890".
struct InsuranceCard {
  std::string number;
  int coverage_percent;  ///< Share of a bill the fund pays: 100, 95 or 80.
};

/// Draws the card of a person aged `age`, or nothing for the uninsured (about 1 in 9 adults;
/// every child under 6 is insured by law). `used` keeps the social insurance numbers unique.
std::optional<InsuranceCard> draw_insurance_card(DemoRandom& random, int age,
                                                 std::set<std::string>& used);

}  // namespace hisx::host::demo
