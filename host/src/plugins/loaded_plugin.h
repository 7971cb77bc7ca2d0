#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "db/statement_declarations.h"
#include "hisx/context.h"
#include "hisx/plugin.h"

namespace hisx::host {

/// Where a plugin is in its life.
enum class PluginState { kLoaded, kStarted, kFailed, kStopped };

/// "loaded", "started", "failed" or "stopped".
const char* to_string(PluginState state);

/// One plugin library loaded into the host and the plugin object it created. The library
/// itself is never unloaded while the process runs (see plugin_library.cpp).
struct LoadedPlugin {
  std::string name;
  std::filesystem::path path;
  sdk::AbiStamp stamp{};
  sdk::Manifest manifest;
  /// The HIS statements its manifest declares, resolved against the SDK catalogue.
  std::vector<DeclaredStatement> his_statements;
  std::unique_ptr<sdk::Plugin> instance;
  /// The HIS profile as it sees it (only its statements); created for start(), outlives context.
  std::unique_ptr<sdk::HisProfile> profile;
  std::unique_ptr<sdk::Context> context;  ///< Created for start(), kept until after stop().
  PluginState state = PluginState::kLoaded;
  std::string error;  ///< Why it failed, when state is kFailed.
};

/// Finds `<name>.so` in `paths`, checks its ABI stamp before anything else in it runs, calls
/// its factory and reads its manifest. Throws PluginError saying what was found, what was
/// expected and what to do.
LoadedPlugin load_plugin(const std::string& name, const std::vector<std::filesystem::path>& paths);

}  // namespace hisx::host
