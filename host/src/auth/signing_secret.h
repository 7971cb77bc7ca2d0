#pragma once

#include <string>

#include "hisx/clock.h"
#include "hisx/database.h"

namespace hisx::host {

/// The key that signs staff session tokens: 32 random bytes kept in `hisx_host_secrets` in the
/// store database, so that every host on that database accepts the tokens of the others.
/// The first host to ask creates it; a host racing it inserts nothing (insert-if-absent) and
/// reads back the winner's key. Returns the raw bytes.
std::string load_signing_secret(sdk::Database& store, const sdk::Clock& clock);

}  // namespace hisx::host
