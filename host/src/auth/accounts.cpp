#include "auth/accounts.h"

#include <Poco/Logger.h>

#include <algorithm>

#include "auth/credential_rules.h"
#include "auth/signing_secret.h"

namespace hisx::host {

namespace {

Poco::Logger& log() { return Poco::Logger::get("hisx.auth"); }

// The rate-limit key of a username nobody can have: such attempts still count per address.
constexpr const char* kInvalidAccount = "(invalid)";

const char* kWrongCredentials = "Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.";

std::string require_password(const std::string& password) {
  if (auto problem = password_problem(password); !problem.empty()) {
    throw std::invalid_argument(problem);
  }
  return password;
}

}  // namespace

LoginRefused::LoginRefused(std::string message, std::optional<std::chrono::seconds> retry_after)
    : std::runtime_error(std::move(message)), retry_after_(retry_after) {}

Accounts::Accounts(sdk::Database& store, const sdk::Clock& clock, AuthConfig config,
                   PasswordCost cost)
    : store_(store),
      clock_(clock),
      config_(std::move(config)),
      hasher_(cost),
      users_(store, clock),
      sessions_(store, clock, config_.sessions),
      limiter_(store, clock, config_.logins) {}

User Accounts::add_user(const std::string& username, const std::string& display_name,
                        const std::string& role, const std::string& password,
                        const std::vector<std::string>& roles) {
  const auto name = normalize_username(username);
  if (!name) throw std::invalid_argument(username_rule());
  if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
    std::string all;
    for (const auto& r : roles) all += (all.empty() ? "" : ", ") + r;
    throw std::invalid_argument("unknown role '" + role + "'; roles: " + all);
  }
  if (display_name.size() > 200) {
    throw std::invalid_argument("the display name is longer than 200 bytes");
  }
  const std::string display = display_name.empty() ? *name : display_name;
  const auto id = users_.add(*name, display, role, hasher_.hash(require_password(password)));
  if (!id) throw std::invalid_argument("a user called '" + *name + "' already exists");
  return *users_.find(*id);
}

std::vector<User> Accounts::users() const { return users_.list(); }

std::optional<User> Accounts::user(long long id) const { return users_.find(id); }

User Accounts::require_user(const std::string& username) const {
  const auto name = normalize_username(username);
  auto found = name ? users_.find(*name) : std::nullopt;
  if (!found) throw std::invalid_argument("no user called '" + username + "'");
  return *found;
}

bool Accounts::disable_user(const std::string& username) {
  const User found = require_user(username);
  const bool changed = users_.disable(found.id);
  sessions_.revoke_all(found.id);
  return changed;
}

void Accounts::set_password(const std::string& username, const std::string& password) {
  const User found = require_user(username);
  users_.set_password_hash(found.id, hasher_.hash(require_password(password)));
  sessions_.revoke_all(found.id);
}

const SessionTokenCodec& Accounts::codec() {
  // A failure (database down) leaves the flag unset: the next request tries again.
  std::call_once(codec_once_, [this] {
    codec_ = std::make_unique<SessionTokenCodec>(load_signing_secret(store_, clock_, config_));
  });
  return *codec_;
}

LoginResult Accounts::login(const std::string& username, const std::string& password,
                            const std::string& address) {
  const auto name = normalize_username(username);
  const std::string account = name ? *name : kInvalidAccount;

  const LoginAdmission admission = limiter_.admit(account, address);
  if (admission.retry_after) {
    log().warning("Login refused for '%s' from %s: too many failed logins (per %s); retry in %ld s",
                  account, address, admission.limit,
                  static_cast<long>(admission.retry_after->count()));
    throw LoginRefused("Đăng nhập sai quá nhiều lần; thử lại sau " +
                           std::to_string(admission.retry_after->count()) +
                           " giây. / Too many failed logins; try again in " +
                           std::to_string(admission.retry_after->count()) + " seconds.",
                       admission.retry_after);
  }

  std::optional<User> found;
  if (name && password.size() <= kMaxPasswordBytes) found = users_.find(*name);
  bool accepted = false;
  if (found && !found->disabled()) {
    accepted = hasher_.verify(found->password_hash, password);
  } else if (password.size() <= kMaxPasswordBytes) {
    hasher_.verify_dummy(password);  // As slow as a real check: no telling who exists.
  }
  if (!accepted) {
    log().notice("Login failed for '%s' from %s%s", account, address,
                 found && found->disabled() ? std::string(" (account disabled)") : std::string());
    throw LoginRefused(kWrongCredentials);
  }
  limiter_.succeeded(admission.attempt_id);
  if (hasher_.needs_rehash(found->password_hash)) {
    users_.set_password_hash(found->id, hasher_.hash(password));
  }

  const NewSession session = sessions_.open(found->id, address);
  SessionClaims claims;
  claims.user_id = found->id;
  claims.role = found->role;
  claims.session_id = session.id;
  claims.issued_at = session.created_at;
  claims.expires_at = session.expires_at;
  LoginResult result{
      codec().sign(claims), session.expires_at, *found,
      std::chrono::duration_cast<std::chrono::seconds>(session.expires_at - session.created_at)};
  log().information("Login of '%s' (%s) from %s", found->username, found->role, address);
  return result;
}

std::optional<sdk::Principal> Accounts::authenticate(const std::string& token) {
  const auto claims = codec().verify(token, clock_.now());
  if (!claims) return std::nullopt;
  const auto live = sessions_.resume(claims->session_id);
  if (!live || live->user_id != claims->user_id) return std::nullopt;
  return sdk::Principal{"user:" + std::to_string(live->user_id), live->username, live->role};
}

bool Accounts::logout(const std::string& token) {
  const auto claims = codec().verify(token, clock_.now());
  if (!claims) return false;
  return sessions_.revoke(claims->session_id);
}

}  // namespace hisx::host
