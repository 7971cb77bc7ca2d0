#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "http/route_table.h"

namespace hisx::host {

/// The OpenAPI 3.0.3 description of `routes` (as RouteTable::routes() lists them): one
/// operation per route with its summary, `{name}` path parameters, declared query parameters,
/// request and response schemas, the problem answers it can give, bearer security unless
/// public, `x-roles` (the roles admitted) and `x-owner` (the plugin, or "host"). `version`
/// is hisx's version, for `info.version`. A schema that is not a JSON object (RouteTable
/// refuses those, so only a hand-built route has one) is left out.
Poco::JSON::Object::Ptr openapi_document(const std::vector<RegisteredRoute>& routes,
                                         const std::string& version);

}  // namespace hisx::host
