#include "auth/auth_config.h"

#include <cstdlib>
#include <fstream>

#include "config/config.h"
#include "config/config_reader.h"

namespace hisx::host {

namespace {

// A configured signing key: 64 hexadecimal digits (what `openssl rand -hex 32` prints) are
// its 32 bytes; any other text of at least 32 bytes is used as it is.
std::optional<std::string> read_signing_key(const ConfigReader& r) {
  const std::string env = r.str("auth.signing_key_env", "");
  const std::string file = r.str("auth.signing_key_file", "");
  if (!env.empty() && !file.empty()) {
    r.fail("auth.signing_key_file", "give either auth.signing_key_env or auth.signing_key_file");
  }
  std::string key, where;
  if (!env.empty()) {
    const char* value = std::getenv(env.c_str());
    if (value == nullptr) {
      r.fail("auth.signing_key_env",
             "the environment variable " + env + " is not set; export it before starting hisx");
    }
    key = value;
    where = "auth.signing_key_env";
  } else if (!file.empty()) {
    const auto path = r.resolve("auth.signing_key_file", file);
    std::ifstream in(path);
    if (!in) r.fail("auth.signing_key_file", "cannot read " + path.string());
    std::getline(in, key);
    where = "auth.signing_key_file";
  } else {
    return std::nullopt;
  }
  while (!key.empty() && (key.back() == '\r' || key.back() == ' ')) key.pop_back();
  const bool hex =
      key.size() == 64 && key.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  if (hex) {
    std::string bytes;
    for (std::size_t i = 0; i < key.size(); i += 2) {
      bytes += static_cast<char>(std::stoi(key.substr(i, 2), nullptr, 16));
    }
    return bytes;
  }
  if (key.size() < 32) {
    r.fail(where, "the signing key is too short (" + std::to_string(key.size()) +
                      " bytes); use 32 random bytes, e.g. the 64 hexadecimal digits of "
                      "`openssl rand -hex 32`");
  }
  return key;
}

}  // namespace

AuthConfig read_auth_config(const ConfigReader& r) {
  r.only_keys("auth", {"session_idle_minutes", "session_idle_seconds", "session_absolute_hours",
                       "login_max_failures_per_account", "login_max_failures_per_address",
                       "login_window_minutes", "signing_key_env", "signing_key_file"});
  AuthConfig config;
  if (r.has("auth.session_idle_minutes") && r.has("auth.session_idle_seconds")) {
    r.fail("auth.session_idle_seconds",
           "give either auth.session_idle_minutes or auth.session_idle_seconds, not both");
  }
  if (r.has("auth.session_idle_seconds")) {
    config.sessions.idle =
        std::chrono::seconds(r.integer("auth.session_idle_seconds", 1800, 1, 7 * 24 * 3600));
  } else {
    config.sessions.idle =
        std::chrono::minutes(r.integer("auth.session_idle_minutes", 30, 1, 7 * 24 * 60));
  }
  config.sessions.absolute =
      std::chrono::hours(r.integer("auth.session_absolute_hours", 12, 1, 24 * 31));
  if (config.sessions.idle > config.sessions.absolute) {
    r.fail(r.has("auth.session_idle_seconds") ? "auth.session_idle_seconds"
                                              : "auth.session_idle_minutes",
           "the idle timeout is longer than auth.session_absolute_hours");
  }
  config.logins.per_account =
      static_cast<int>(r.integer("auth.login_max_failures_per_account", 5, 1, 1000));
  config.logins.per_address =
      static_cast<int>(r.integer("auth.login_max_failures_per_address", 20, 1, 100000));
  config.logins.window =
      std::chrono::minutes(r.integer("auth.login_window_minutes", 15, 1, 24 * 60));
  config.signing_key = read_signing_key(r);
  return config;
}

}  // namespace hisx::host
