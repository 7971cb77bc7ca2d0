// The link-rate arithmetic: distinct patients, linked at the period's end, against targets,
// worst first.
#include "targets/progress_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hisx::app_link {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> order(const Progress& p) {
  std::vector<std::string> out;
  for (const auto& d : p.departments) out.push_back(d.department_id);
  return out;
}

TEST(ProgressRules, EachPatientCountsOncePerDepartmentAndOnceInTheTotal) {
  const std::vector<CountedVisit> visits = {{"p1", "K01"}, {"p1", "K01"}, {"p2", "K01"},
                                            {"p3", "K01"}, {"p4", "K01"}, {"p5", "K01"},
                                            {"p1", "K02"}, {"p6", "K02"}};
  const Progress p = compute_progress(
      visits, {"p1", "p2", "p3", "p4"},
      {{"K01", "KKB", "Khoa Khám bệnh", std::nullopt}, {"K02", "NOI", "Khoa Nội", 50.0}}, 80);
  ASSERT_EQ(p.departments.size(), 2u);
  const auto& k01 = p.departments[0].department_id == "K01" ? p.departments[0] : p.departments[1];
  const auto& k02 = p.departments[0].department_id == "K02" ? p.departments[0] : p.departments[1];
  EXPECT_EQ(k01.visited, 5);
  EXPECT_EQ(k01.linked, 4);
  EXPECT_DOUBLE_EQ(*k01.rate_percent, 80.0);
  EXPECT_TRUE(k01.on_target) << "80 % of 5 is exactly 4";
  EXPECT_EQ(k01.patients_to_target, 0);
  EXPECT_TRUE(k01.target_is_default);
  EXPECT_EQ(k02.visited, 2);
  EXPECT_EQ(k02.linked, 1);
  EXPECT_DOUBLE_EQ(k02.target_percent, 50.0);
  EXPECT_FALSE(k02.target_is_default);
  EXPECT_TRUE(k02.on_target);
  EXPECT_EQ(p.total.visited, 6);
  EXPECT_EQ(p.total.linked, 4);
  EXPECT_DOUBLE_EQ(*p.total.rate_percent, 66.7);
  EXPECT_EQ(p.total.patients_to_target, 1) << "ceil(0.8 × 6) = 5 linked needed";
}

TEST(ProgressRules, TheWorstDepartmentComesFirstAndThoseWithoutVisitsLast) {
  const std::vector<CountedVisit> visits = {{"a", "K01"}, {"b", "K02"}, {"c", "K02"}, {"d", "K03"}};
  const Progress p = compute_progress(visits, {"a", "b"},
                                      {{"K00", "", "Khoa trống", std::nullopt},
                                       {"K01", "", "A", std::nullopt},
                                       {"K02", "", "B", std::nullopt},
                                       {"K03", "", "C", std::nullopt}},
                                      80);
  EXPECT_THAT(order(p), ElementsAre("K03", "K02", "K01", "K00"));
  EXPECT_FALSE(p.departments.back().rate_percent.has_value());
  EXPECT_FALSE(p.departments.back().on_target);
}

TEST(ProgressRules, AVisitedDepartmentTheListLacksIsStillShown) {
  const Progress p = compute_progress({{"a", "K09"}}, {}, {}, 80);
  ASSERT_EQ(p.departments.size(), 1u);
  EXPECT_EQ(p.departments[0].department_id, "K09");
  EXPECT_EQ(p.departments[0].name, "K09");
  EXPECT_EQ(p.departments[0].patients_to_target, 1);
}

TEST(ProgressRules, TargetsHaveAtMostOneDecimal) {
  EXPECT_EQ(target_permille(80), 800);
  EXPECT_EQ(target_permille(85.5), 855);
  EXPECT_EQ(target_permille(0), 0);
  EXPECT_EQ(target_permille(100), 1000);
  EXPECT_FALSE(target_permille(80.25));
  EXPECT_FALSE(target_permille(-0.1));
  EXPECT_FALSE(target_permille(100.1));
}

}  // namespace
}  // namespace hisx::app_link
