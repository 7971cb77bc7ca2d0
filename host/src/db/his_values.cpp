#include "db/his_values.h"

#include <Poco/Types.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include "hisx/civil_time.h"

namespace hisx::host {

namespace {

using sdk::ValueType;

std::string shown(const Poco::Dynamic::Var& v) {
  std::string text = v.isString() ? v.extract<std::string>() : v.convert<std::string>();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return "'" + text + "'";
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<long long> whole_number(std::string_view s) {
  std::string_view digits = s;
  if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
  if (!all_digits(digits)) return std::nullopt;
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<long long> whole_number(double d) {
  if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9.0e15) return std::nullopt;
  return static_cast<long long>(d);
}

// "12.50" → "12.5", "150000.00" → "150000", "-0" → "0"; nothing for other text.
std::optional<std::string> decimal_text(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    if (s[i] == '-') out += '-';
    ++i;
  }
  const std::size_t dot = s.find('.', i);
  const std::string_view whole = s.substr(i, dot == std::string_view::npos ? s.npos : dot - i);
  std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(fraction))) {
    return std::nullopt;
  }
  std::string_view w = whole;
  while (w.size() > 1 && w.front() == '0') w.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  out += w;
  if (!fraction.empty()) out += "." + std::string(fraction);
  if (out == "-0") out = "0";
  return out;
}

