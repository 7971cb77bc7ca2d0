#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "hisx/http.h"

namespace hisx::host {

/// A key as created: the secret is shown once and never stored.
struct NewApiKey {
  long long id = 0;
  std::string key;  ///< "hisx_<prefix>_<secret>": what the client sends as Bearer token.
};

/// A stored key, without its secret.
struct ApiKeyInfo {
  long long id = 0;
  std::string name;
  std::string role;
  std::string prefix;
  std::string created_at;
  std::string revoked_at;  ///< Empty while the key is valid.
};

/// API keys for machine clients (the app backend, the HIS) in `hisx_host_api_keys`.
/// Keys are 256-bit random secrets; only a BLAKE2b hash of each is stored, found by a
/// public prefix and compared in constant time.
class ApiKeyStore {
 public:
  ApiKeyStore(sdk::Database& store, const sdk::Clock& clock);

  /// Creates a key. Throws std::invalid_argument for an empty name or a role not in `roles`.
  NewApiKey create(const std::string& name, const std::string& role,
                   const std::vector<std::string>& roles);
  /// The principal of a valid, unrevoked key, or nothing.
  std::optional<sdk::Principal> verify(const std::string& key) const;
  /// Every key, newest first.
  std::vector<ApiKeyInfo> list() const;
  /// Revokes a key; false when there is no such valid key.
  bool revoke(long long id);

 private:
  sdk::Database& store_;
  const sdk::Clock& clock_;
};

}  // namespace hisx::host
