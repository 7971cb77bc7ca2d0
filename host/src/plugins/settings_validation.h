#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "hisx/settings.h"

namespace hisx::host {

/// Checks `node` (`plugins.settings.<plugin>`, possibly undefined) against the plugin's
/// declared settings and returns them typed and defaulted. Throws ConfigError naming
/// `file` and the key `plugins.settings.<plugin>.<key>` for a missing required key, a value of
/// the wrong type, or a key the plugin does not declare.
sdk::Settings validate_settings(const std::string& file, const std::string& plugin,
                                const YAML::Node& node, const std::vector<sdk::SettingSpec>& specs);

}  // namespace hisx::host
