#pragma once

#include <string>

#include "auth/auth_config.h"
#include "hisx/clock.h"
#include "hisx/database.h"

namespace hisx::host {

/// The key that signs staff session tokens; whoever reads it can forge an admin's token, so it
/// never sits where the HIS vendor's users can read it. In order:
/// 1. `config.signing_key` (auth.signing_key_env or auth.signing_key_file): the deployment's
///    own secret, the same on every host;
/// 2. when the store is the HIS database (the default): 32 random bytes in
///    `<data_dir>/session-signing.key`, created readable by the service user alone on first
///    use (hosts sharing one database then need the configured key of 1); a key that an
///    earlier version kept in the store's `hisx_host_secrets` is deleted there;
/// 3. when the store is a database of hisx's own: 32 random bytes in `hisx_host_secrets`,
///    so that every host on it accepts the others' tokens. The first host to ask creates it;
///    a host racing it inserts nothing (insert-if-absent) and reads back the winner's key.
/// Returns the raw bytes. Throws std::runtime_error saying what to fix.
std::string load_signing_secret(sdk::Database& store, const sdk::Clock& clock,
                                const AuthConfig& config);

/// Case 3 alone (the store's table).
std::string load_stored_signing_secret(sdk::Database& store, const sdk::Clock& clock);

}  // namespace hisx::host
