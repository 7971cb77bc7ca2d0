#pragma once

#include <filesystem>

namespace hisx::host {

/// The configuration file to read when none is given with --config: $HISX_CONFIG, else
/// config/hisx.yaml in the current folder, else the source tree's config/hisx.yaml that this
/// binary was built from (so build/bin/hisxd works from anywhere in a checkout).
std::filesystem::path default_config_file();

}  // namespace hisx::host
