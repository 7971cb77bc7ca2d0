#pragma once

#include <map>
#include <string>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// Type of a plugin setting, checked by the host before the plugin starts.
enum class SettingType { kString, kInteger, kNumber, kBoolean, kStringList };

/// One setting a plugin accepts under `plugins.settings.<plugin>` in the configuration.
struct SettingSpec {
  std::string key;                          ///< Key under the plugin's settings map.
  SettingType type = SettingType::kString;  ///< Expected type.
  bool required = false;                    ///< Start-up is refused when a required key is missing.
  std::string default_value;                ///< Used when absent (list: comma-separated).
  std::string description;                  ///< Shown in configuration errors and docs.
};

/// A plugin's validated settings. Every key the manifest declares is present (given or
/// defaulted) with a value of its declared type; unknown keys were refused at start-up.
class HISX_SDK_API Settings {
 public:
  Settings() = default;
  /// Built by the host from validated scalar values and lists.
  Settings(std::map<std::string, std::string> scalars,
           std::map<std::string, std::vector<std::string>> lists);

  bool has(const std::string& key) const;                       ///< Declared and present.
  std::string str(const std::string& key) const;                ///< String setting.
  long long integer(const std::string& key) const;              ///< Integer setting.
  double number(const std::string& key) const;                  ///< Number setting.
  bool boolean(const std::string& key) const;                   ///< Boolean setting.
  std::vector<std::string> list(const std::string& key) const;  ///< String list setting.

 private:
  std::map<std::string, std::string> scalars_;
  std::map<std::string, std::vector<std::string>> lists_;
};

}  // namespace hisx::sdk
