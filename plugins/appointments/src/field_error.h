#pragma once

#include <optional>
#include <string>

namespace hisx::appointments {

/// What is wrong with an input, and which field: domain checks return it and routes turn
/// it into a 422 problem naming the field.
struct FieldError {
  std::string field;
  std::string detail;  ///< English / Vietnamese.
};

/// The result of a check: nothing when the input is good.
using FieldCheck = std::optional<FieldError>;

}  // namespace hisx::appointments
