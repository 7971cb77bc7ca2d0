#include "http/plugin_router.h"

#include <utility>

namespace hisx::host {

PluginRouter::PluginRouter(RouteTable& table, std::string owner)
    : table_(table), owner_(std::move(owner)) {}

void PluginRouter::add(sdk::Route route) { table_.add(owner_, std::move(route)); }

}  // namespace hisx::host
