#include "plugins/settings_validation.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.h"

namespace hisx::host {

namespace {

const char* type_name(sdk::SettingType t) {
  switch (t) {
    case sdk::SettingType::kString:
      return "a text value";
    case sdk::SettingType::kInteger:
      return "a whole number";
    case sdk::SettingType::kNumber:
      return "a number";
    case sdk::SettingType::kBoolean:
      return "true or false";
    case sdk::SettingType::kStringList:
      return "a list, e.g. [a, b]";
    case sdk::SettingType::kSecret:
      return "a secret given as {env: NAME} or {file: /path}";
  }
  return "a value";
}

bool valid_scalar(sdk::SettingType t, std::string& text) {
  try {
    std::size_t used = 0;
    switch (t) {
      case sdk::SettingType::kString:
        return true;
      case sdk::SettingType::kInteger:
        (void)std::stoll(text, &used);
        return used == text.size();
      case sdk::SettingType::kNumber:
        (void)std::stod(text, &used);
        return used == text.size();
      case sdk::SettingType::kBoolean:
        if (text == "yes" || text == "on") text = "true";
        if (text == "no" || text == "off") text = "false";
        return text == "true" || text == "false";
      case sdk::SettingType::kStringList:
      case sdk::SettingType::kSecret:
        return false;
    }
  } catch (const std::exception&) {
  }
  return false;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    auto b = item.find_first_not_of(' ');
    auto e = item.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

struct Secret {
  std::string value;
  std::string source;  // "environment variable NAME" or "file PATH"
};

// A secret setting `key`: {env: NAME} or {file: PATH} (relative to the configuration file's
// folder), never the value itself.
Secret read_secret(const std::string& file, const std::string& key, const YAML::Node& value) {
  if (!value.IsMap()) {
    throw ConfigError(file, key,
                      "secrets never go in the configuration file; name where the secret is: "
                      "{env: NAME} for an environment variable, or {file: /path} for a file "
                      "readable by the hisx user only");
  }
  const YAML::Node env = value["env"], path = value["file"];
  if (value.size() != 1 || (!env && !path)) {
    throw ConfigError(file, key, "expected exactly one of {env: NAME} or {file: /path}");
  }
  if (env) {
    const std::string name = env.as<std::string>();
    const char* text = std::getenv(name.c_str());
    if (text == nullptr) {
      throw ConfigError(file, key + ".env",
                        "the environment variable " + name +
                            " is not set; export it before "
                            "starting hisx");
    }
    return {text, "environment variable " + name};
  }
  std::filesystem::path where = path.as<std::string>();
  if (where.is_relative()) where = std::filesystem::path(file).parent_path() / where;
  std::ifstream in(where);
  if (!in) throw ConfigError(file, key + ".file", "cannot read " + where.string());
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return {line, "file " + where.string()};
}

}  // namespace

sdk::Settings validate_settings(const std::string& file, const std::string& plugin,
                                const YAML::Node& node,
                                const std::vector<sdk::SettingSpec>& specs) {
  const std::string prefix = "plugins.settings." + plugin;
  std::map<std::string, std::string> scalars;
  std::map<std::string, std::vector<std::string>> lists;
  std::map<std::string, std::string> secrets, secret_sources;
  const bool given = node.IsDefined() && !node.IsNull();
  if (given && !node.IsMap()) throw ConfigError(file, prefix, "expected a map of settings");
  if (given) {
    for (const auto& item : node) {
      const auto key = item.first.as<std::string>();
      bool declared = false;
      for (const auto& s : specs) declared = declared || s.key == key;
      if (!declared) {
        std::string names;
        for (const auto& s : specs) names += (names.empty() ? "" : ", ") + s.key;
        throw ConfigError(file, prefix + "." + key,
                          "plugin '" + plugin +
                              "' has no such setting (a typo?); its settings are: " +
                              (names.empty() ? std::string("none") : names));
      }
    }
  }
  for (const auto& spec : specs) {
    const std::string key = prefix + "." + spec.key;
    YAML::Node value = given ? node[spec.key] : YAML::Node();
    const bool present = value.IsDefined() && !value.IsNull();
    if (!present && spec.required) {
      throw ConfigError(file, key,
                        "missing; plugin '" + plugin + "' needs " + type_name(spec.type) + ": " +
                            spec.description);
    }
    if (spec.type == sdk::SettingType::kSecret) {
      secrets[spec.key] = "";
      if (!present) continue;
      Secret secret = read_secret(file, key, value);
      secrets[spec.key] = std::move(secret.value);
      secret_sources[spec.key] = std::move(secret.source);
      continue;
    }
    if (spec.type == sdk::SettingType::kStringList) {
      if (!present) {
        lists[spec.key] = split_commas(spec.default_value);
      } else if (value.IsSequence()) {
        for (const auto& v : value) {
          if (!v.IsScalar())
            throw ConfigError(file, key, std::string("expected ") + type_name(spec.type));
          lists[spec.key].push_back(v.Scalar());
        }
      } else if (value.IsScalar()) {
        lists[spec.key] = split_commas(value.Scalar());
      } else {
        throw ConfigError(file, key, std::string("expected ") + type_name(spec.type));
      }
      continue;
    }
    std::string text = spec.default_value;
    if (present) {
      if (!value.IsScalar())
        throw ConfigError(file, key, std::string("expected ") + type_name(spec.type));
      text = value.Scalar();
    }
    if ((present || !text.empty()) && !valid_scalar(spec.type, text)) {
      throw ConfigError(file, key,
                        std::string("expected ") + type_name(spec.type) + ", found '" + text +
                            "' (" + spec.description + ")");
    }
    scalars[spec.key] = text;
  }
  return sdk::Settings(std::move(scalars), std::move(lists), std::move(secrets),
                       std::move(secret_sources));
}

}  // namespace hisx::host
