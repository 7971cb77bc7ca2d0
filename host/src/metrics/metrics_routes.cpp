#include "metrics/metrics_routes.h"

#include "http/route_table.h"
#include "metrics/exposition_text.h"
#include "metrics/metrics_registry.h"

namespace hisx::host {

void add_metrics_routes(RouteTable& routes, MetricsRegistry& registry) {
  sdk::Route route{"GET",
                   "/metrics",
                   {},
                   [&registry](sdk::Request&, sdk::Response& res) {
                     res.body(registry.expose(), kExpositionContentType);
                   },
                   "Metrics in the Prometheus text format 0.0.4"};
  // Prometheus scrapes without credentials; the text holds counts and route patterns, no
  // personal data. Keep it off the public network (docs/metrics.md).
  route.is_public = true;
  routes.add("host", std::move(route));
}

}  // namespace hisx::host
