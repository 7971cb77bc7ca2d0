#include "config/instant_text.h"

#include <regex>

namespace hisx::host {

std::optional<std::chrono::system_clock::time_point> parse_instant_with_offset(
    const std::string& text) {
  using namespace std::chrono;
  static const std::regex shape(
      R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$)");
  std::smatch m;
  if (!std::regex_match(text, m, shape)) return std::nullopt;
  const auto number = [&](int i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
  const year_month_day ymd{year{number(1)}, month{static_cast<unsigned>(number(2))},
                           day{static_cast<unsigned>(number(3))}};
  if (!ymd.ok() || number(4) > 23 || number(5) > 59 || number(6) > 59) return std::nullopt;
  system_clock::time_point t =
      sys_days{ymd} + hours(number(4)) + minutes(number(5)) + seconds(number(6));
  if (m[7].str() != "Z") {
    if (number(9) > 14 || number(10) > 59) return std::nullopt;
    const minutes offset = hours(number(9)) + minutes(number(10));
    t -= m[8].str() == "-" ? -offset : offset;
  }
  return t;
}

}  // namespace hisx::host
