#pragma once

#include <exception>
#include <string>

#include "plugins/plugin_error.h"

namespace hisx::host {

/// Calls into a plugin, turning any exception (of any type) into a PluginError naming the
/// plugin and the call: no exception crosses the plugin boundary unannotated.
template <class F>
auto call_plugin(const std::string& plugin, const std::string& what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const PluginError&) {
    throw;
  } catch (const std::exception& e) {
    throw PluginError(plugin, what + " failed: " + e.what());
  } catch (...) {
    throw PluginError(plugin, what + " failed with an exception that is not a std::exception");
  }
}

}  // namespace hisx::host
