#include "config/config.h"

namespace hisx::host {

ConfigError::ConfigError(const std::string& file, const std::string& key,
                         const std::string& problem)
    : std::runtime_error(file + ": " + (key.empty() ? std::string() : key + ": ") + problem),
      file_(file),
      key_(key) {}

}  // namespace hisx::host
