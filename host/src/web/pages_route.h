#pragma once

#include <Poco/JSON/Array.h>

#include <string>
#include <vector>

#include "hisx/manifest.h"
#include "http/route_table.h"

namespace hisx::host {

/// The staff pages one enabled plugin declares in its manifest.
struct PluginPages {
  std::string plugin;            ///< The plugin's name: its pages are served at /<plugin>/….
  std::vector<sdk::Page> pages;  ///< In declaration order.
};

/// The pages `role` may open, plugin by plugin in the given order:
/// [{"plugin","path":"/<plugin>/<file>","title_vi","title_en"}].
Poco::JSON::Array::Ptr pages_for_role(const std::vector<PluginPages>& plugins,
                                      const std::string& role);

/// Registers GET /api/v1/host/pages for every role in `roles` (any authenticated caller): the
/// shell's navigation, pages_for_role() of the caller's role.
void add_pages_route(RouteTable& routes, std::vector<PluginPages> plugins,
                     std::vector<std::string> roles);

}  // namespace hisx::host
