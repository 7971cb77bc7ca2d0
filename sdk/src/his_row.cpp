#include <stdexcept>

#include "hisx/his_profile.h"

namespace hisx::sdk {

HisRow::HisRow(std::vector<std::string> columns, std::vector<Poco::Dynamic::Var> values)
    : columns_(std::move(columns)), values_(std::move(values)) {}

const Poco::Dynamic::Var& HisRow::at(const std::string& column) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == column) return values_[i];
  }
  throw std::out_of_range("HIS row has no column '" + column + "'");
}

std::string HisRow::text(const std::string& column, const std::string& fallback) const {
  const auto& v = at(column);
  return v.isEmpty() ? fallback : v.convert<std::string>();
}

}  // namespace hisx::sdk
