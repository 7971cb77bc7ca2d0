#include "fhir/fhir_search.h"

#include <charconv>
#include <regex>

#include "fhir/fhir_ids.h"
#include "hisx/problem.h"

namespace hisx::appointments {

namespace {

using namespace std::chrono;

[[noreturn]] void refuse(const std::string& name, const std::string& english,
                         const std::string& vietnamese) {
  throw sdk::Problem(400, "validation",
                     "Search parameter '" + name + "' " + english + " / Tham số tìm kiếm '" + name +
                         "' " + vietnamese,
                     name);
}

int number(const std::string& text) {
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// `text` as a whole int, all of it; nothing when it is not one (or out of range).
std::optional<int> whole_number(const std::string& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

InstantRange parse_date_param(const std::string& name, const std::string& text,
                              const TimeZone& zone) {
  static const std::regex shape(
      R"(^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$)");
  std::smatch m;
  if (!std::regex_match(text, m, shape)) {
    refuse(name, "must be [eq|ge|gt|le|lt]YYYY[-MM[-DD[Thh:mm[:ss][zone]]]]",
           "phải có dạng [eq|ge|gt|le|lt]YYYY[-MM[-DD[Thh:mm[:ss][múi giờ]]]]");
  }
  const std::string prefix = m[1].matched ? m[1].str() : "eq";
  if (prefix != "eq" && prefix != "ge" && prefix != "gt" && prefix != "le" && prefix != "lt") {
    refuse(name, "supports the prefixes eq, ge, gt, le and lt only",
           "chỉ hỗ trợ các tiền tố eq, ge, gt, le, lt");
  }
  const int y = number(m[2]);
  const unsigned mo = m[3].matched ? static_cast<unsigned>(number(m[3])) : 1;
  const unsigned d = m[4].matched ? static_cast<unsigned>(number(m[4])) : 1;
  const year_month_day ymd{year{y}, month{mo}, day{d}};
  if (!ymd.ok()) refuse(name, "names a day that does not exist", "không phải ngày có thật");

  Instant lo{}, hi{};
  if (!m[5].matched) {
    // A year, month or day of the hospital's calendar.
    const local_days first{ymd};
    local_days next = first + days(1);
    if (!m[3].matched) {
      next = local_days{year_month_day{year{y + 1}, month{1}, day{1}}};
    } else if (!m[4].matched) {
      next = local_days{year_month_day{year{y}, month{mo}, day{1}} + months(1)};
    }
    lo = zone.to_utc(LocalTime{first});
    hi = zone.to_utc(LocalTime{next});
  } else {
    const int hh = number(m[5]), mm = number(m[6]);
    const int ss = m[7].matched ? number(m[7]) : 0;
    if (hh > 23 || mm > 59 || ss > 59) refuse(name, "has an invalid time", "có giờ không hợp lệ");
    const auto wall = local_days{ymd} + hours(hh) + minutes(mm) + seconds(ss);
    if (!m[8].matched) {
      lo = zone.to_utc(LocalTime{wall});
    } else if (m[8].str() == "Z") {
      lo = Instant{wall.time_since_epoch()};
    } else {
      const std::string z = m[8].str();
      const int oh = number(z.substr(1, 2)), om = number(z.substr(4, 2));
      if (oh > 14 || om > 59) refuse(name, "has an invalid zone", "có múi giờ không hợp lệ");
      const seconds offset = hours(oh) + minutes(om);
      lo = Instant{wall.time_since_epoch()} - (z[0] == '-' ? -offset : offset);
    }
    hi = lo + (m[7].matched ? seconds(1) : seconds(minutes(1)));
  }

  InstantRange r;
  if (prefix == "eq") {
    r.from = lo;
    r.before = hi;
  } else if (prefix == "ge") {
    r.from = lo;
  } else if (prefix == "gt") {
    r.from = hi;
  } else if (prefix == "lt") {
    r.before = lo;
  } else {  // le
    r.before = hi;
  }
  return r;
}

InstantRange parse_date_params(const std::string& name, const std::vector<std::string>& texts,
                               const TimeZone& zone) {
  InstantRange all;
  for (const auto& text : texts) {
    const InstantRange one = parse_date_param(name, text, zone);
    if (one.from && (!all.from || *one.from > *all.from)) all.from = one.from;
    if (one.before && (!all.before || *one.before < *all.before)) all.before = one.before;
  }
  return all;
}

long long parse_reference_param(const std::string& name, const std::string& text,
                                const std::string& type) {
  std::string id = text;
  const auto slash = text.find('/');
  if (slash != std::string::npos) {
    if (text.substr(0, slash) != type) {
      refuse(name, "must reference a " + type, "phải tham chiếu tới " + type);
    }
    id = text.substr(slash + 1);
  }
  long long value = 0;
  const auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), value);
  if (id.empty() || error != std::errc() || end != id.data() + id.size() || value < 1) {
    refuse(name, "must be " + type + "/{id} with a positive whole number",
           "phải là " + type + "/{id} với id là số nguyên dương");
  }
  return value;
}

sdk::HisId parse_his_reference_param(const std::string& name, const std::string& text,
                                     const std::string& type) {
  std::string id = text;
  const auto slash = text.find('/');
  if (slash != std::string::npos) {
    if (text.substr(0, slash) != type) {
      refuse(name, "must reference a " + type, "phải tham chiếu tới " + type);
    }
    id = text.substr(slash + 1);
  }
  auto his_id = his_id_of_fhir(id);
  if (!his_id) {
    refuse(name, "must be " + type + "/{id} with an id of the HIS",
           "phải là " + type + "/{id} với id là mã trong HIS");
  }
  return *his_id;
}

std::vector<std::string> parse_token_param(const std::string& name, const std::string& text,
                                           const std::string& system) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? comma : comma - start);
    const auto bar = item.find('|');
    if (bar != std::string::npos) {
      if (bar != 0 && item.substr(0, bar) != system) {
        refuse(name, "accepts codes of " + system + " only", "chỉ nhận mã của " + system);
      }
      item = item.substr(bar + 1);
    }
    if (item.empty()) refuse(name, "has an empty code", "có mã rỗng");
    codes.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return codes;
}

int parse_count_param(const std::string& text, int max) {
  const auto value = whole_number(text);
  if (!value || *value < 0) {
    refuse("_count", "must be a whole number, 0 or more", "phải là số nguyên không âm");
  }
  return std::min(*value, max);
}

int parse_page_param(const std::string& text) {
  const auto value = whole_number(text);
  if (!value || *value < 1) {
    refuse("_page", "must be a whole number, 1 or more", "phải là số nguyên từ 1 trở lên");
  }
  return *value;
}

}  // namespace hisx::appointments
