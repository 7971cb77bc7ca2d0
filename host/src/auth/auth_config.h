#pragma once

#include <filesystem>
#include <optional>
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
  /// `auth.signing_key_env` / `auth.signing_key_file`: the key that signs session tokens,
  /// shared by every host of a deployment (raw bytes, at least 32). None: see SigningKeyHome.
  std::optional<std::string> signing_key;
  /// Where the key is kept when none is configured: hisxd fills these in from the database
  /// and data_dir settings (signing_secret.h).
  struct SigningKeyHome {
    bool store_is_his = false;       ///< The store is the hospital's HIS database.
    std::filesystem::path data_dir;  ///< Where the key file goes then.
  } signing_key_home;
};

/// Reads and checks the `auth` section (defaults for what is absent). Throws ConfigError naming
/// the key.
AuthConfig read_auth_config(const ConfigReader& reader);

}  // namespace hisx::host
