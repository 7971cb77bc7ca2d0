#pragma once

#include <string>

#include "hisx/http.h"
#include "hisx/services.h"

namespace hisx::host {

/// The host's half of "every app request names its app account" (SDK 2.1, PatientScope):
/// while an enabled plugin publishes sdk::PatientAccess (app_link), a request of role `app`
/// to a route of any other plugin must carry a valid X-App-Account header; otherwise this
/// throws Problem 400 "app-account-required" naming the header, before the handler runs or
/// the body is read. The provider's own routes are left to it: they take the account in their
/// path or body (a claim, an account's links) and check the header themselves; the host's own
/// routes (owner "host": its plugin list, the staff pages) serve no patient's records. Without a
/// provider, and for every other role, it does nothing.
void check_app_account(const sdk::Request& request, const std::string& route_owner,
                       const sdk::Services& services);

}  // namespace hisx::host
