#pragma once

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

namespace hisx::host {

/// Applies `key=value` overrides (dotted keys) to `root`, creating maps as needed.
/// A value written `[a, b]` or `{k: v}` is parsed as YAML; anything else is a plain string
/// (so connection strings and paths stay as typed). Returns the keys that were set.
/// Throws ConfigError naming `origin` for an override without '=' or an empty key.
std::set<std::string> apply_overrides(YAML::Node& root, const std::vector<std::string>& overrides,
                                      const std::string& origin);

}  // namespace hisx::host
