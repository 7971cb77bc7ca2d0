#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// The outbox tables (owner "host_events"): hisx_host_outbox, hisx_host_event_subscribers,
/// hisx_host_event_deliveries and hisx_host_event_failures (1), the events' versions (2).
/// docs/events.md describes them.
std::vector<sdk::Migration> events_migrations();

}  // namespace hisx::host
