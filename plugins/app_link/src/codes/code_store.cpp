#include "codes/code_store.h"

#include <stdexcept>

#include "codes/link_code_rules.h"

namespace hisx::app_link {

namespace {

constexpr const char* kColumns =
    "id, code, patient_id, state, created_at, expires_at, wrong_attempts, link_id";

LinkCode read_code(const soci::row& r) {
  LinkCode c;
  c.id = sdk::row_integer(r, 0);
  c.code = r.get<std::string>(1);
  c.patient_id = r.get<std::string>(2);
  c.state = r.get<std::string>(3);
  c.created_at = r.get<std::string>(4);
  c.expires_at = r.get<std::string>(5);
  c.wrong_attempts = static_cast<int>(sdk::row_integer(r, 6));
  if (r.get_indicator(7) != soci::i_null) c.link_id = sdk::row_integer(r, 7);
  return c;
}

template <class Value>
std::optional<LinkCode> one(soci::session& s, const std::string& where, const Value& value) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << kColumns << " FROM hisx_app_link_codes WHERE " << where,
       soci::use(value));
  for (const auto& r : rows) return read_code(r);
  return std::nullopt;
}

}  // namespace

LinkCode open_code_for(Environment& env, soci::session& tx, const sdk::HisId& patient_id,
                       const std::string& by) {
  const sdk::Instant now = env.now();
  const std::string now_text = sdk::format_utc(now);
  for (int attempt = 0; attempt < 8; ++attempt) {
    if (auto open = one(tx, "open_patient_id = :p", patient_id)) {
      if (open->expires_at > now_text) return *open;
      tx << "UPDATE hisx_app_link_codes SET state = 'replaced', open_patient_id = NULL, "
            "closed_at = :now WHERE id = :id AND state = 'open'",
          soci::use(now_text), soci::use(open->id);
    }
    const std::string code = new_link_code();
    const std::string expires = sdk::format_utc(
        now + std::chrono::duration_cast<std::chrono::seconds>(env.settings.code_ttl));
    // ON CONFLICT DO NOTHING: a code drawn twice (one in 2^40) or another host's open code
    // for the same patient, committed meanwhile; both are seen on the next pass.
    soci::statement st =
        (tx.prepare << "INSERT INTO hisx_app_link_codes (code, patient_id, open_patient_id, "
                       "state, created_at, created_by, expires_at) VALUES (:code, :p, :p2, "
                       "'open', :now, :by, :exp) ON CONFLICT DO NOTHING",
         soci::use(code), soci::use(patient_id), soci::use(patient_id), soci::use(now_text),
         soci::use(by), soci::use(expires));
    st.execute(true);
    if (st.get_affected_rows() == 1) {
      if (auto made = one(tx, "code = :c", code)) return *made;
    }
  }
  throw std::runtime_error("no linking code could be stored for patient " + patient_id);
}

std::optional<LinkCode> find_code(soci::session& s, const std::string& code) {
  return one(s, "code = :c", code);
}

std::optional<LinkCode> find_code_by_id(soci::session& s, long long id) {
  return one(s, "id = :id", id);
}

int count_wrong_attempt(soci::session& tx, long long code_id, int max_wrong,
                        const std::string& now) {
  tx << "UPDATE hisx_app_link_codes SET wrong_attempts = wrong_attempts + 1 "
        "WHERE id = :id AND state = 'open'",
      soci::use(code_id);
  tx << "UPDATE hisx_app_link_codes SET state = 'locked', open_patient_id = NULL, "
        "closed_at = :now WHERE id = :id AND state = 'open' AND wrong_attempts >= :max",
      soci::use(now), soci::use(code_id), soci::use(max_wrong);
  int attempts = 0;
  tx << "SELECT wrong_attempts FROM hisx_app_link_codes WHERE id = :id", soci::into(attempts),
      soci::use(code_id);
  return attempts;
}

bool use_code(soci::session& tx, long long code_id, long long link_id, const std::string& now) {
  soci::statement st =
      (tx.prepare << "UPDATE hisx_app_link_codes SET state = 'used', open_patient_id = NULL, "
                     "closed_at = :now, link_id = :link WHERE id = :id AND state = 'open'",
       soci::use(now), soci::use(link_id), soci::use(code_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace hisx::app_link
