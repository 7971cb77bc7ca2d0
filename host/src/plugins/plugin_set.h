#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "plugins/loaded_plugin.h"

namespace hisx::host {

/// The enabled plugins, loaded and in dependency order.
class PluginSet {
 public:
  /// Loads every plugin of `enabled` from `paths` and orders them by their requirements.
  /// Throws PluginError at the first plugin that cannot be loaded.
  static PluginSet load(const std::vector<std::filesystem::path>& paths,
                        const std::vector<std::string>& enabled);

  PluginSet() = default;
  PluginSet(PluginSet&&) = default;
  PluginSet& operator=(PluginSet&&) = default;
  ~PluginSet();

  /// In start order.
  std::vector<LoadedPlugin>& plugins() { return plugins_; }
  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }

  /// Starts each plugin in order with the context `make_context` builds for it. When one
  /// throws, the ones already started are stopped in reverse order and a PluginError naming
  /// it is thrown.
  void start_all(const std::function<std::unique_ptr<sdk::Context>(LoadedPlugin&)>& make_context);

  /// Stops the started plugins in reverse order; errors are logged, never thrown.
  void stop_all();

 private:
  std::vector<LoadedPlugin> plugins_;
};

}  // namespace hisx::host
