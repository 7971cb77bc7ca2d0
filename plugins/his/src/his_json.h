#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <vector>

#include "hisx/his_profile.h"

namespace hisx::his {

/// A profile row as a JSON object keyed by the SDK's column names (NULL → null). HIS ids
/// ("id" and "…_id" columns) are JSON strings, whether the HIS keeps numbers or codes.
Poco::JSON::Object::Ptr to_json(const sdk::HisRow& row);

/// `{"items": [...], "count": N}` for a list of rows.
Poco::JSON::Object::Ptr to_json_list(const std::vector<sdk::HisRow>& rows);

}  // namespace hisx::his
