#include "config/overrides.h"

#include <sstream>

#include "config/config.h"

namespace hisx::host {

namespace {

std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  std::stringstream in(key);
  std::string part;
  while (std::getline(in, part, '.')) parts.push_back(part);
  return parts;
}

YAML::Node parse_value(const std::string& value) {
  if (!value.empty() && (value.front() == '[' || value.front() == '{')) return YAML::Load(value);
  return YAML::Node(value);
}

}  // namespace

std::set<std::string> apply_overrides(YAML::Node& root, const std::vector<std::string>& overrides,
                                      const std::string& origin) {
  std::set<std::string> keys;
  for (const auto& item : overrides) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw ConfigError(origin, item,
                        "an override is written -D key=value, e.g. -D http.port=8081");
    }
    const std::string key = item.substr(0, eq);
    const auto parts = split_key(key);
    YAML::Node value;
    try {
      value = parse_value(item.substr(eq + 1));
    } catch (const YAML::Exception& e) {
      throw ConfigError(origin, key, "the value is not valid YAML: " + e.msg);
    }
    // yaml-cpp nodes are handles: walk with fresh handles so assignment does not alias.
    std::vector<YAML::Node> path{root};
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      YAML::Node child = path.back()[parts[i]];
      if (!child.IsDefined() || !child.IsMap()) {
        path.back()[parts[i]] = YAML::Node(YAML::NodeType::Map);
        child = path.back()[parts[i]];
      }
      path.push_back(child);
    }
    path.back()[parts.back()] = value;
    keys.insert(key);
  }
  return keys;
}

}  // namespace hisx::host
