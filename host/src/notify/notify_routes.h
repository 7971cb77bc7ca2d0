#pragma once

#include <vector>

#include "hisx/database.h"
#include "hisx/http.h"
#include "notify/notification_service.h"

namespace hisx::host {

/// The host's notification routes (admin only), for the caller to register with owner
/// "host":
/// - GET  /api/v1/host/notifications/{id}: one message's state, attempts, last error;
/// - GET  /api/v1/host/notifications?state=&channel=&limit=: recent messages, newest first;
/// - POST /api/v1/host/notifications/test {channel, to, text?, subject?}: queues a test
///   message through the same outbox (202 with its id).
/// The text and data of a message are not shown: they may hold patient data.
std::vector<sdk::Route> notify_routes(NotificationService& service, sdk::Database& store);

}  // namespace hisx::host
