#include "config/config_reader.h"

#include <sstream>

#include "config/config.h"

namespace hisx::host {

ConfigReader::ConfigReader(YAML::Node root, std::string file, std::filesystem::path base_dir,
                           std::set<std::string> overridden)
    : root_(std::move(root)),
      file_(std::move(file)),
      base_dir_(std::move(base_dir)),
      overridden_(std::move(overridden)) {}

YAML::Node ConfigReader::node(const std::string& key) const {
  std::vector<YAML::Node> path{YAML::Clone(root_)};
  std::stringstream in(key);
  std::string part;
  while (std::getline(in, part, '.')) {
    const YAML::Node& current = path.back();
    if (!current.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    YAML::Node child = current[part];
    if (!child.IsDefined()) return YAML::Node(YAML::NodeType::Undefined);
    path.push_back(child);
  }
  return path.back();
}

bool ConfigReader::has(const std::string& key) const {
  auto n = node(key);
  return n.IsDefined() && !n.IsNull();
}

void ConfigReader::fail(const std::string& key, const std::string& problem) const {
  throw ConfigError(file_, key, problem);
}

std::string ConfigReader::scalar(const std::string& key, const YAML::Node& n) const {
  if (!n.IsScalar()) fail(key, "expected a single value, found a list or a map");
  return n.Scalar();
}

std::string ConfigReader::str(const std::string& key, const std::string& fallback) const {
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) return fallback;
  return scalar(key, n);
}

std::string ConfigReader::required_str(const std::string& key, const std::string& hint) const {
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull() || scalar(key, n).empty()) fail(key, "missing; " + hint);
  return scalar(key, n);
}

long long ConfigReader::integer(const std::string& key, long long fallback, long long min,
                                long long max) const {
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) return fallback;
  const std::string text = scalar(key, n);
  long long value = 0;
  std::size_t used = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < min || value > max) {
    fail(key, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                  ", found '" + text + "'");
  }
  return value;
}

bool ConfigReader::boolean(const std::string& key, bool fallback) const {
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) return fallback;
  const std::string text = scalar(key, n);
  if (text == "true" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "no" || text == "off") return false;
  fail(key, "expected true or false, found '" + text + "'");
}

std::vector<std::string> ConfigReader::list(const std::string& key) const {
  auto n = node(key);
  std::vector<std::string> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (n.IsScalar()) {  // `-D plugins.enabled=a` or a single value: a list of one.
    if (!n.Scalar().empty()) out.push_back(n.Scalar());
    return out;
  }
  if (!n.IsSequence()) fail(key, "expected a list, e.g. [a, b]");
  for (std::size_t i = 0; i < n.size(); ++i) {
    out.push_back(scalar(key + "[" + std::to_string(i) + "]", n[i]));
  }
  return out;
}

std::filesystem::path ConfigReader::resolve(const std::string& key,
                                            const std::string& value) const {
  std::filesystem::path p(value);
  if (p.is_absolute()) return p.lexically_normal();
  bool from_cli = false;
  for (const auto& o : overridden_) {
    if (key == o || key.rfind(o + ".", 0) == 0 || key.rfind(o + "[", 0) == 0) from_cli = true;
  }
  const auto base = from_cli ? std::filesystem::current_path() : base_dir_;
  return (base / p).lexically_normal();
}

std::filesystem::path ConfigReader::path(const std::string& key,
                                         const std::string& fallback) const {
  const std::string value = str(key, fallback);
  if (value.empty()) return {};
  return resolve(key, value);
}

void ConfigReader::only_keys(const std::string& key,
                             const std::vector<std::string>& allowed) const {
  auto n = key.empty() ? root_ : node(key);
  if (!n.IsDefined() || n.IsNull()) return;
  if (!n.IsMap()) fail(key, "expected a map of settings");
  for (const auto& item : n) {
    const std::string name = item.first.as<std::string>();
    bool known = false;
    for (const auto& a : allowed) known = known || a == name;
    if (!known) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      fail(key.empty() ? name : key + "." + name,
           "unknown setting (a typo?); the settings here are: " + list);
    }
  }
}

}  // namespace hisx::host
