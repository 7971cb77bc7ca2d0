#include "plugins/plugin_set.h"

#include <Poco/Logger.h>

#include <map>

#include "plugins/dependency_order.h"
#include "plugins/plugin_call.h"

namespace hisx::host {

PluginSet PluginSet::load(const std::vector<std::filesystem::path>& paths,
                          const std::vector<std::string>& enabled) {
  std::map<std::string, LoadedPlugin> by_name;
  std::map<std::string, std::vector<std::string>> requirements;
  for (const auto& name : enabled) {
    auto plugin = load_plugin(name, paths);
    requirements[name] = plugin.manifest.requires_plugins;
    by_name.emplace(name, std::move(plugin));
  }
  PluginSet set;
  for (const auto& name : dependency_order(enabled, requirements)) {
    set.plugins_.push_back(std::move(by_name.at(name)));
  }
  return set;
}

PluginSet::~PluginSet() { stop_all(); }

void PluginSet::start_all(
    const std::function<std::unique_ptr<sdk::Context>(LoadedPlugin&)>& make_context) {
  for (auto& plugin : plugins_) {
    std::string why;
    try {
      plugin.context = make_context(plugin);
      plugin.instance->start(*plugin.context);
      plugin.state = PluginState::kStarted;
      continue;
    } catch (const std::exception& e) {
      why = e.what();
    } catch (...) {
      why = "an exception that is not a std::exception";
    }
    plugin.state = PluginState::kFailed;
    plugin.error = why;
    stop_all();
    throw PluginError(plugin.name, "start() failed: " + why + "; check its settings under " +
                                       "plugins.settings." + plugin.name + " and the log above");
  }
}

void PluginSet::stop_all() {
  for (auto it = plugins_.rbegin(); it != plugins_.rend(); ++it) {
    if (it->state != PluginState::kStarted) continue;
    try {
      call_plugin(it->name, "stop()", [&] { it->instance->stop(); });
    } catch (const std::exception& e) {
      Poco::Logger::get("hisx.plugins").error(e.what());
    }
    it->state = PluginState::kStopped;
  }
}

}  // namespace hisx::host
