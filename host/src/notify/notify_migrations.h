#pragma once

#include <vector>

#include "hisx/migration.h"

namespace hisx::host {

/// The notification outbox `hisx_host_notifications` (owner "host_notify").
std::vector<sdk::Migration> notify_migrations();

}  // namespace hisx::host
