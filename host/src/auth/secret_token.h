#pragma once

#include <string>

#include "hisx/database.h"

namespace hisx::host {

/// A bearer credential that is shown once and stored only as a hash: API keys ("hisx_") and
/// device credentials ("hisxdev_"). The token is "<kind><8 hex>_<43 base64url>": a public
/// prefix (8 hex digits, stored, to find the row) and a 256-bit random secret.
struct SecretToken {
  std::string prefix;  ///< The 8 hex digits after `kind`.
  std::string token;   ///< The whole credential, what the client sends.
};

/// A new random token of `kind` (e.g. "hisx_"). Throws std::runtime_error when libsodium
/// cannot be initialised.
SecretToken make_secret_token(const std::string& kind);

/// The prefix of `token` when it has the shape of a token of `kind`; empty otherwise.
std::string secret_token_prefix(const std::string& token, const std::string& kind);

/// The BLAKE2b-256 hash of `token`, in hex: what is stored.
std::string hash_secret_token(const std::string& token);

/// Compares `token` with a stored hash in constant time.
bool secret_token_matches(const std::string& token, const std::string& stored_hash);

/// "YYYY-MM-DDTHH:MM:SSZ" of `micros` since the epoch: the keys' and devices' time columns.
std::string token_time(long long micros);

/// Sets `revoked_at` = `now` on row `id` of `table` (hisx_host_api_keys, hisx_host_devices)
/// unless it is revoked already; true when it revoked it.
bool revoke_token_row(sdk::Database& store, const std::string& table, long long id,
                      const std::string& now);

}  // namespace hisx::host