std::optional<std::string> decimal_of(double d) {
  if (!std::isfinite(d)) return std::nullopt;
  char buf[64];
  // The shortest text that reads back as the same double: what NUMERIC(p, s) held.
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  if (ec != std::errc()) return std::nullopt;
  return decimal_text(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

int digits_at(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// A timestamp as HIS databases and drivers write it: "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS[.f]]"
// or with a "T", then optionally "Z" or an offset "+HH:MM" / "+HHMM" / "+HH".
struct Timestamp {
  sdk::LocalTime wall;
  std::optional<std::chrono::seconds> offset;
  bool date_only = false;
};

std::optional<Timestamp> parse_timestamp(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  const auto date = sdk::parse_date(s.substr(0, 10));
  if (!date) return std::nullopt;
  Timestamp t{sdk::LocalTime(*date), std::nullopt, s.size() == 10};
  if (s.size() == 10) return t;
  if (s[10] != ' ' && s[10] != 'T') return std::nullopt;
  const int hh = digits_at(s, 11, 2);
  const int mm = s.size() > 13 && s[13] == ':' ? digits_at(s, 14, 2) : -1;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return std::nullopt;
  std::size_t pos = 16;
  int ss = 0;
  if (pos < s.size() && s[pos] == ':') {
    ss = digits_at(s, pos + 1, 2);
    if (ss < 0 || ss > 60) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
  }
  t.wall += std::chrono::hours(hh) + std::chrono::minutes(mm) + std::chrono::seconds(ss);
  const std::string_view zone = s.substr(pos);
  if (zone.empty()) return t;
  if (zone == "Z" || zone == "z") {
    t.offset = std::chrono::seconds(0);
    return t;
  }
  if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
  const int oh = digits_at(zone, 1, 2);
  int om = 0;
  if (zone.size() == 6 && zone[3] == ':') {
    om = digits_at(zone, 4, 2);
  } else if (zone.size() == 5) {
    om = digits_at(zone, 3, 2);
  } else if (zone.size() != 3) {
    return std::nullopt;
  }
  if (oh < 0 || oh > 18 || om < 0 || om > 59) return std::nullopt;
  const auto offset = std::chrono::hours(oh) + std::chrono::minutes(om);
  t.offset = zone[0] == '-' ? -offset : std::chrono::seconds(offset);
  return t;
}

sdk::Instant instant_of(const Timestamp& t, const HisConventions& conventions) {
  if (t.offset) return sdk::Instant(t.wall.time_since_epoch() - *t.offset);
  if (conventions.local_time) return conventions.zone.to_utc(t.wall);
  return sdk::Instant(t.wall.time_since_epoch());
}

const sdk::Vocabulary& vocabulary_of(const std::string& name) {
  const sdk::Vocabulary* v = sdk::find_vocabulary(name);
  if (v == nullptr) throw ValueError("no vocabulary named '" + name + "'");
  return *v;
}

bool in(const sdk::Vocabulary& v, const std::string& value) {
  for (const auto& allowed : v.values) {
    if (allowed == value) return true;
  }
  return false;
}

std::string listed(const sdk::Vocabulary& v) {
  std::string out;
  for (const auto& value : v.values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

std::string as_text(const Poco::Dynamic::Var& raw) {
  if (raw.isString()) return raw.extract<std::string>();
  if (raw.type() == typeid(double)) {
    if (auto d = decimal_of(raw.extract<double>())) return *d;
  }
  return raw.convert<std::string>();
}

std::string read_code(const sdk::StatementColumn& column, const Poco::Dynamic::Var& raw,
                      const HisConventions& conventions) {
  const sdk::Vocabulary& v = vocabulary_of(column.vocabulary);
  std::string code = as_text(raw);
  if (const auto map = conventions.value_maps.find(v.name); map != conventions.value_maps.end()) {
    if (const auto hit = map->second.find(code); hit != map->second.end()) return hit->second;
  }
  if (in(v, code)) return code;
  if (!v.fallback.empty() && !conventions.strict_codes) return v.fallback;
  throw ValueError("value " + shown(raw) + " is not one of " + listed(v) +
                   (v.fallback.empty() ? "" : " (it would read as " + v.fallback + ")") +
                   "; map the HIS's code under values." + v.name + ".map in the profile");
}

}  // namespace

Poco::Dynamic::Var read_column(const sdk::StatementColumn& column, const Poco::Dynamic::Var& raw,
                               const HisConventions& conventions) {
  if (raw.isEmpty()) {
    if (column.nullable) return {};
    throw ValueError("is NULL, which it may not be (" + std::string(to_string(column.type)) +
                     " expected); filter such rows out or COALESCE the column");
  }
  const bool is_int = raw.isInteger();
  const bool is_double = raw.type() == typeid(double);
  switch (column.type) {
    case ValueType::kText:
      return as_text(raw);
    case ValueType::kId: {
      if (is_double) {
        if (auto n = whole_number(raw.extract<double>())) return std::to_string(*n);
        throw ValueError("holds " + shown(raw) + ", not an id; cast it to an integer or text");
      }
      std::string id = as_text(raw);
      if (id.empty()) throw ValueError("holds an empty id; an id is a non-empty text or number");
      return id;
    }
    case ValueType::kInteger: {
      if (is_int) return raw.convert<Poco::Int64>();
      std::optional<long long> n;
      if (is_double) n = whole_number(raw.extract<double>());
      if (raw.isString()) n = whole_number(raw.extract<std::string>());
      if (!n) throw ValueError("holds " + shown(raw) + ", not a whole number");
      return static_cast<Poco::Int64>(*n);
    }
    case ValueType::kDecimal: {
      std::optional<std::string> d;
      if (is_int) d = std::to_string(raw.convert<Poco::Int64>());
      if (is_double) d = decimal_of(raw.extract<double>());
      if (raw.isString()) d = decimal_text(raw.extract<std::string>());
      if (!d) throw ValueError("holds " + shown(raw) + ", not a decimal number such as 150000.50");
      return *d;
    }
    case ValueType::kDate: {
      const auto t = raw.isString() ? parse_timestamp(raw.extract<std::string>()) : std::nullopt;
      if (!t || t->offset || t->wall != std::chrono::floor<std::chrono::days>(t->wall)) {
        throw ValueError("holds " + shown(raw) +
                         ", not a date; return it as a DATE or as 'YYYY-MM-DD' text");
      }
      return sdk::format_date(std::chrono::floor<std::chrono::days>(t->wall));
    }
    case ValueType::kInstant: {
      // A date alone is midnight: the database driver hands a TIMESTAMP at 00:00:00 over as
      // one (db/his_sql.h), indistinguishable from a DATE.
      const auto t = raw.isString() ? parse_timestamp(raw.extract<std::string>()) : std::nullopt;
      if (!t) {
        throw ValueError("holds " + shown(raw) +
                         ", not a date and time; return a TIMESTAMP/DATETIME or "
                         "'YYYY-MM-DD HH:MM:SS' text (in the profile's time convention)");
      }
      return sdk::format_utc(instant_of(*t, conventions));
    }
    case ValueType::kCode:
      return read_code(column, raw, conventions);
  }
  return raw;
}

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

std::string text_of(const sdk::HisValue& v) {
  return std::visit(Overloaded{[](std::monostate) { return std::string(); },
                               [](long long n) { return std::to_string(n); },
                               [](double d) { return decimal_of(d).value_or(std::to_string(d)); },
                               [](const std::string& s) { return s; }},
                    v);
}

std::string local_text(sdk::LocalTime t) {
  std::string text = sdk::format_local_time(t);
  text[10] = ' ';  // "YYYY-MM-DD HH:MM:SS": what every SQL dialect reads as a timestamp.
  return text;
}

}  // namespace

std::optional<sdk::HisValue> bind_param(const sdk::StatementParam& param,
                                        const sdk::HisValue& value, bool integer_id,
                                        const HisConventions& conventions) {
  if (std::holds_alternative<std::monostate>(value)) return value;
  const std::string text = text_of(value);
  auto wrong = [&](const std::string& expected) {
    return ValueError("parameter :" + param.name + " got '" + text + "', not " + expected);
  };
  switch (param.type) {
    case ValueType::kText:
      return text;
    case ValueType::kId:
      if (text.empty()) throw wrong("an id");
      if (!integer_id) return text;
      if (auto n = whole_number(std::string_view(text))) return *n;
      return std::nullopt;
    case ValueType::kInteger:
      if (auto n = whole_number(std::string_view(text))) return *n;
      throw wrong("a whole number");
    case ValueType::kDecimal:
      if (auto d = decimal_text(text)) return *d;
      throw wrong("a decimal number");
    case ValueType::kDate:
      if (sdk::parse_date(text)) return text;
      throw wrong("a date YYYY-MM-DD");
    case ValueType::kInstant: {
      const auto t = parse_timestamp(text);
      if (!t || t->date_only) throw wrong("an instant YYYY-MM-DDTHH:MM:SSZ");
      const sdk::Instant at = instant_of(*t, HisConventions{});
      if (conventions.local_time) return local_text(conventions.zone.to_local(at));
      return sdk::format_utc(at);
    }
    case ValueType::kCode: {
      const sdk::Vocabulary& v = vocabulary_of(param.vocabulary);
      if (!in(v, text)) throw wrong("one of " + listed(v));
      if (const auto map = conventions.value_maps.find(v.name);
          map != conventions.value_maps.end()) {
        for (const auto& [his_code, ours] : map->second) {
          if (ours == text) return his_code;
        }
      }
      return text;
    }
  }
  return value;
}

sdk::HisValue sample_value(const sdk::StatementParam& param, const std::string* text) {
  if (text != nullptr) {
    if (param.type == ValueType::kInteger) {
      if (auto n = whole_number(std::string_view(*text))) return *n;
    }
    return *text;
  }
  switch (param.type) {
    case ValueType::kId:
      return std::string("0");
    case ValueType::kInteger:
      return 1LL;
    case ValueType::kDecimal:
      return std::string("0");
    case ValueType::kDate:
      return std::string("2000-01-01");
    case ValueType::kInstant:
      return std::string("2000-01-01T00:00:00Z");
    case ValueType::kCode: {
      const sdk::Vocabulary* v = sdk::find_vocabulary(param.vocabulary);
      return v != nullptr && !v->values.empty() ? v->values.front() : std::string();
    }
    case ValueType::kText:
      break;
  }
  return std::string("hisx-profile-check");
}

}  // namespace hisx::host
