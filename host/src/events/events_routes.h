#pragma once

#include "hisx/http.h"

namespace hisx::host {

class OutboxEventBus;

/// The host's event routes (docs/events.md), added through `router` (the host's own):
/// GET /api/v1/host/events (admin, manager): backlog, dead letters, subscribers, failures;
/// POST /api/v1/host/events/retry (admin) {"event_id", "subscriber"}: a failed or dead
/// delivery is due again. `bus` must outlive the routes.
void add_events_routes(sdk::Router& router, OutboxEventBus& bus);

}  // namespace hisx::host
