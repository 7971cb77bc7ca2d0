#pragma once

namespace hisx::host {

class Host;

/// Registers the host's own routes: GET /healthz, GET /readyz (databases reachable),
/// GET /api/v1/host/plugins and GET /api/v1/host/routes (admin: every route and its roles).
void add_host_routes(Host& host);

}  // namespace hisx::host
