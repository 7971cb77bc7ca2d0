#include "queue/ticket_group_rules.h"

#include <cstdio>

namespace hisx::fast_lane {

std::string_view to_string(Lane lane) { return lane == Lane::kFast ? "fast" : "regular"; }

std::optional<Lane> parse_lane(std::string_view text) {
  if (text == "fast") return Lane::kFast;
  if (text == "regular") return Lane::kRegular;
  return std::nullopt;
}

std::string_view lane_title(Lane lane) {
  return lane == Lane::kFast ? "Làn ưu tiên / Fast lane" : "Làn thường / Regular lane";
}

const std::vector<TicketGroup>& ticket_groups() {
  static const std::vector<TicketGroup> groups = {
      {"app", "Đặt lịch qua ứng dụng", "Booked in the app", 1, false},
      {"booked", "Đặt lịch trước", "Booked ahead", 1, false},
      {"child", "Trẻ em", "Child", 2, true},
      {"elderly", "Người cao tuổi", "Elderly", 2, true},
      {"disability", "Người khuyết tật", "Person with a disability", 2, false},
      {"veteran", "Người có công với cách mạng", "War veteran or person of merit", 2, false},
      {"pregnant", "Phụ nữ có thai", "Pregnant woman", 2, false},
  };
  return groups;
}

const TicketGroup* find_ticket_group(std::string_view code) {
  for (const auto& group : ticket_groups()) {
    if (group.code == code) return &group;
  }
  return nullptr;
}

bool is_priority_group(std::string_view group) {
  return find_ticket_group(group) && group != "app" && group != "booked";
}

int group_priority(std::string_view group) {
  const TicketGroup* found = find_ticket_group(group);
  return found ? found->priority : 0;
}

int age_in_years(sdk::LocalDate birth, sdk::LocalDate today) {
  const std::chrono::year_month_day b{birth};
  const std::chrono::year_month_day t{today};
  int years = static_cast<int>(t.year()) - static_cast<int>(b.year());
  const bool before_birthday =
      t.month() < b.month() || (t.month() == b.month() && t.day() < b.day());
  return before_birthday ? years - 1 : years;
}

bool fits_age_group(std::string_view group, sdk::LocalDate birth, sdk::LocalDate today,
                    int child_under, int elderly_from) {
  const int age = age_in_years(birth, today);
  if (group == "child") return age >= 0 && age < child_under;
  if (group == "elderly") return age >= elderly_from;
  return true;
}

std::string ticket_label(std::string_view prefix, long long number) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%03lld", number);
  return std::string(prefix) + digits;
}

}  // namespace hisx::fast_lane
