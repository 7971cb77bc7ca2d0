#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "http/route_table.h"
#include "plugins/plugin_set.h"
#include "web/static_site.h"

namespace hisx::host {

class ConfigReader;

/// Where hisx_add_plugin(… WEB <dir>) puts a plugin's pages: `<name>.web/` next to its
/// library.
std::filesystem::path plugin_web_folder(const LoadedPlugin& plugin);

/// The staff web of a host: reads the `web` section, mounts the shell at "/" and each loaded
/// plugin's web folder at "/<plugin>/", and registers GET /api/v1/host/pages for `roles`.
/// A missing shell folder is a ConfigError when `web.root` was given and a logged warning
/// otherwise (the API is served either way); so is nothing else: a declared page without its
/// file, or a plugin that hides a folder of the shell, is logged.
std::unique_ptr<StaticSite> open_staff_web(const ConfigReader& config, const PluginSet& plugins,
                                           RouteTable& routes, std::vector<std::string> roles);

}  // namespace hisx::host
