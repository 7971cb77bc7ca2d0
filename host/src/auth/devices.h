#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/http.h"

namespace hisx::host {

/// A device credential as created: the token is shown once and never stored.
struct NewDevice {
  long long id = 0;
  std::string token;  ///< "hisxdev_<prefix>_<secret>": what the device sends as Bearer token.
};

/// A stored device credential, without its secret.
struct DeviceInfo {
  long long id = 0;
  std::string name;
  std::vector<std::string> scopes;
  std::string prefix;
  std::string created_at;
  std::string revoked_at;    ///< Empty while the credential is valid.
  std::string last_seen_at;  ///< Last use (to the minute); empty before the first.
};

/// Device credentials for screens and kiosks that no person logs in to (a waiting-room board,
/// a ticket kiosk), in `hisx_host_devices`. A credential carries device scopes and reaches only
/// routes that name one of them (role "device"). Like API keys, only a hash of each is stored.
/// Every request checks the store, so a revocation holds at once on every host.
class DeviceStore {
 public:
  DeviceStore(sdk::Database& store, const sdk::Clock& clock);

  /// Creates a credential. Throws std::invalid_argument (message for the administrator) for a
  /// name not of 1–100 characters, no scope or more than 20, a repeated scope, or a scope not
  /// in `known`.
  NewDevice create(const std::string& name, const std::vector<std::string>& scopes,
                   const std::vector<std::string>& known);
  /// The principal ("device:<id>", name, role "device", scopes) of a valid, unrevoked
  /// credential, or nothing. Records when it was last seen, at most once a minute.
  std::optional<sdk::Principal> verify(const std::string& token);
  /// Every credential, newest first.
  std::vector<DeviceInfo> list() const;
  /// Revokes a credential; false when there is no such valid one.
  bool revoke(long long id);

 private:
  sdk::Database& store_;
  const sdk::Clock& clock_;
};

/// True when `token` has the shape of a device credential ("hisxdev_…").
bool is_device_token(const std::string& token);

}  // namespace hisx::host
