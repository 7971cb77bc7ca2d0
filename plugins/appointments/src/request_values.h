#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "hisx/http.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// Readers of request values. Each throws a 422 Problem naming the field (in English and
/// Vietnamese) when the value is missing, of the wrong type or out of range.

/// A JSON whole number in [min, max]; `fallback` when absent or null (none: required).
long long json_integer(const Poco::JSON::Object::Ptr& body, const std::string& field, long long min,
                       long long max, std::optional<long long> fallback = std::nullopt);
/// A JSON whole number in [min, max], or nothing when absent or null.
std::optional<long long> json_optional_integer(const Poco::JSON::Object::Ptr& body,
                                               const std::string& field, long long min,
                                               long long max);
/// A JSON string of at most `max_length` bytes; `fallback` when absent or null (none:
/// required, and then it must not be blank).
std::string json_text(const Poco::JSON::Object::Ptr& body, const std::string& field,
                      std::size_t max_length, std::optional<std::string> fallback = std::nullopt);
/// A JSON boolean; `fallback` when absent.
bool json_boolean(const Poco::JSON::Object::Ptr& body, const std::string& field, bool fallback);
/// A JSON array of strings; `fallback` when absent.
std::vector<std::string> json_strings(const Poco::JSON::Object::Ptr& body, const std::string& field,
                                      std::vector<std::string> fallback);
/// A JSON date "YYYY-MM-DD" (required).
LocalDate json_date(const Poco::JSON::Object::Ptr& body, const std::string& field);
/// A JSON clock time "HH:MM" (required); "24:00" when `allow_midnight_end`.
int json_clock(const Poco::JSON::Object::Ptr& body, const std::string& field,
               bool allow_midnight_end = false);

/// A path or query value that must be a whole number in [min, max].
long long parse_integer(const std::string& field, const std::string& text, long long min,
                        long long max);
/// A query date "YYYY-MM-DD" (required).
LocalDate query_date(const sdk::Request& req, const std::string& field);
/// A path `{id}` parameter: a positive whole number.
long long path_id(const sdk::Request& req, const std::string& name = "id");
/// The `Idempotency-Key` header, if sent: 1–200 visible ASCII characters (422 on field
/// Idempotency-Key otherwise).
std::optional<std::string> idempotency_key(const sdk::Request& req);

}  // namespace hisx::appointments
