#pragma once

#include <string>
#include <vector>

#include "auth/login_limiter.h"
#include "auth/session_store.h"

namespace hisx::host {

class ConfigReader;

/// The `auth` section of the configuration.
struct AuthConfig {
  SessionPolicy sessions;  ///< session_idle_minutes (or _seconds), session_absolute_hours.
  LoginLimits logins;      ///< login_max_failures_per_account/_per_address, login_window_minutes.
};

/// Reads and checks the `auth` section (defaults for what is absent). Throws ConfigError naming
/// the key.
AuthConfig read_auth_config(const ConfigReader& reader);

}  // namespace hisx::host
