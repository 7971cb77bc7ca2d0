#include <boost/dll/shared_library.hpp>
#include <mutex>
#include <regex>
#include <vector>

#include "http/device_scope.h"
#include "plugins/abi_check.h"
#include "plugins/loaded_plugin.h"
#include "plugins/plugin_call.h"
#include "plugins/plugin_error.h"

namespace hisx::host {

const char* to_string(PluginState state) {
  switch (state) {
    case PluginState::kLoaded:
      return "loaded";
    case PluginState::kStarted:
      return "started";
    case PluginState::kFailed:
      return "failed";
    case PluginState::kStopped:
      return "stopped";
  }
  return "unknown";
}

namespace {

// Plugin libraries are never unloaded while the process runs: objects, deleters, type_info
// and exception objects created by a plugin point into its code. The handles live here until
// exit, deliberately never destroyed.
void keep_loaded(const boost::dll::shared_library& lib) {
  static std::mutex mutex;
  static auto* libraries = new std::vector<boost::dll::shared_library>();
  std::lock_guard lock(mutex);
  libraries->push_back(lib);
}

std::string list_paths(const std::vector<std::filesystem::path>& paths) {
  std::string out;
  for (const auto& p : paths) out += (out.empty() ? "" : ", ") + p.string();
  return out.empty() ? "(none configured)" : out;
}

}  // namespace

LoadedPlugin load_plugin(const std::string& name, const std::vector<std::filesystem::path>& paths) {
  static const std::regex valid_name("[a-z][a-z0-9_]*");
  if (!std::regex_match(name, valid_name)) {
    throw PluginError(name, "not a valid plugin name; names are lower-case letters, digits and _");
  }
  LoadedPlugin plugin;
  plugin.name = name;
  for (const auto& dir : paths) {
    auto candidate = dir / (name + ".so");
    if (std::filesystem::exists(candidate)) {
      plugin.path = candidate;
      break;
    }
  }
  if (plugin.path.empty()) {
    throw PluginError(name, "no " + name + ".so in plugins.paths [" + list_paths(paths) +
                                "]; build it, fix plugins.paths, or remove '" + name +
                                "' from plugins.enabled");
  }

  // rtld_now: a missing symbol is a refusal here, not a crash at the first call.
  boost::dll::shared_library lib;
  try {
    lib.load(plugin.path.string(),
             boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    throw PluginError(name, "cannot load " + plugin.path.string() + ": " + e.what() +
                                "; rebuild the plugin against this hisx");
  }
  if (!lib.has(sdk::kAbiStampSymbol)) {
    throw PluginError(name, plugin.path.string() + " is not a hisx plugin: it exports no " +
                                sdk::kAbiStampSymbol +
                                "; build it with hisx_add_plugin() and HISX_PLUGIN()");
  }
  const sdk::AbiStamp* stamp = lib.get<const sdk::AbiStamp*()>(sdk::kAbiStampSymbol)();
  if (stamp == nullptr) throw PluginError(name, plugin.path.string() + " returned no ABI stamp");
  if (auto why = abi_mismatch(*stamp, sdk::current_abi_stamp())) {
    throw PluginError(name, plugin.path.string() + " cannot run here: " + *why);
  }
  plugin.stamp = *stamp;
  if (!lib.has(sdk::kFactoryAlias)) {
    throw PluginError(name, plugin.path.string() + " has an ABI stamp but no factory " +
                                sdk::kFactoryAlias + "; declare the plugin with HISX_PLUGIN()");
  }
  keep_loaded(lib);
  auto& factory = lib.get_alias<std::unique_ptr<sdk::Plugin>()>(sdk::kFactoryAlias);
  plugin.instance = call_plugin(name, "its factory", [&] { return factory(); });
  if (!plugin.instance) throw PluginError(name, "its factory returned no plugin");
  plugin.manifest = call_plugin(name, "manifest()", [&] { return plugin.instance->manifest(); });
  if (plugin.manifest.name != name) {
    throw PluginError(name, plugin.path.string() + " declares itself as '" + plugin.manifest.name +
                                "'; the file name and the manifest name must agree");
  }
  if (plugin.manifest.version.empty()) {
    throw PluginError(name, "its manifest has no version");
  }
  for (const auto& scope : plugin.manifest.device_scopes) {
    if (!is_device_scope_of(name, scope.name)) {
      throw PluginError(name, "its manifest declares device scope '" + scope.name +
                                  "'; a device scope is '" + name + ".<name>' with [a-z0-9_.]");
    }
  }
  try {
    plugin.his_statements = declared_statements(plugin.manifest);
  } catch (const std::invalid_argument& e) {
    throw PluginError(name, std::string("its manifest is refused: ") + e.what());
  }
  return plugin;
}

}  // namespace hisx::host
