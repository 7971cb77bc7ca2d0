#pragma once

#include <map>
#include <string>
#include <vector>

#include "hisx/export.h"

namespace hisx::sdk {

/// Type of a plugin setting, checked by the host before the plugin starts.
enum class SettingType {
  kString,
  kInteger,
  kNumber,
  kBoolean,
  kStringList,
  /// A password, key or token: never in the configuration file itself, which may be read by
  /// many. The file names where it is, `{env: NAME}` (an environment variable) or
  /// `{file: /etc/hisx/secret}` (a file readable by the service user only); a plain value is
  /// refused. Read with Settings::secret(); listings and logs show where it came from, never
  /// the value. Since 2.0.
  kSecret,
};

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
  /// Built by the host from validated scalar values and lists, and the secrets with where
  /// each came from ("environment variable NAME", "file PATH").
  Settings(std::map<std::string, std::string> scalars,
           std::map<std::string, std::vector<std::string>> lists,
           std::map<std::string, std::string> secrets = {},
           std::map<std::string, std::string> secret_sources = {});

  bool has(const std::string& key) const;                       ///< Declared and present.
  std::string str(const std::string& key) const;                ///< String setting.
  long long integer(const std::string& key) const;              ///< Integer setting.
  double number(const std::string& key) const;                  ///< Number setting.
  bool boolean(const std::string& key) const;                   ///< Boolean setting.
  std::vector<std::string> list(const std::string& key) const;  ///< String list setting.
  /// Secret setting; "" when it is optional and not given. Since 2.0.
  std::string secret(const std::string& key) const;
  /// Every setting as text, for listings: lists joined with ", ", secrets replaced by where
  /// they come from ("secret, from environment variable FAST_LANE_KEY") or "secret, not set".
  /// Since 2.0.
  std::map<std::string, std::string> redacted() const;

 private:
  std::map<std::string, std::string> scalars_;
  std::map<std::string, std::vector<std::string>> lists_;
  std::map<std::string, std::string> secrets_;
  std::map<std::string, std::string> secret_sources_;
};

/// The text of scalar setting `key`, or the default `specs` declare for it when `settings`
/// lacks it: settings built by hand (in tests) may miss keys added later, whereas the host
/// always passes every declared key. "" for a key `specs` does not declare. Since 2.0.
HISX_SDK_API std::string str_or_declared(const Settings& settings,
                                         const std::vector<SettingSpec>& specs,
                                         const std::string& key);

/// The whole number of scalar setting `key` (str_or_declared()), checked to lie in [min, max].
/// Throws std::invalid_argument naming the key, the value and the range otherwise ("setting
/// code_ttl_hours: 'x' is not a whole number from 1 to 8760"), which the host reports naming
/// the plugin. Since 2.1.
HISX_SDK_API long long integer_between(const Settings& settings,
                                       const std::vector<SettingSpec>& specs,
                                       const std::string& key, long long min, long long max);

}  // namespace hisx::sdk
