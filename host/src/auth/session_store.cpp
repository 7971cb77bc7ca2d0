#include "auth/session_store.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "auth/time_text.h"

namespace hisx::host {

namespace {

std::string random_id() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  std::string hex(sizeof bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, sizeof bytes);
  hex.pop_back();
  return hex;
}

}  // namespace

std::chrono::milliseconds SessionPolicy::touch_interval() const {
  return std::min<std::chrono::milliseconds>(
      std::chrono::minutes(1), std::chrono::duration_cast<std::chrono::milliseconds>(idle) / 4);
}

SessionStore::SessionStore(sdk::Database& store, const sdk::Clock& clock, SessionPolicy policy)
    : store_(store), clock_(clock), policy_(policy) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

NewSession SessionStore::open(long long user_id, const std::string& address) {
  NewSession session;
  session.id = random_id();
  session.created_at = clock_.now();
  session.expires_at = session.created_at + policy_.absolute;
  const std::string created = format_time_ms(session.created_at);
  const std::string expires = format_time_ms(session.expires_at);
  const std::string from = address.substr(0, 64);
  sdk::with_transaction(store_, [&](soci::session& s) {
    s << "INSERT INTO hisx_host_sessions (id, user_id, created_at, last_seen_at, expires_at, "
         "address) VALUES (:id, :user_id, :created, :seen, :expires, :address)",
        soci::use(session.id), soci::use(user_id), soci::use(created), soci::use(created),
        soci::use(expires), soci::use(from);
  });
  return session;
}

std::optional<LiveSession> SessionStore::resume(const std::string& id) {
  const auto now = clock_.now();
  LiveSession live;
  std::string last_seen, expires, revoked, disabled;
  soci::indicator revoked_ind = soci::i_ok, disabled_ind = soci::i_ok;
  {
    const auto s_lease = store_.session();
    soci::session& s = *s_lease;
    s << "SELECT s.user_id, s.last_seen_at, s.expires_at, s.revoked_at, u.username, u.role, "
         "u.disabled_at FROM hisx_host_sessions s JOIN hisx_host_users u ON u.id = s.user_id "
         "WHERE s.id = :id",
        soci::use(id), soci::into(live.user_id), soci::into(last_seen), soci::into(expires),
        soci::into(revoked, revoked_ind), soci::into(live.username), soci::into(live.role),
        soci::into(disabled, disabled_ind);
    if (!s.got_data() || revoked_ind == soci::i_ok || disabled_ind == soci::i_ok) {
      return std::nullopt;
    }
  }
  if (now >= parse_time(expires)) return std::nullopt;
  const auto seen = parse_time(last_seen);
  if (now - seen > policy_.idle) return std::nullopt;
  live.id = id;

  if (now - seen >= policy_.touch_interval()) {
    // Only the first request past the interval writes, whichever host serves it.
    const std::string now_text = format_time_ms(now);
    const std::string threshold = format_time_ms(now - policy_.touch_interval());
    sdk::with_transaction(store_, [&](soci::session& s) {
      s << "UPDATE hisx_host_sessions SET last_seen_at = :now "
           "WHERE id = :id AND last_seen_at <= :threshold AND revoked_at IS NULL",
          soci::use(now_text), soci::use(id), soci::use(threshold);
    });
  }
  return live;
}

bool SessionStore::revoke(const std::string& id) {
  const std::string now = format_time_ms(clock_.now());
  long long affected = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st = (s.prepare << "UPDATE hisx_host_sessions SET revoked_at = :now "
                                       "WHERE id = :id AND revoked_at IS NULL",
                          soci::use(now), soci::use(id));
    st.execute(true);
    affected = st.get_affected_rows();
  });
  return affected > 0;
}

long long SessionStore::revoke_all(long long user_id) {
  const std::string now = format_time_ms(clock_.now());
  long long affected = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st = (s.prepare << "UPDATE hisx_host_sessions SET revoked_at = :now "
                                       "WHERE user_id = :user_id AND revoked_at IS NULL "
                                       "AND expires_at > :now2",
                          soci::use(now), soci::use(user_id), soci::use(now));
    st.execute(true);
    affected = st.get_affected_rows();
  });
  return affected;
}

}  // namespace hisx::host
