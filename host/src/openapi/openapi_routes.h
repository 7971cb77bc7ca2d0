#pragma once

#include <string>

namespace hisx::host {

class RouteTable;

/// Registers GET /api/openapi.json (public): openapi_document() of every route in `routes`
/// at the time of the request. `routes` must outlive the route; `version` is hisx's.
void add_openapi_routes(RouteTable& routes, std::string version);

}  // namespace hisx::host
