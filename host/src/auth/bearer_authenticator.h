#pragma once

#include "auth/accounts.h"
#include "auth/api_keys.h"
#include "auth/devices.h"
#include "http/authenticator.h"

namespace hisx::host {

/// The host's authenticator: a Bearer credential starting "hisx_" is an API key (machine
/// clients), one starting "hisxdev_" a device credential (boards and kiosks), anything else a
/// staff session token.
class BearerAuthenticator : public Authenticator {
 public:
  /// All must outlive the authenticator.
  BearerAuthenticator(const ApiKeyStore& keys, DeviceStore& devices, Accounts& accounts);
  std::optional<sdk::Principal> authenticate(const std::string& bearer_token) override;

 private:
  const ApiKeyStore& keys_;
  DeviceStore& devices_;
  Accounts& accounts_;
};

/// True when `token` has the shape of an API key rather than a session token.
bool is_api_key(const std::string& token);

}  // namespace hisx::host
