#include "auth/bearer_authenticator.h"

namespace hisx::host {

bool is_api_key(const std::string& token) { return token.rfind("hisx_", 0) == 0; }

BearerAuthenticator::BearerAuthenticator(const ApiKeyStore& keys, DeviceStore& devices,
                                         Accounts& accounts)
    : keys_(keys), devices_(devices), accounts_(accounts) {}

std::optional<sdk::Principal> BearerAuthenticator::authenticate(const std::string& bearer_token) {
  if (is_api_key(bearer_token)) return keys_.verify(bearer_token);
  if (is_device_token(bearer_token)) return devices_.verify(bearer_token);
  return accounts_.authenticate(bearer_token);
}

}  // namespace hisx::host
