#include "hl7_fields.h"

#include <Poco/String.h>
#include <Poco/UTF8String.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <vector>

namespace hisx::hl7 {

PersonName split_name(std::string_view full_name) {
  std::istringstream in{std::string(full_name)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  PersonName name;
  if (words.empty()) return name;
  name.family = words.front();
  if (words.size() == 1) return name;
  name.given = words.back();
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (!name.middle.empty()) name.middle += ' ';
    name.middle += words[i];
  }
  return name;
}

std::string administrative_sex(std::string_view gender) {
  const std::string g = Poco::UTF8::toLower(Poco::trim(std::string(gender)));
  if (g == "m" || g == "male" || g == "nam" || g == "1") return "M";
  if (g == "f" || g == "female" || g == "nữ" || g == "nu" || g == "2") return "F";
  if (g == "o" || g == "other" || g == "khác" || g == "khac") return "O";
  return "U";
}

namespace {

bool digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string hl7_date(std::string_view his_date) {
  if (his_date.size() >= 10 && his_date[4] == '-' && his_date[7] == '-' &&
      digits(his_date.substr(0, 4)) && digits(his_date.substr(5, 2)) &&
      digits(his_date.substr(8, 2))) {
    return std::string(his_date.substr(0, 4)) + std::string(his_date.substr(5, 2)) +
           std::string(his_date.substr(8, 2));
  }
  if (his_date.size() == 4 && digits(his_date)) return std::string(his_date);
  return {};
}

std::string hl7_timestamp(const sdk::TimeZone& zone, sdk::Instant t) {
  using namespace std::chrono;
  const sdk::LocalTime local = zone.to_local(t);
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss hms{local - day};
  const long long offset_minutes = duration_cast<minutes>(zone.offset_at(t)).count();
  const long long magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u%02d%02d%02d%c%02lld%02lld",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                offset_minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return buf;
}

std::string hl7_day(sdk::LocalDate day) {
  const std::string iso = sdk::format_date(day);
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

}  // namespace hisx::hl7
