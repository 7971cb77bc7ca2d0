#include "auth/user_store.h"

#include "auth/time_text.h"

namespace hisx::host {

namespace {

constexpr const char* kColumns =
    "SELECT id, username, display_name, role, password_hash, created_at, disabled_at "
    "FROM hisx_host_users ";

// The one user matching `condition`, which has one parameter bound to `key`.
template <typename Key>
std::optional<User> select_user(soci::session& s, const std::string& condition, const Key& key) {
  User user;
  soci::indicator disabled_ind = soci::i_ok;
  s << std::string(kColumns) + condition, soci::use(key), soci::into(user.id),
      soci::into(user.username), soci::into(user.display_name), soci::into(user.role),
      soci::into(user.password_hash), soci::into(user.created_at),
      soci::into(user.disabled_at, disabled_ind);
  if (!s.got_data()) return std::nullopt;
  if (disabled_ind == soci::i_null) user.disabled_at.clear();
  return user;
}

}  // namespace

UserStore::UserStore(sdk::Database& store, const sdk::Clock& clock)
    : store_(store), clock_(clock) {}

std::optional<long long> UserStore::add(const std::string& username,
                                        const std::string& display_name, const std::string& role,
                                        const std::string& password_hash) {
  const std::string now = format_time_ms(clock_.now());
  std::optional<long long> id;
  sdk::with_transaction(store_, [&](soci::session& s) {
    id.reset();
    long long taken = 0;
    s << "SELECT COUNT(*) FROM hisx_host_users WHERE username = :username", soci::use(username),
        soci::into(taken);
    if (taken > 0) return;  // The UNIQUE constraint still guards a concurrent insert.
    s << "INSERT INTO hisx_host_users (username, display_name, role, password_hash, created_at) "
         "VALUES (:username, :display_name, :role, :hash, :now)",
        soci::use(username), soci::use(display_name), soci::use(role), soci::use(password_hash),
        soci::use(now);
    long long new_id = 0;
    s << "SELECT id FROM hisx_host_users WHERE username = :username", soci::use(username),
        soci::into(new_id);
    id = new_id;
  });
  return id;
}

std::optional<User> UserStore::find(const std::string& username) const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return select_user(s, "WHERE username = :username", username);
}

std::optional<User> UserStore::find(long long id) const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  return select_user(s, "WHERE id = :id", id);
}

std::vector<User> UserStore::list() const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  User user;
  soci::indicator disabled_ind = soci::i_ok;
  soci::statement st =
      (s.prepare << std::string(kColumns) + "ORDER BY username", soci::into(user.id),
       soci::into(user.username), soci::into(user.display_name), soci::into(user.role),
       soci::into(user.password_hash), soci::into(user.created_at),
       soci::into(user.disabled_at, disabled_ind));
  st.execute();
  std::vector<User> out;
  while (st.fetch()) {
    if (disabled_ind == soci::i_null) user.disabled_at.clear();
    out.push_back(user);
  }
  return out;
}

bool UserStore::disable(long long id) {
  const std::string now = format_time_ms(clock_.now());
  long long affected = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st = (s.prepare << "UPDATE hisx_host_users SET disabled_at = :now "
                                       "WHERE id = :id AND disabled_at IS NULL",
                          soci::use(now), soci::use(id));
    st.execute(true);
    affected = st.get_affected_rows();
  });
  return affected > 0;
}

bool UserStore::set_password_hash(long long id, const std::string& password_hash) {
  long long affected = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st =
        (s.prepare << "UPDATE hisx_host_users SET password_hash = :hash WHERE id = :id",
         soci::use(password_hash), soci::use(id));
    st.execute(true);
    affected = st.get_affected_rows();
  });
  return affected > 0;
}

}  // namespace hisx::host
