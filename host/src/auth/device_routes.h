#pragma once

#include <functional>
#include <vector>

#include "auth/devices.h"
#include "hisx/manifest.h"
#include "http/route_table.h"

namespace hisx::host {

/// The device scopes the enabled plugins define, asked when a device is created.
using DeviceScopeList = std::function<std::vector<sdk::DeviceScope>()>;

/// Registers the device credential routes under the owner "host", for role admin:
/// - POST /api/v1/host/devices {"name", "scopes": [...]} → 201 {id, name, scopes, token}: the
///   token is shown this once (422 naming the field for a bad name or scope);
/// - GET /api/v1/host/devices → [{id, name, scopes, prefix, created_at, revoked_at,
///   last_seen_at}], newest first, never a token;
/// - DELETE /api/v1/host/devices/{id} → 204; 404 when there is no such valid credential;
/// - GET /api/v1/host/device-scopes → [{name, description, plugin}]: what a device may be given.
/// `devices` must outlive the routes.
void add_device_routes(RouteTable& routes, DeviceStore& devices, DeviceScopeList scopes);

}  // namespace hisx::host
