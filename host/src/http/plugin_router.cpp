#include "http/plugin_router.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace hisx::host {

PluginRouter::PluginRouter(RouteTable& table, std::string owner,
                           std::vector<std::string> device_scopes)
    : table_(table), owner_(std::move(owner)), device_scopes_(std::move(device_scopes)) {}

void PluginRouter::add(sdk::Route route) {
  for (const auto& scope : route.device_scopes) {
    if (std::find(device_scopes_.begin(), device_scopes_.end(), scope) == device_scopes_.end()) {
      throw std::invalid_argument("Route " + route.method + " " + route.pattern + " (from '" +
                                  owner_ + "') names device scope '" + scope +
                                  "', which its manifest does not declare (device_scopes)");
    }
  }
  table_.add(owner_, std::move(route));
}

}  // namespace hisx::host
