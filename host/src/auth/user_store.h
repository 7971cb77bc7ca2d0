#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hisx/clock.h"
#include "hisx/database.h"

namespace hisx::host {

/// A staff account as stored in `hisx_host_users`.
struct User {
  long long id = 0;
  std::string username;      ///< Lower-cased, unique.
  std::string display_name;  ///< e.g. "Nguyễn Thị Lan".
  std::string role;
  std::string password_hash;  ///< Argon2id (crypto_pwhash_str); never leaves the host.
  std::string created_at;
  std::string disabled_at;  ///< Empty while the account may log in.

  bool disabled() const { return !disabled_at.empty(); }
};

/// The rows of `hisx_host_users`. Checks nothing about names, roles or passwords: that is
/// Accounts' job; this class only translates calls to SQL.
class UserStore {
 public:
  UserStore(sdk::Database& store, const sdk::Clock& clock);

  /// Inserts a user and returns its id; nothing when the username is taken.
  std::optional<long long> add(const std::string& username, const std::string& display_name,
                               const std::string& role, const std::string& password_hash);
  /// The user called `username` (already normalised), disabled or not.
  std::optional<User> find(const std::string& username) const;
  /// The user with `id`, disabled or not.
  std::optional<User> find(long long id) const;
  /// Every user, by username.
  std::vector<User> list() const;
  /// Marks the user disabled; false when there is no such enabled user.
  bool disable(long long id);
  /// Replaces the password hash; false when there is no such user.
  bool set_password_hash(long long id, const std::string& password_hash);

 private:
  sdk::Database& store_;
  const sdk::Clock& clock_;
};

}  // namespace hisx::host
