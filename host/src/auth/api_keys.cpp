#include "auth/api_keys.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace hisx::host {

namespace {

constexpr std::size_t kSecretBytes = 32;

void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

std::string hash_key(const std::string& key) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(key.data()),
                     key.size(), nullptr, 0);
  return hex(digest, sizeof digest);
}

std::string iso_now(const sdk::Clock& clock) {
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(clock.now().time_since_epoch()).count();
  return Poco::DateTimeFormatter::format(Poco::Timestamp(micros), "%Y-%m-%dT%H:%M:%SZ");
}

// "hisx_<8 hex>_<43 base64url>" → the prefix, or "" when the shape is wrong.
std::string prefix_of(const std::string& key) {
  if (key.size() != 5 + 8 + 1 + 43 || key.rfind("hisx_", 0) != 0 || key[13] != '_') return {};
  return key.substr(5, 8);
}

}  // namespace

ApiKeyStore::ApiKeyStore(sdk::Database& store, const sdk::Clock& clock)
    : store_(store), clock_(clock) {
  init_sodium();
}

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

  unsigned char prefix_bytes[4];
  unsigned char secret[kSecretBytes];
  randombytes_buf(prefix_bytes, sizeof prefix_bytes);
  randombytes_buf(secret, sizeof secret);
  std::string encoded(
      sodium_base64_ENCODED_LEN(kSecretBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), secret, sizeof secret,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(std::strlen(encoded.c_str()));
  sodium_memzero(secret, sizeof secret);

  NewApiKey created;
  const std::string prefix = hex(prefix_bytes, sizeof prefix_bytes);
  created.key = "hisx_" + prefix + "_" + encoded;
  const std::string key_hash = hash_key(created.key);
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
  const std::string prefix = prefix_of(key);
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
  const std::string presented = hash_key(key);
  if (presented.size() != stored_hash.size() ||
      sodium_memcmp(presented.data(), stored_hash.data(), presented.size()) != 0) {
    return std::nullopt;
  }
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
  const std::string now = iso_now(clock_);
  long long affected = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st = (s.prepare << "UPDATE hisx_host_api_keys SET revoked_at = :now "
                                       "WHERE id = :id AND revoked_at IS NULL",
                          soci::use(now), soci::use(id));
    st.execute(true);
    affected = st.get_affected_rows();
  });
  return affected > 0;
}

}  // namespace hisx::host
