#include "channels.h"

#include <algorithm>

#include "hisx/roles.h"

namespace hisx::appointments {

bool is_channel(std::string_view text) {
  return std::find(kChannels.begin(), kChannels.end(), text) != kChannels.end();
}

std::vector<std::string> channels_for_role(std::string_view role) {
  namespace roles = sdk::roles;
  if (role == roles::kAdmin) return {kChannels.begin(), kChannels.end()};
  if (role == roles::kApp) return {std::string(kApp)};
  if (role == kWebsiteRole) return {std::string(kWeb)};
  if (role == roles::kReceptionist) return {std::string(kWalkin), std::string(kPhone)};
  if (role == roles::kCallCenter) return {std::string(kPhone), std::string(kWeb)};
  if (role == roles::kDoctor) return {std::string(kReexam)};
  return {};
}

bool role_may_use(std::string_view role, std::string_view channel) {
  const auto allowed = channels_for_role(role);
  return std::find(allowed.begin(), allowed.end(), channel) != allowed.end();
}

bool role_sees_every_channel(std::string_view role) {
  return role != sdk::roles::kApp && role != kWebsiteRole;
}

bool window_applies(std::string_view channel) { return channel != kWalkin && channel != kReexam; }

}  // namespace hisx::appointments
