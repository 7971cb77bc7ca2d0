#pragma once

#include <string>

#include "hisx/http.h"

namespace hisx::his {

/// The integer query or path value `text` of parameter `field`, within [min, max]; throws a
/// 422 Problem naming the field otherwise.
long long parse_integer(const std::string& field, const std::string& text, long long min,
                        long long max);

/// Query parameter `field` as an integer, `fallback` when absent.
long long integer_query(const sdk::Request& req, const std::string& field, long long fallback,
                        long long min, long long max);

}  // namespace hisx::his
