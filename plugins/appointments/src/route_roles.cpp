#include "channels.h"
#include "hisx/roles.h"
#include "routes.h"

namespace hisx::appointments {

std::vector<std::string> reader_roles() {
  std::vector<std::string> roles(sdk::roles::kStaff.begin(), sdk::roles::kStaff.end());
  roles.emplace_back(sdk::roles::kApp);
  roles.emplace_back(kWebsiteRole);
  return roles;
}

std::vector<std::string> booking_roles() {
  namespace r = sdk::roles;
  return {std::string(r::kApp),        std::string(kWebsiteRole), std::string(r::kReceptionist),
          std::string(r::kCallCenter), std::string(r::kDoctor),   std::string(r::kAdmin)};
}

}  // namespace hisx::appointments
