#include "hisx/settings.h"

#include <stdexcept>

namespace hisx::sdk {

Settings::Settings(std::map<std::string, std::string> scalars,
                   std::map<std::string, std::vector<std::string>> lists)
    : scalars_(std::move(scalars)), lists_(std::move(lists)) {}

bool Settings::has(const std::string& key) const {
  return scalars_.count(key) > 0 || lists_.count(key) > 0;
}

std::string Settings::str(const std::string& key) const {
  auto it = scalars_.find(key);
  if (it == scalars_.end()) throw std::out_of_range("no setting '" + key + "'");
  return it->second;
}

long long Settings::integer(const std::string& key) const { return std::stoll(str(key)); }

double Settings::number(const std::string& key) const { return std::stod(str(key)); }

bool Settings::boolean(const std::string& key) const { return str(key) == "true"; }

std::vector<std::string> Settings::list(const std::string& key) const {
  auto it = lists_.find(key);
  if (it == lists_.end()) throw std::out_of_range("no list setting '" + key + "'");
  return it->second;
}

}  // namespace hisx::sdk
