#include "auth/devices.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>
#include <stdexcept>

#include "auth/secret_token.h"
#include "hisx/roles.h"

namespace hisx::host {

namespace {

constexpr const char* kKind = "hisxdev_";

long long micros_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

std::string join(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string s; in >> s;) out.push_back(s);
  return out;
}

}  // namespace

bool is_device_token(const std::string& token) { return token.rfind(kKind, 0) == 0; }

DeviceStore::DeviceStore(sdk::Database& store, const sdk::Clock& clock)
    : store_(store), clock_(clock) {}

NewDevice DeviceStore::create(const std::string& name, const std::vector<std::string>& scopes,
                              const std::vector<std::string>& known) {
  if (name.empty() || name.size() > 100) {
    throw std::invalid_argument(
        "a device needs a name of 1 to 100 characters / thiết bị cần tên từ 1 đến 100 ký tự");
  }
  if (scopes.empty() || scopes.size() > 20) {
    throw std::invalid_argument(
        "a device needs 1 to 20 scopes / thiết bị cần từ 1 đến 20 phạm vi (scope)");
  }
  std::set<std::string> seen;
  for (const auto& scope : scopes) {
    if (!seen.insert(scope).second) {
      throw std::invalid_argument("scope '" + scope + "' is listed twice / phạm vi '" + scope +
                                  "' bị lặp");
    }
    if (std::find(known.begin(), known.end(), scope) == known.end()) {
      std::string all;
      for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
      throw std::invalid_argument(
          "unknown scope '" + scope + "' / phạm vi không tồn tại; " +
          (all.empty() ? "no enabled plugin defines device scopes" : "scopes: " + all));
    }
  }
  const SecretToken token = make_secret_token(kKind);
  const std::string hash = hash_secret_token(token.token);
  const std::string now = token_time(micros_of(clock_.now()));
  const std::string scope_text = join(scopes);
  NewDevice created;
  created.token = token.token;
  sdk::with_transaction(store_, [&](soci::session& s) {
    s << "INSERT INTO hisx_host_devices (name, scopes, prefix, key_hash, created_at) "
         "VALUES (:name, :scopes, :prefix, :hash, :now)",
        soci::use(name), soci::use(scope_text), soci::use(token.prefix), soci::use(hash),
        soci::use(now);
    s << "SELECT id FROM hisx_host_devices WHERE prefix = :prefix", soci::use(token.prefix),
        soci::into(created.id);
  });
  return created;
}

std::optional<sdk::Principal> DeviceStore::verify(const std::string& token) {
  const std::string prefix = secret_token_prefix(token, kKind);
  if (prefix.empty()) return std::nullopt;
  long long id = 0;
  std::string name, scopes, stored_hash, revoked, seen;
  soci::indicator revoked_ind = soci::i_ok, seen_ind = soci::i_ok;
  {
    const auto lease = store_.session();
    *lease << "SELECT id, name, scopes, key_hash, revoked_at, last_seen_at FROM hisx_host_devices "
              "WHERE prefix = :prefix",
        soci::use(prefix), soci::into(id), soci::into(name), soci::into(scopes),
        soci::into(stored_hash), soci::into(revoked, revoked_ind), soci::into(seen, seen_ind);
    if (!lease->got_data() || revoked_ind == soci::i_ok) return std::nullopt;
  }
  if (!secret_token_matches(token, stored_hash)) return std::nullopt;
  // A board asks every few seconds: write its last use only when a minute has passed.
  const auto now = clock_.now();
  const std::string minute_ago = token_time(micros_of(now - std::chrono::minutes(1)));
  if (seen_ind != soci::i_ok || seen < minute_ago) {
    const std::string now_text = token_time(micros_of(now));
    try {
      sdk::with_transaction(store_, [&](soci::session& s) {
        s << "UPDATE hisx_host_devices SET last_seen_at = :now WHERE id = :id", soci::use(now_text),
            soci::use(id);
      });
    } catch (const soci::soci_error& e) {
      // Only a record for the administrator: the request goes on.
      Poco::Logger::get("hisx.auth")
          .notice("Could not record when device %lld was last seen: %s", id, std::string(e.what()));
    }
  }
  return sdk::Principal{"device:" + std::to_string(id), name, std::string(sdk::roles::kDevice),
                        split(scopes)};
}

std::vector<DeviceInfo> DeviceStore::list() const {
  const auto lease = store_.session();
  DeviceInfo info;
  std::string scopes;
  soci::indicator revoked_ind = soci::i_ok, seen_ind = soci::i_ok;
  soci::statement st =
      (lease->prepare << "SELECT id, name, scopes, prefix, created_at, revoked_at, last_seen_at "
                         "FROM hisx_host_devices ORDER BY id DESC",
       soci::into(info.id), soci::into(info.name), soci::into(scopes), soci::into(info.prefix),
       soci::into(info.created_at), soci::into(info.revoked_at, revoked_ind),
       soci::into(info.last_seen_at, seen_ind));
  st.execute();
  std::vector<DeviceInfo> out;
  while (st.fetch()) {
    DeviceInfo item = info;
    item.scopes = split(scopes);
    if (revoked_ind == soci::i_null) item.revoked_at.clear();
    if (seen_ind == soci::i_null) item.last_seen_at.clear();
    out.push_back(std::move(item));
  }
  return out;
}

bool DeviceStore::revoke(long long id) {
  return revoke_token_row(store_, "hisx_host_devices", id, token_time(micros_of(clock_.now())));
}

}  // namespace hisx::host
