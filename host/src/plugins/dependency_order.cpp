#include "plugins/dependency_order.h"

#include <set>

#include "plugins/plugin_error.h"

namespace hisx::host {

std::vector<std::string> dependency_order(
    const std::vector<std::string>& enabled,
    const std::map<std::string, std::vector<std::string>>& requires_plugins) {
  const std::set<std::string> known(enabled.begin(), enabled.end());
  for (const auto& name : enabled) {
    auto it = requires_plugins.find(name);
    if (it == requires_plugins.end()) continue;
    for (const auto& dep : it->second) {
      if (!known.count(dep)) {
        throw PluginError(name, "requires plugin '" + dep + "', which is not enabled; add '" + dep +
                                    "' to plugins.enabled, or remove '" + name + "' from it");
      }
    }
  }
  std::vector<std::string> order;
  std::set<std::string> placed;
  while (order.size() < enabled.size()) {
    bool progressed = false;
    for (const auto& name : enabled) {
      if (placed.count(name)) continue;
      bool ready = true;
      auto it = requires_plugins.find(name);
      if (it != requires_plugins.end()) {
        for (const auto& dep : it->second) ready = ready && placed.count(dep) > 0;
      }
      if (ready) {
        order.push_back(name);
        placed.insert(name);
        progressed = true;
      }
    }
    if (!progressed) {
      std::string cycle;
      for (const auto& name : enabled) {
        if (!placed.count(name)) cycle += (cycle.empty() ? "" : ", ") + name;
      }
      throw PluginError(cycle, "these plugins require each other in a cycle (" + cycle +
                                   "); no order can start them");
    }
  }
  return order;
}

}  // namespace hisx::host
