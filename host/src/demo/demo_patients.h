#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_random.h"

namespace hisx::host::demo {

/// HIS gender codes (gioi_tinh), as most Vietnamese HIS store them.
inline constexpr int kMale = 1;
inline constexpr int kFemale = 2;

/// One generated patient, as it goes into benh_nhan.
struct DemoPatient {
  long long id = 0;
  std::string code;         ///< ma_bn: "BN" + 2-digit registration year + 5-digit serial.
  std::string full_name;    ///< With diacritics.
  std::string folded_name;  ///< fold_search_text(full_name).
  std::chrono::sys_days birth_date;
  int gender = kMale;
  std::optional<std::string> phone;         ///< 10 digits; children often share a parent's.
  std::optional<std::string> insurance_no;  ///< 15-character health insurance card number.
  int coverage_percent = 0;                 ///< Insurance share of a bill; 0 when uninsured.
  std::string address;
};

/// Generates `count` patients living around the hospital, registered over the seven years
/// up to `today`, ordered by registration (ids 1..count).
std::vector<DemoPatient> make_patients(DemoRandom& random, int count, std::chrono::sys_days today);

/// The insurance share (percent) of the benefit level, the card's third character.
int coverage_of_level(char level);

}  // namespace hisx::host::demo
