#include "linking/link_store.h"

#include <Poco/JSON/Object.h>

#include "hisx/event_names.h"

namespace hisx::app_link {

namespace {

constexpr const char* kColumns =
    "id, account_id, patient_id, department_id, method, consent_by, consent_method, "
    "consent_witness, consent_at, code_id, form_id, import_id, linked_by, linked_at, "
    "unlinked_at, unlinked_by, unlink_reason";

std::string text_at(const soci::row& r, std::size_t i) { return sdk::row_text(r, i); }

std::optional<long long> id_at(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return sdk::row_integer(r, i);
}

Link read_link(const soci::row& r) {
  Link l;
  l.id = sdk::row_integer(r, 0);
  l.account_id = r.get<std::string>(1);
  l.patient_id = r.get<std::string>(2);
  if (r.get_indicator(3) != soci::i_null) l.department_id = r.get<std::string>(3);
  l.method = r.get<std::string>(4);
  l.consent_by = text_at(r, 5);
  l.consent_method = r.get<std::string>(6);
  l.consent_witness = text_at(r, 7);
  l.consent_at = r.get<std::string>(8);
  l.code_id = id_at(r, 9);
  l.form_id = id_at(r, 10);
  l.import_id = id_at(r, 11);
  l.linked_by = r.get<std::string>(12);
  l.linked_at = r.get<std::string>(13);
  if (r.get_indicator(14) != soci::i_null) l.unlinked_at = r.get<std::string>(14);
  l.unlinked_by = text_at(r, 15);
  l.unlink_reason = text_at(r, 16);
  return l;
}

template <class Value>
std::vector<Link> select_links(soci::session& s, const std::string& where, const Value& value) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << kColumns << " FROM hisx_app_link_links WHERE " << where
                 << " ORDER BY id",
       soci::use(value));
  std::vector<Link> out;
  for (const auto& r : rows) out.push_back(read_link(r));
  return out;
}

std::string active_key(const std::string& account_id, const sdk::HisId& patient_id) {
  return account_id + "|" + patient_id;
}

Poco::JSON::Object::Ptr link_payload(const Link& l) {
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  p->set("patient_id", l.patient_id);
  p->set("account_id", l.account_id);
  p->set("method", l.method);
  if (l.department_id) p->set("department_id", *l.department_id);
  p->set("link_id", l.id);
  return p;
}

}  // namespace

