#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "hisx/civil_time.h"
#include "hisx/export.h"
#include "hisx/http.h"

namespace hisx::sdk {

/// Readers of request values, written once for every plugin. Each throws a 422 Problem naming
/// the field, with a detail in English and Vietnamese, when the value is missing, of the wrong
/// type or out of range. Since 2.0.

/// A JSON whole number in [min, max]; `fallback` when absent or null (none: required).
HISX_SDK_API long long json_integer(const Poco::JSON::Object::Ptr& body, const std::string& field,
                                    long long min, long long max,
                                    std::optional<long long> fallback = std::nullopt);
/// A JSON whole number in [min, max], or nothing when absent or null.
HISX_SDK_API std::optional<long long> json_optional_integer(const Poco::JSON::Object::Ptr& body,
                                                            const std::string& field, long long min,
                                                            long long max);
/// A JSON string of at most `max_length` bytes; `fallback` when absent or null (none:
/// required, and then it must not be blank).
HISX_SDK_API std::string json_text(const Poco::JSON::Object::Ptr& body, const std::string& field,
                                   std::size_t max_length,
                                   std::optional<std::string> fallback = std::nullopt);
/// A JSON boolean; `fallback` when absent.
HISX_SDK_API bool json_boolean(const Poco::JSON::Object::Ptr& body, const std::string& field,
                               bool fallback);
/// A JSON array of strings; `fallback` when absent.
HISX_SDK_API std::vector<std::string> json_strings(const Poco::JSON::Object::Ptr& body,
                                                   const std::string& field,
                                                   std::vector<std::string> fallback);
/// A JSON date "YYYY-MM-DD" (required).
HISX_SDK_API LocalDate json_date(const Poco::JSON::Object::Ptr& body, const std::string& field);
/// A JSON clock time "HH:MM" (required); "24:00" when `allow_midnight_end`.
HISX_SDK_API int json_clock(const Poco::JSON::Object::Ptr& body, const std::string& field,
                            bool allow_midnight_end = false);

/// A path or query value that must be a whole number in [min, max].
HISX_SDK_API long long parse_integer(const std::string& field, const std::string& text,
                                     long long min, long long max);
/// A query date "YYYY-MM-DD" (required).
HISX_SDK_API LocalDate query_date(const Request& req, const std::string& field);
/// A path `{id}` parameter: a positive whole number.
HISX_SDK_API long long path_id(const Request& req, const std::string& name = "id");
/// The `Idempotency-Key` header, if sent: 1–200 visible ASCII characters (422 on field
/// Idempotency-Key otherwise).
HISX_SDK_API std::optional<std::string> idempotency_key(const Request& req);

/// One of `allowed` (JSON text); `fallback` when absent or null (none: required). The 422
/// lists the allowed values.
HISX_SDK_API std::string json_enum(const Poco::JSON::Object::Ptr& body, const std::string& field,
                                   const std::vector<std::string>& allowed,
                                   std::optional<std::string> fallback = std::nullopt);
/// A query value that must be a whole number in [min, max]; `fallback` when absent (none:
/// required).
HISX_SDK_API long long query_integer(const Request& req, const std::string& field, long long min,
                                     long long max,
                                     std::optional<long long> fallback = std::nullopt);
/// A query value that must be one of `allowed`; `fallback` when absent (none: required).
HISX_SDK_API std::string query_enum(const Request& req, const std::string& field,
                                    const std::vector<std::string>& allowed,
                                    std::optional<std::string> fallback = std::nullopt);

}  // namespace hisx::sdk
