#include "hisx/roles.h"
#include "routes.h"

namespace hisx::fast_lane {

std::vector<std::string> cashier_roles() {
  return {std::string(sdk::roles::kCashier), kCashierLead, std::string(sdk::roles::kAdmin)};
}

std::vector<std::string> lead_roles() { return {kCashierLead, std::string(sdk::roles::kAdmin)}; }

std::vector<std::string> ticket_roles() {
  auto roles = cashier_roles();
  roles.emplace_back(sdk::roles::kReceptionist);
  return roles;
}

std::vector<std::string> viewer_roles() {
  std::vector<std::string> roles(sdk::roles::kStaff.begin(), sdk::roles::kStaff.end());
  roles.emplace_back(kCashierLead);
  return roles;
}

}  // namespace hisx::fast_lane
