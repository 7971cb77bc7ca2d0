#include "openapi/openapi_routes.h"

#include "http/route_table.h"
#include "openapi/openapi_document.h"

namespace hisx::host {

void add_openapi_routes(RouteTable& routes, std::string version) {
  sdk::Route route{"GET",
                   "/api/openapi.json",
                   {},
                   [&routes, version](sdk::Request&, sdk::Response& res) {
                     res.json(openapi_document(routes.routes(), version));
                   },
                   "This API description (OpenAPI 3.0.3)"};
  // The description shows what exists, never data: clients and code generators fetch it
  // before they hold a key.
  route.is_public = true;
  routes.add("host", std::move(route));
}

}  // namespace hisx::host
