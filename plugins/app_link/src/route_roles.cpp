#include "hisx/roles.h"
#include "routes.h"

namespace hisx::app_link {

std::vector<std::string> desk_roles() {
  namespace r = sdk::roles;
  return {std::string(r::kReceptionist), std::string(r::kDoctor), std::string(r::kCashier),
          std::string(r::kAdmin)};
}

std::vector<std::string> print_roles() {
  auto roles = desk_roles();
  roles.emplace_back(sdk::roles::kHis);
  return roles;
}

}  // namespace hisx::app_link
