#pragma once

namespace hisx::host {

class MetricsRegistry;
class RouteTable;

/// Registers GET /metrics (public: see docs/metrics.md), the registry in the Prometheus text
/// format. `registry` must outlive the routes.
void add_metrics_routes(RouteTable& routes, MetricsRegistry& registry);

}  // namespace hisx::host
