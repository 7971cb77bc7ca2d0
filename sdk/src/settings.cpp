#include "hisx/settings.h"

#include <optional>
#include <stdexcept>

namespace hisx::sdk {

Settings::Settings(std::map<std::string, std::string> scalars,
                   std::map<std::string, std::vector<std::string>> lists,
                   std::map<std::string, std::string> secrets,
                   std::map<std::string, std::string> secret_sources)
    : scalars_(std::move(scalars)),
      lists_(std::move(lists)),
      secrets_(std::move(secrets)),
      secret_sources_(std::move(secret_sources)) {}

bool Settings::has(const std::string& key) const {
  return scalars_.count(key) > 0 || lists_.count(key) > 0 || secrets_.count(key) > 0;
}

std::string Settings::secret(const std::string& key) const {
  auto it = secrets_.find(key);
  if (it == secrets_.end()) throw std::out_of_range("no secret setting '" + key + "'");
  return it->second;
}

std::map<std::string, std::string> Settings::redacted() const {
  std::map<std::string, std::string> out = scalars_;
  for (const auto& [key, items] : lists_) {
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
    out[key] = joined;
  }
  for (const auto& [key, value] : secrets_) {
    auto source = secret_sources_.find(key);
    out[key] = source == secret_sources_.end() || value.empty() ? "secret, not set"
                                                                : "secret, from " + source->second;
  }
  return out;
}

std::string Settings::str(const std::string& key) const {
  auto it = scalars_.find(key);
  if (it == scalars_.end()) throw std::out_of_range("no setting '" + key + "'");
  return it->second;
}

long long Settings::integer(const std::string& key) const { return std::stoll(str(key)); }

double Settings::number(const std::string& key) const { return std::stod(str(key)); }

bool Settings::boolean(const std::string& key) const { return str(key) == "true"; }

std::vector<std::string> Settings::list(const std::string& key) const {
  auto it = lists_.find(key);
  if (it == lists_.end()) throw std::out_of_range("no list setting '" + key + "'");
  return it->second;
}

std::string str_or_declared(const Settings& settings, const std::vector<SettingSpec>& specs,
                            const std::string& key) {
  if (settings.has(key)) return settings.str(key);
  for (const auto& spec : specs) {
    if (spec.key == key) return spec.default_value;
  }
  return {};
}

long long integer_between(const Settings& settings, const std::vector<SettingSpec>& specs,
                          const std::string& key, long long min, long long max) {
  const std::string text = str_or_declared(settings, specs, key);
  std::optional<long long> value;
  try {
    std::size_t used = 0;
    const long long v = std::stoll(text, &used);
    if (used == text.size()) value = v;
  } catch (const std::exception&) {
  }
  if (!value || *value < min || *value > max) {
    throw std::invalid_argument("setting " + key + ": '" + text + "' is not a whole number from " +
                                std::to_string(min) + " to " + std::to_string(max));
  }
  return *value;
}

}  // namespace hisx::sdk