LinkResult make_link(Environment& env, soci::session& tx, const NewLink& in) {
  const std::string now = env.now_text();
  const std::string key = active_key(in.account_id, in.patient_id);
  tx << "INSERT INTO hisx_app_link_accounts (account_id, active_links, created_at) "
        "VALUES (:a, 0, :now) ON CONFLICT DO NOTHING",
      soci::use(in.account_id), soci::use(now);
  if (auto existing = find_active_link(tx, in.account_id, in.patient_id)) {
    return {LinkOutcome::kAlreadyLinked, *existing};
  }
  // The account's row is locked by this UPDATE until the commit: concurrent links of one
  // account are counted one after the other.
  soci::statement take =
      (tx.prepare << "UPDATE hisx_app_link_accounts SET active_links = active_links + 1 "
                     "WHERE account_id = :a AND active_links < :max",
       soci::use(in.account_id), soci::use(env.settings.max_patients_per_account));
  take.execute(true);
  if (take.get_affected_rows() != 1) return {LinkOutcome::kLimitReached, {}};

  const std::string department = in.department_id.value_or("");
  soci::indicator dep_ind = in.department_id ? soci::i_ok : soci::i_null;
  std::string consent_by = in.consent_by;
  soci::indicator by_ind = consent_by.empty() ? soci::i_null : soci::i_ok;
  std::string witness = in.consent_witness;
  soci::indicator witness_ind = witness.empty() ? soci::i_null : soci::i_ok;
  const std::string consent_at = in.consent_at.empty() ? now : in.consent_at;
  const long long code = in.code_id.value_or(0), form = in.form_id.value_or(0),
                  import = in.import_id.value_or(0);
  soci::indicator code_ind = in.code_id ? soci::i_ok : soci::i_null;
  soci::indicator form_ind = in.form_id ? soci::i_ok : soci::i_null;
  soci::indicator import_ind = in.import_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  soci::indicator id_ind = soci::i_null;
  tx << "INSERT INTO hisx_app_link_links (account_id, patient_id, active_key, department_id, "
        "method, consent_by, consent_method, consent_witness, consent_at, code_id, form_id, "
        "import_id, linked_by, linked_at) VALUES (:a, :p, :k, :d, :m, :cb, :cm, :cw, :ca, "
        ":code, :form, :imp, :by, :now) ON CONFLICT DO NOTHING RETURNING id",
      soci::use(in.account_id), soci::use(in.patient_id), soci::use(key),
      soci::use(department, dep_ind), soci::use(in.method), soci::use(consent_by, by_ind),
      soci::use(in.consent_method), soci::use(witness, witness_ind), soci::use(consent_at),
      soci::use(code, code_ind), soci::use(form, form_ind), soci::use(import, import_ind),
      soci::use(in.linked_by), soci::use(now), soci::into(id, id_ind);
  if (id_ind == soci::i_null || !tx.got_data()) {
    // Another host linked the same pair meanwhile: give the place back, answer its link.
    tx << "UPDATE hisx_app_link_accounts SET active_links = active_links - 1 WHERE account_id = :a",
        soci::use(in.account_id);
    if (auto existing = find_active_link(tx, in.account_id, in.patient_id)) {
      return {LinkOutcome::kAlreadyLinked, *existing};
    }
    throw std::runtime_error("the link of " + in.account_id + " to " + in.patient_id +
                             " was neither stored nor found");
  }
  Link made;
  made.id = id;
  made.account_id = in.account_id;
  made.patient_id = in.patient_id;
  made.department_id = in.department_id;
  made.method = in.method;
  made.consent_by = in.consent_by;
  made.consent_method = in.consent_method;
  made.consent_witness = in.consent_witness;
  made.consent_at = consent_at;
  made.code_id = in.code_id;
  made.form_id = in.form_id;
  made.import_id = in.import_id;
  made.linked_by = in.linked_by;
  made.linked_at = now;
  auto payload = link_payload(made);
  payload->set("linked_at", made.linked_at);
  env.context.events().publish(tx, std::string(sdk::events::kPatientLinked), payload);
  return {LinkOutcome::kLinked, made};
}

std::optional<Link> end_link(Environment& env, soci::session& tx, long long id,
                             const std::string& by, const std::string& reason) {
  const std::string now = env.now_text();
  std::string why = reason;
  soci::indicator why_ind = why.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (tx.prepare
           << "UPDATE hisx_app_link_links SET active_key = NULL, unlinked_at = :now, "
              "unlinked_by = :by, unlink_reason = :why WHERE id = :id AND unlinked_at IS NULL",
       soci::use(now), soci::use(by), soci::use(why, why_ind), soci::use(id));
  st.execute(true);
  if (st.get_affected_rows() != 1) return std::nullopt;
  Link ended = *find_link(tx, id);
  tx << "UPDATE hisx_app_link_accounts SET active_links = active_links - 1 WHERE account_id = :a",
      soci::use(ended.account_id);
  auto payload = link_payload(ended);
  payload->set("unlinked_at", now);
  if (!reason.empty()) payload->set("reason", reason);
  env.context.events().publish(tx, std::string(sdk::events::kPatientUnlinked), payload);
  return ended;
}

std::optional<Link> find_link(soci::session& s, long long id) {
  auto found = select_links(s, "id = :id", id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Link> find_active_link(soci::session& s, const std::string& account_id,
                                     const sdk::HisId& patient_id) {
  auto found = select_links(s, "active_key = :k", active_key(account_id, patient_id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Link> links_of_account(soci::session& s, const std::string& account_id,
                                   bool with_ended) {
  return select_links(s, with_ended ? "account_id = :a" : "account_id = :a AND unlinked_at IS NULL",
                      account_id);
}

std::vector<Link> links_of_patient(soci::session& s, const sdk::HisId& patient_id) {
  return select_links(s, "patient_id = :p", patient_id);
}

std::vector<sdk::HisId> patients_linked_at(soci::session& s, const std::string& at) {
  soci::rowset<std::string> rows =
      (s.prepare << "SELECT DISTINCT patient_id FROM hisx_app_link_links WHERE linked_at <= :at "
                    "AND (unlinked_at IS NULL OR unlinked_at > :at2)",
       soci::use(at), soci::use(at));
  return {rows.begin(), rows.end()};
}

}  // namespace hisx::app_link
