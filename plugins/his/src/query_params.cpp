#include "query_params.h"

#include "hisx/problem.h"

namespace hisx::his {

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
    throw sdk::Problem::invalid(field, "'" + field + "' must be a whole number from " +
                                           std::to_string(min) + " to " + std::to_string(max) +
                                           " / '" + field + "' phải là số nguyên từ " +
                                           std::to_string(min) + " đến " + std::to_string(max));
  }
  return value;
}

long long integer_query(const sdk::Request& req, const std::string& field, long long fallback,
                        long long min, long long max) {
  auto text = req.query(field);
  return text ? parse_integer(field, *text, min, max) : fallback;
}

}  // namespace hisx::his
