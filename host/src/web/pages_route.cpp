#include "web/pages_route.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <memory>

namespace hisx::host {

Poco::JSON::Array::Ptr pages_for_role(const std::vector<PluginPages>& plugins,
                                      const std::string& role) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& plugin : plugins) {
    for (const auto& page : plugin.pages) {
      if (std::find(page.roles.begin(), page.roles.end(), role) == page.roles.end()) continue;
      Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      item->set("plugin", plugin.plugin);
      item->set("path", "/" + plugin.plugin + "/" + page.path);
      item->set("title_vi", page.title_vi);
      item->set("title_en", page.title_en);
      list->add(item);
    }
  }
  return list;
}

void add_pages_route(RouteTable& routes, std::vector<PluginPages> plugins,
                     std::vector<std::string> roles) {
  auto shared = std::make_shared<const std::vector<PluginPages>>(std::move(plugins));
  sdk::Route route{"GET", "/api/v1/host/pages", std::move(roles),
                   [shared](sdk::Request& req, sdk::Response& res) {
                     res.json(pages_for_role(*shared, req.principal()->role));
                   },
                   "The staff pages of the enabled plugins that the caller's role may open"};
  route.response_schema =
      R"({"type":"array","items":{"type":"object","required":["plugin","path","title_vi","title_en"],)"
      R"("properties":{"plugin":{"type":"string"},"path":{"type":"string"},)"
      R"("title_vi":{"type":"string"},"title_en":{"type":"string"}}}})";
  routes.add("host", std::move(route));
}

}  // namespace hisx::host
