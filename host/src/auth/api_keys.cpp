#include "auth/api_keys.h"

#include <stdexcept>

#include "auth/secret_token.h"

namespace hisx::host {

namespace {

constexpr const char* kKind = "hisx_";

std::string iso_now(const sdk::Clock& clock) {
  return token_time(
      std::chrono::duration_cast<std::chrono::microseconds>(clock.now().time_since_epoch())
          .count());
}

}  // namespace

ApiKeyStore::ApiKeyStore(sdk::Database& store, const sdk::Clock& clock)
    : store_(store), clock_(clock) {}

NewApiKey ApiKeyStore::create(const std::string& name, const std::string& role,
                              const std::vector<std::string>& roles) {
  if (name.empty() || name.size() > 100) {
    throw std::invalid_argument("the key needs a name of 1 to 100 characters (--name)");
  }
  bool known = false;
  std::string all;
  for (const auto& r : roles) {
    known = known || r == role;
    all += (all.empty() ? "" : ", ") + r;
  }
  if (!known) throw std::invalid_argument("unknown role '" + role + "'; roles: " + all);

  const SecretToken token = make_secret_token(kKind);
  NewApiKey created;
  const std::string& prefix = token.prefix;
  created.key = token.token;
  const std::string key_hash = hash_secret_token(created.key);
  const std::string now = iso_now(clock_);
  sdk::with_transaction(store_, [&](soci::session& s) {
    s << "INSERT INTO hisx_host_api_keys (name, role, prefix, key_hash, created_at) "
         "VALUES (:name, :role, :prefix, :hash, :now)",
        soci::use(name), soci::use(role), soci::use(prefix), soci::use(key_hash), soci::use(now);
    s << "SELECT id FROM hisx_host_api_keys WHERE prefix = :prefix", soci::use(prefix),
        soci::into(created.id);
  });
  return created;
}

std::optional<sdk::Principal> ApiKeyStore::verify(const std::string& key) const {
  const std::string prefix = secret_token_prefix(key, kKind);
  if (prefix.empty()) return std::nullopt;
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  long long id = 0;
  std::string name, role, stored_hash;
  soci::indicator revoked_ind = soci::i_ok;
  std::string revoked;
  s << "SELECT id, name, role, key_hash, revoked_at FROM hisx_host_api_keys WHERE prefix = :prefix",
      soci::use(prefix), soci::into(id), soci::into(name), soci::into(role),
      soci::into(stored_hash), soci::into(revoked, revoked_ind);
  if (!s.got_data() || revoked_ind == soci::i_ok) return std::nullopt;
  if (!secret_token_matches(key, stored_hash)) return std::nullopt;
  return sdk::Principal{"apikey:" + std::to_string(id), name, role};
}

std::vector<ApiKeyInfo> ApiKeyStore::list() const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  // Bound by type rather than read from a soci::row: SQLite describes the INTEGER id as a
  // 32-bit int and PostgreSQL the BIGSERIAL as a 64-bit one, and row.get<long long>() only
  // accepts the latter.
  ApiKeyInfo info;
  soci::indicator revoked_ind = soci::i_ok;
  soci::statement st =
      (s.prepare << "SELECT id, name, role, prefix, created_at, revoked_at "
                    "FROM hisx_host_api_keys ORDER BY id DESC",
       soci::into(info.id), soci::into(info.name), soci::into(info.role), soci::into(info.prefix),
       soci::into(info.created_at), soci::into(info.revoked_at, revoked_ind));
  st.execute();
  std::vector<ApiKeyInfo> out;
  while (st.fetch()) {
    if (revoked_ind == soci::i_null) info.revoked_at.clear();
    out.push_back(info);
  }
  return out;
}

bool ApiKeyStore::revoke(long long id) {
  return revoke_token_row(store_, "hisx_host_api_keys", id, iso_now(clock_));
}

}  // namespace hisx::host
