#include "hisx/request_values.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

#include "hisx/problem.h"
#include "refusal.h"

namespace hisx::sdk {

void refuse(const std::string& field, const std::string& english, const std::string& vietnamese) {
  throw Problem::invalid(field, "'" + field + "' " + english + " / '" + field + "' " + vietnamese);
}

namespace {

std::string range(long long min, long long max) {
  return std::to_string(min) + " to " + std::to_string(max);
}

std::string range_vi(long long min, long long max) {
  return std::to_string(min) + " đến " + std::to_string(max);
}

bool absent(const Poco::JSON::Object::Ptr& body, const std::string& field) {
  return !body->has(field) || body->isNull(field);
}

std::string listed(const std::vector<std::string>& allowed) {
  std::string out;
  for (const auto& a : allowed) out += (out.empty() ? "" : ", ") + a;
  return out;
}

const std::string& one_of(const std::string& field, const std::string& value,
                          const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    refuse(field, "must be one of " + listed(allowed), "phải là một trong " + listed(allowed));
  }
  return value;
}

}  // namespace

long long json_integer(const Poco::JSON::Object::Ptr& body, const std::string& field, long long min,
                       long long max, std::optional<long long> fallback) {
  if (absent(body, field)) {
    if (fallback) return *fallback;
    refuse(field, "is required", "là bắt buộc");
  }
  const Poco::Dynamic::Var v = body->get(field);
  if (!v.isInteger() || v.isBoolean()) {
    refuse(field, "must be a whole number from " + range(min, max),
           "phải là số nguyên từ " + range_vi(min, max));
  }
  const long long value = v.convert<long long>();
  if (value < min || value > max) {
    refuse(field, "must be a whole number from " + range(min, max),
           "phải là số nguyên từ " + range_vi(min, max));
  }
  return value;
}

std::optional<long long> json_optional_integer(const Poco::JSON::Object::Ptr& body,
                                               const std::string& field, long long min,
                                               long long max) {
  if (absent(body, field)) return std::nullopt;
  return json_integer(body, field, min, max);
}

std::string json_text(const Poco::JSON::Object::Ptr& body, const std::string& field,
                      std::size_t max_length, std::optional<std::string> fallback) {
  if (absent(body, field)) {
    if (fallback) return *fallback;
    refuse(field, "is required", "là bắt buộc");
  }
  const Poco::Dynamic::Var v = body->get(field);
  if (!v.isString()) refuse(field, "must be text", "phải là chuỗi ký tự");
  const std::string text = v.convert<std::string>();
  if (text.size() > max_length) {
    refuse(field, "must be at most " + std::to_string(max_length) + " characters",
           "dài tối đa " + std::to_string(max_length) + " ký tự");
  }
  if (!fallback && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    refuse(field, "must not be blank", "không được để trống");
  }
  return text;
}

bool json_boolean(const Poco::JSON::Object::Ptr& body, const std::string& field, bool fallback) {
  if (absent(body, field)) return fallback;
  const Poco::Dynamic::Var v = body->get(field);
  if (!v.isBoolean()) refuse(field, "must be true or false", "phải là true hoặc false");
  return v.convert<bool>();
}

std::vector<std::string> json_strings(const Poco::JSON::Object::Ptr& body, const std::string& field,
                                      std::vector<std::string> fallback) {
  if (absent(body, field)) return fallback;
  Poco::JSON::Array::Ptr items = body->getArray(field);
  if (!items) refuse(field, "must be a list of text", "phải là danh sách chuỗi");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Poco::Dynamic::Var v = items->get(static_cast<unsigned>(i));
    if (!v.isString()) refuse(field, "must be a list of text", "phải là danh sách chuỗi");
    out.push_back(v.convert<std::string>());
  }
  return out;
}

LocalDate json_date(const Poco::JSON::Object::Ptr& body, const std::string& field) {
  const auto date = parse_date(json_text(body, field, 10));
  if (!date) refuse(field, "must be a date YYYY-MM-DD", "phải là ngày dạng YYYY-MM-DD");
  return *date;
}

int json_clock(const Poco::JSON::Object::Ptr& body, const std::string& field,
               bool allow_midnight_end) {
  const auto minutes = parse_clock(json_text(body, field, 5), allow_midnight_end);
  if (!minutes) refuse(field, "must be a time HH:MM", "phải là giờ dạng HH:MM");
  return *minutes;
}

long long parse_integer(const std::string& field, const std::string& text, long long min,
                        long long max) {
  long long value = 0;
  std::size_t used = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < min || value > max) {
    refuse(field, "must be a whole number from " + range(min, max),
           "phải là số nguyên từ " + range_vi(min, max));
  }
  return value;
}

LocalDate query_date(const Request& req, const std::string& field) {
  const auto text = req.query(field);
  if (!text) refuse(field, "is required", "là bắt buộc");
  const auto date = parse_date(*text);
  if (!date) refuse(field, "must be a date YYYY-MM-DD", "phải là ngày dạng YYYY-MM-DD");
  return *date;
}

long long path_id(const Request& req, const std::string& name) {
  return parse_integer(name, req.param(name), 1, INT64_MAX);
}

std::optional<std::string> idempotency_key(const Request& req) {
  constexpr std::size_t kMaxKey = 200;
  auto key = req.header("Idempotency-Key");
  if (!key) return std::nullopt;
  const bool printable =
      std::all_of(key->begin(), key->end(), [](char c) { return c > 0x20 && c < 0x7F; });
  if (key->empty() || key->size() > kMaxKey || !printable) {
    throw Problem::invalid("Idempotency-Key",
                           "Idempotency-Key must be 1 to 200 visible ASCII characters / "
                           "Idempotency-Key phải gồm 1 đến 200 ký tự ASCII");
  }
  return key;
}

std::string json_enum(const Poco::JSON::Object::Ptr& body, const std::string& field,
                      const std::vector<std::string>& allowed,
                      std::optional<std::string> fallback) {
  if (absent(body, field)) {
    if (fallback) return *fallback;
    refuse(field, "is required", "là bắt buộc");
  }
  const Poco::Dynamic::Var v = body->get(field);
  if (!v.isString())
    refuse(field, "must be one of " + listed(allowed), "phải là một trong " + listed(allowed));
  return one_of(field, v.convert<std::string>(), allowed);
}

long long query_integer(const Request& req, const std::string& field, long long min, long long max,
                        std::optional<long long> fallback) {
  const auto text = req.query(field);
  if (!text) {
    if (fallback) return *fallback;
    refuse(field, "is required", "là bắt buộc");
  }
  return parse_integer(field, *text, min, max);
}

std::string query_enum(const Request& req, const std::string& field,
                       const std::vector<std::string>& allowed,
                       std::optional<std::string> fallback) {
  const auto text = req.query(field);
  if (!text) {
    if (fallback) return *fallback;
    refuse(field, "is required", "là bắt buộc");
  }
  return one_of(field, *text, allowed);
}

}  // namespace hisx::sdk
