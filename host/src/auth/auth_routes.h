#pragma once

#include <string>
#include <vector>

#include "auth/accounts.h"
#include "http/route_table.h"

namespace hisx::host {

/// Registers the staff session routes under the owner "host":
/// - POST /api/v1/auth/login (public): {"username","password"} → {"token","expires_at",
///   "expires_in","user"};
///   401 for wrong credentials, 429 with Retry-After after too many failures.
/// - POST /api/v1/auth/logout (every role in `roles`): ends the caller's session (204); 400 for
///   an API key, which has no session.
/// - GET /api/v1/auth/me (every role in `roles`): {id, username, display_name, role, kind}.
/// `accounts` must outlive the routes.
void add_auth_routes(RouteTable& routes, Accounts& accounts, const std::vector<std::string>& roles);

}  // namespace hisx::host
