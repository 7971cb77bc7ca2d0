#pragma once

#include <string>
#include <vector>

#include "hisx/his_statements.h"
#include "hisx/settings.h"

namespace hisx::sdk {

/// A staff web page of a plugin, listed in the shell's navigation for the roles that may
/// open it. The file lives in the plugin's `web/` folder and is served at `/<plugin>/<path>`.
struct Page {
  std::string path;                ///< Relative to the plugin's web folder, e.g. "worklist.html".
  std::string title_vi;            ///< Navigation title in Vietnamese.
  std::string title_en;            ///< Navigation title in English.
  std::vector<std::string> roles;  ///< Roles shown the page (its API routes check again).
};

/// A device scope a plugin defines: what a device credential (a waiting-room board, a ticket
/// kiosk) holding it may reach, namely the plugin's routes that name it in
/// Route::device_scopes. Since 2.0.
struct DeviceScope {
  std::string name;         ///< "<plugin>.<name>", [a-z0-9_.]: e.g. "fast_lane.board".
  std::string description;  ///< One line, Vietnamese then English, shown to administrators.
};

/// What a plugin declares about itself. The host reads it after the ABI check and before
/// start(): dependencies are ordered, HIS profile statements checked, settings validated.
struct Manifest {
  std::string name;                           ///< Unique, [a-z0-9_]+, used in URLs and tables.
  std::string version;                        ///< The plugin's own version, e.g. "1.2.0".
  std::string description;                    ///< One line for listings.
  std::vector<std::string> requires_plugins;  ///< Plugins that must be enabled and start first.
  /// HIS profile statements it cannot work without: standard ones (hisx/his_statements.h) or
  /// its own from his_statement_specs. The host refuses to start when one is missing from the
  /// profile or does not fit the HIS, and refuses to run a statement not declared here or in
  /// optional_his_statements.
  std::vector<std::string> his_statements;
  std::vector<std::string> roles;     ///< Roles it defines beyond the built-in ones.
  std::vector<SettingSpec> settings;  ///< Settings it accepts.
  std::vector<Page> pages{};          ///< Staff pages in its web/ folder.
  /// Device scopes it defines; its routes may name only these. Since 2.0.
  std::vector<DeviceScope> device_scopes{};
  /// Statements it uses only when the profile defines them (HisProfile::has()), such as
  /// `visit.register`: checked like the required ones when defined. Since 2.0.
  std::vector<std::string> optional_his_statements{};
  /// Its own statements beyond the standard catalogue, named "<plugin>.<what>", listed by name
  /// in his_statements or optional_his_statements. Since 2.0.
  std::vector<StatementSpec> his_statement_specs{};
};

}  // namespace hisx::sdk
