#pragma once

#include <filesystem>

namespace hisx::host {

class ConfigReader;

/// The `web` section of the configuration.
struct WebConfig {
  /// `web.root`: the staff shell's folder (login page, layout, translations), served at "/".
  std::filesystem::path root;
  /// True when `web.root` was given; a missing folder is then a configuration error rather
  /// than a warning.
  bool root_given = false;
};

/// Reads `web` (only the key `root`). Without `web.root`, the shell is `default_root`.
/// Throws ConfigError for unknown keys.
WebConfig read_web_config(const ConfigReader& reader, const std::filesystem::path& default_root);

/// Where a build or an installation keeps the shell: `<folder of the running program>/../web`
/// (build/bin/hisxd → build/web), or else `../share/hisx/web` when only that exists
/// (/usr/bin/hisxd → /usr/share/hisx/web). Empty when the program's path is unknown.
std::filesystem::path default_web_root();

}  // namespace hisx::host
