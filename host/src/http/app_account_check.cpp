#include "http/app_account_check.h"

#include "hisx/patient_access.h"
#include "hisx/roles.h"

namespace hisx::host {

void check_app_account(const sdk::Request& request, const std::string& route_owner,
                       const sdk::Services& services) {
  const sdk::Principal* who = request.principal();
  if (who == nullptr || who->role != sdk::roles::kApp) return;
  // The host's own routes (its plugin list, the staff pages) serve no patient's records.
  if (route_owner == "host") return;
  if (!services.find<sdk::PatientAccess>()) return;
  for (const auto& listing : services.list()) {
    if (listing.name == sdk::PatientAccess::kName && listing.provider == route_owner) return;
  }
  // The same check, and the same answer, as a plugin's own PatientScope::of().
  (void)sdk::PatientScope::of(request, services);
}

}  // namespace hisx::host
