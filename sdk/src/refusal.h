#pragma once

#include <string>

namespace hisx::sdk {

/// Throws the 422 Problem of a request value: "'field' <english> / 'field' <vietnamese>",
/// naming the field. Shared by the request value readers (request_values.cpp, his_id.cpp).
[[noreturn]] void refuse(const std::string& field, const std::string& english,
                         const std::string& vietnamese);

}  // namespace hisx::sdk
