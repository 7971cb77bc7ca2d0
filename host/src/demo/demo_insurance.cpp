#include "demo/demo_insurance.h"

#include <vector>

#include "demo/demo_catalogue.h"
#include "demo/demo_patients.h"

namespace hisx::host::demo {

namespace {

struct Group {
  const char* code;  ///< Group and benefit level, e.g. "DN4".
  int weight;
};

// Which groups people of an age belong to: TE1 children under 6, HS4/SV4 pupils and
// students, DN4 employees, HC4 civil servants, GD4 household members, HN2 poor households,
// CN3 near-poor households, HT3 pensioners, CC1 people of merit, BT2 the over-80s on
// social allowance.
const std::vector<Group>& groups_for(int age) {
  static const std::vector<Group> child = {{"TE1", 1}};
  static const std::vector<Group> pupil = {{"HS4", 85}, {"GD4", 10}, {"HN2", 5}};
  static const std::vector<Group> student = {{"SV4", 40}, {"GD4", 30}, {"DN4", 30}};
  static const std::vector<Group> adult = {
      {"GD4", 35}, {"DN4", 30}, {"HC4", 8}, {"HN2", 7}, {"CN3", 8}};
  static const std::vector<Group> senior = {
      {"HT3", 35}, {"GD4", 35}, {"CN3", 15}, {"HN2", 10}, {"CC1", 5}};
  static const std::vector<Group> elderly = {{"BT2", 40}, {"HT3", 30}, {"GD4", 20}, {"HN2", 10}};
  if (age < 6) return child;
  if (age < 18) return pupil;
  if (age < 23) return student;
  if (age < 60) return adult;
  if (age < 80) return senior;
  return elderly;
}

std::string digits(DemoRandom& random, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + random.uniform(0, 9)));
  return s;
}

}  // namespace

int coverage_of_level(char level) {
  switch (level) {
    case '3':
      return 95;
    case '4':
      return 80;
    default:  // 1, 2 and 5 are fully covered.
      return 100;
  }
}

std::optional<InsuranceCard> draw_insurance_card(DemoRandom& random, int age,
                                                 std::set<std::string>& used) {
  if (age >= 6 && !random.percent(89)) return std::nullopt;
  const auto& groups = groups_for(age);
  std::vector<int> weights;
  for (const auto& g : groups) weights.push_back(g.weight);
  const std::string group = groups[random.weighted(weights)].code;
  // Most cards are issued in this province; some employees work in Ho Chi Minh City (79) or
  // Binh Duong (74) and are insured there.
  std::string province = kProvinceCode;
  if (group == "DN4" && random.percent(20)) province = random.percent(60) ? "79" : "74";
  std::string social_no;
  do {
    social_no = province + digits(random, 8);
  } while (!used.insert(social_no).second);
  return InsuranceCard{group + province + social_no, coverage_of_level(group[2])};
}

}  // namespace hisx::host::demo
