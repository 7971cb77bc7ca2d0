#include "demo/demo_patients.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <set>

#include "demo/demo_calendar.h"
#include "demo/demo_catalogue.h"
#include "demo/demo_insurance.h"
#include "hisx/text.h"

namespace hisx::host::demo {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

int year_of(sys_days day) { return static_cast<int>(year_month_day{day}.year()); }

// Outpatients of a district hospital: many children and many elderly.
int draw_age(DemoRandom& random) {
  struct Band {
    int from, to, weight;
  };
  static const std::vector<Band> bands = {{0, 5, 10},   {6, 15, 10},  {16, 39, 22},
                                          {40, 59, 25}, {60, 79, 26}, {80, 97, 7}};
  std::vector<int> weights;
  for (const auto& b : bands) weights.push_back(b.weight);
  const auto& band = bands[random.weighted(weights)];
  return random.uniform(band.from, band.to);
}

const std::string& weighted_part(DemoRandom& random, const std::vector<NamePart>& parts) {
  std::vector<int> weights;
  for (const auto& p : parts) weights.push_back(p.weight);
  return parts[random.weighted(weights)].text;
}

std::string draw_name(DemoRandom& random, bool female, bool traditional) {
  std::string name = weighted_part(random, family_names());
  const std::string& middle = weighted_part(random, middle_names(female, traditional));
  name += " " + middle;
  if (female && middle == "Thị" && random.percent(traditional ? 25 : 10)) {
    name += " " + random.pick(second_middle_names());
  }
  std::string given;
  do {
    given = random.pick(given_names(female, traditional));
  } while (given == middle);
  return name + " " + given;
}

std::string draw_phone(DemoRandom& random, std::set<std::string>& used) {
  std::string phone;
  do {
    phone = random.pick(mobile_prefixes());
    for (int i = 0; i < 7; ++i) phone.push_back(static_cast<char>('0' + random.uniform(0, 9)));
  } while (!used.insert(phone).second);
  return phone;
}

std::string draw_address(DemoRandom& random) {
  std::vector<int> weights;
  for (const auto& p : places()) weights.push_back(p.weight);
  const Place& place = places()[random.weighted(weights)];
  std::string head;
  if (place.town) {
    const int quarter = random.uniform(1, 5);
    head = random.percent(60) ? "Số " + std::to_string(random.uniform(1, 280)) + ", khóm " +
                                    std::to_string(quarter)
                              : "Khóm " + std::to_string(quarter);
  } else {
    head = "Ấp " + std::to_string(random.uniform(1, 6));
  }
  return head + ", " + place.unit + ", " + place.district + ", " + kProvince;
}

}  // namespace

std::vector<DemoPatient> make_patients(DemoRandom& random, int count, sys_days today) {
  std::vector<DemoPatient> patients;
  std::vector<int> registration_year;
  std::set<std::string> phones;
  std::set<std::string> social_numbers;
  std::vector<std::string> parent_phones;  // Adults young enough to bring a child.
  const int this_year = year_of(today);
  patients.reserve(static_cast<std::size_t>(count));

  for (int i = 0; i < count; ++i) {
    DemoPatient p;
    const int age = draw_age(random);
    p.birth_date = today - days{age * 365 + age / 4 + random.uniform(0, 364)};
    const int born = year_of(p.birth_date);
    const bool female = random.percent(52);
    p.gender = female ? kFemale : kMale;
    p.full_name = draw_name(random, female, born < 1985);
    p.folded_name = sdk::fold_search_text(p.full_name);

    // Children are registered with a parent's phone; some old people have none.
    if (age < 16 && !parent_phones.empty() && random.percent(60)) {
      p.phone = random.pick(parent_phones);
    } else if (age >= 75 && random.percent(15)) {
      p.phone = std::nullopt;
    } else {
      p.phone = draw_phone(random, phones);
      if (age >= 22 && age <= 50) parent_phones.push_back(*p.phone);
    }

    if (auto card = draw_insurance_card(random, age, social_numbers)) {
      p.insurance_no = card->number;
      p.coverage_percent = card->coverage_percent;
    }
    p.address = draw_address(random);
    registration_year.push_back(random.uniform(std::max(born, this_year - 6), this_year));
    patients.push_back(std::move(p));
  }

  // Ids and codes follow registration order, as the HIS handed them out.
  std::vector<std::size_t> order(patients.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return registration_year[a] < registration_year[b];
  });
  std::vector<DemoPatient> sorted;
  sorted.reserve(patients.size());
  int serial = 0;
  int serial_year = -1;
  for (std::size_t k = 0; k < order.size(); ++k) {
    DemoPatient p = std::move(patients[order[k]]);
    const int reg_year = registration_year[order[k]];
    serial = reg_year == serial_year ? serial + 1 : 1;
    serial_year = reg_year;
    char code[32];
    std::snprintf(code, sizeof code, "BN%02d%05d", reg_year % 100, serial);
    p.id = static_cast<long long>(k) + 1;
    p.code = code;
    sorted.push_back(std::move(p));
  }
  return sorted;
}

}  // namespace hisx::host::demo
