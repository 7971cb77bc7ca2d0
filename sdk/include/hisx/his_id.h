#pragma once

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "hisx/export.h"
#include "hisx/http.h"

namespace hisx::sdk {

/// An id the hospital's HIS gives a patient, department, clinic room, doctor, visit or charge:
/// opaque text, whatever the HIS uses ("7", "007", "K01", "bs.lan", a GUID). Plugins keep it
/// as text end to end (store columns VARCHAR(100), JSON strings, event payloads) and never
/// do arithmetic on it; hisx's own ids (bookings, slots, …) stay whole numbers. Since 2.0.
using HisId = std::string;

/// The longest HIS id hisx accepts and stores, in bytes. Since 2.0.
inline constexpr std::size_t kMaxHisIdLength = 100;

/// True when `text` can be a HIS id: 1 to kMaxHisIdLength bytes, no control characters.
/// Since 2.0.
HISX_SDK_API bool is_his_id(std::string_view text);

/// A HIS id in a JSON body: a JSON string, or a JSON whole number (clients of 2.0 send
/// numbers) turned into its decimal text. Required: a 422 naming the field when absent, null,
/// of another type, empty, longer than kMaxHisIdLength or holding control characters.
/// Since 2.0.
HISX_SDK_API HisId json_his_id(const Poco::JSON::Object::Ptr& body, const std::string& field);
/// As json_his_id(), but nothing when the field is absent or null. Since 2.0.
HISX_SDK_API std::optional<HisId> json_optional_his_id(const Poco::JSON::Object::Ptr& body,
                                                       const std::string& field);

/// A HIS id given as path or query text (422 naming `field` when it is not one). Since 2.0.
HISX_SDK_API HisId parse_his_id(const std::string& field, const std::string& text);
/// A required query value that is a HIS id. Since 2.0.
HISX_SDK_API HisId query_his_id(const Request& req, const std::string& field);
/// A query value that is a HIS id, or nothing when absent. Since 2.0.
HISX_SDK_API std::optional<HisId> query_optional_his_id(const Request& req,
                                                        const std::string& field);
/// A path parameter `{name}` that is a HIS id. Since 2.0.
HISX_SDK_API HisId path_his_id(const Request& req, const std::string& name);

}  // namespace hisx::sdk
