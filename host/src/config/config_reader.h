#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace hisx::host {

/// Typed, checked access to the configuration tree. Every failure is a ConfigError that
/// names the file, the dotted key, what was found and what is expected.
class ConfigReader {
 public:
  ConfigReader(YAML::Node root, std::string file, std::filesystem::path base_dir,
               std::set<std::string> overridden);

  /// The node at a dotted key (undefined node when absent).
  YAML::Node node(const std::string& key) const;
  bool has(const std::string& key) const;

  std::string str(const std::string& key, const std::string& fallback) const;
  std::string required_str(const std::string& key, const std::string& hint) const;
  long long integer(const std::string& key, long long fallback, long long min, long long max) const;
  bool boolean(const std::string& key, bool fallback) const;
  std::vector<std::string> list(const std::string& key) const;
  /// A path: relative to the config file's folder, or to the current folder when the key was
  /// given with -D.
  std::filesystem::path path(const std::string& key, const std::string& fallback) const;
  std::filesystem::path resolve(const std::string& key, const std::string& value) const;

  /// Refuses keys under `key` (a map, "" for the root) that are not in `allowed`.
  void only_keys(const std::string& key, const std::vector<std::string>& allowed) const;

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;
  const std::string& file() const { return file_; }

 private:
  std::string scalar(const std::string& key, const YAML::Node& n) const;

  YAML::Node root_;
  std::string file_;
  std::filesystem::path base_dir_;
  std::set<std::string> overridden_;
};

}  // namespace hisx::host
