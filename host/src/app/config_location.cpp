#include "app/config_location.h"

#include <cstdlib>

namespace hisx::host {

std::filesystem::path default_config_file() {
  if (const char* env = std::getenv("HISX_CONFIG"); env != nullptr && *env != '\0') return env;
  if (std::filesystem::exists("config/hisx.yaml")) return "config/hisx.yaml";
  return HISX_SOURCE_CONFIG;
}

}  // namespace hisx::host
