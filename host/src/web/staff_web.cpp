#include "web/staff_web.h"

#include <Poco/Logger.h>

#include "config/config.h"
#include "config/config_reader.h"
#include "web/pages_route.h"
#include "web/web_config.h"

namespace hisx::host {

namespace {

namespace fs = std::filesystem;

Poco::Logger& web_log() { return Poco::Logger::get("hisx.web"); }

bool is_folder(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

void mount_shell(StaticSite& site, const WebConfig& web, const ConfigReader& config) {
  if (!web.root.empty() && is_folder(web.root)) {
    site.mount("/", web.root);
    return;
  }
  if (web.root_given) {
    config.fail("web.root", "the staff shell folder " + web.root.string() +
                                " does not exist (build the `runtime` target, which copies "
                                "host/web there, or fix the path)");
  }
  web_log().warning(
      "The staff shell is not at %s (build the `runtime` target, or set web.root); the login "
      "page and navigation are not served",
      web.root.string());
}

void mount_plugin(StaticSite& site, const LoadedPlugin& plugin, const WebConfig& web) {
  const fs::path folder = plugin_web_folder(plugin);
  if (!is_folder(folder)) {
    if (!plugin.manifest.pages.empty()) {
      web_log().warning("Plugin '%s' declares %z page(s) but has no web folder at %s", plugin.name,
                        plugin.manifest.pages.size(), folder.string());
    }
    return;
  }
  if (is_folder(web.root / plugin.name)) {
    web_log().warning("Plugin '%s' hides the shell's folder %s: /%s/ serves the plugin's pages",
                      plugin.name, (web.root / plugin.name).string(), plugin.name);
  }
  site.mount("/" + plugin.name + "/", folder);
  for (const auto& page : plugin.manifest.pages) {
    std::error_code ec;
    if (!fs::is_regular_file(folder / page.path, ec)) {
      web_log().warning("Plugin '%s' declares page %s, which is not in %s", plugin.name, page.path,
                        folder.string());
    }
  }
}

}  // namespace

fs::path plugin_web_folder(const LoadedPlugin& plugin) {
  return plugin.path.parent_path() / (plugin.name + ".web");
}

std::unique_ptr<StaticSite> open_staff_web(const ConfigReader& config, const PluginSet& plugins,
                                           RouteTable& routes, std::vector<std::string> roles) {
  const WebConfig web = read_web_config(config, default_web_root());
  auto site = std::make_unique<StaticSite>();
  mount_shell(*site, web, config);
  std::vector<PluginPages> pages;
  for (const auto& plugin : plugins.plugins()) {
    mount_plugin(*site, plugin, web);
    pages.push_back({plugin.name, plugin.manifest.pages});
  }
  add_pages_route(routes, std::move(pages), std::move(roles));
  for (const auto& m : site->mounts()) {
    web_log().information("Staff pages: %s from %s", m.prefix, m.folder.string());
  }
  return site;
}

}  // namespace hisx::host
