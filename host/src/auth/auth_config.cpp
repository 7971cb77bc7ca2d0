#include "auth/auth_config.h"

#include "config/config.h"
#include "config/config_reader.h"

namespace hisx::host {

AuthConfig read_auth_config(const ConfigReader& r) {
  r.only_keys("auth", {"session_idle_minutes", "session_idle_seconds", "session_absolute_hours",
                       "login_max_failures_per_account", "login_max_failures_per_address",
                       "login_window_minutes"});
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
  return config;
}

}  // namespace hisx::host
