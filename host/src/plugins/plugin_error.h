#pragma once

#include <stdexcept>
#include <string>

namespace hisx::host {

/// A plugin that cannot be loaded or started. The message names the plugin, what was found,
/// what was expected and what to do; start-up stops with it.
class PluginError : public std::runtime_error {
 public:
  PluginError(std::string plugin, const std::string& message)
      : std::runtime_error("plugin '" + plugin + "': " + message), plugin_(std::move(plugin)) {}
  const std::string& plugin() const { return plugin_; }

 private:
  std::string plugin_;
};

}  // namespace hisx::host
