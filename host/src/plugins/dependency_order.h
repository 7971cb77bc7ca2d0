#pragma once

#include <map>
#include <string>
#include <vector>

namespace hisx::host {

/// Orders plugins so that each comes after the plugins it requires; ties keep the order of
/// `enabled`. Throws PluginError for a requirement that is not enabled (naming both plugins)
/// and for a cycle (naming its members).
std::vector<std::string> dependency_order(
    const std::vector<std::string>& enabled,
    const std::map<std::string, std::vector<std::string>>& requires_plugins);

}  // namespace hisx::host
