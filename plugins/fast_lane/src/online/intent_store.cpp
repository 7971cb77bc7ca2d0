#include "online/intent_store.h"

#include <map>

#include "hisx/database.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kColumns =
    "id, patient_id, patient_code, patient_name, app_account, amount, reference, status, "
    "created_at, created_by, paid_at, provider, provider_transaction, payment_id, flagged_at, "
    "flag_reason";

Intent intent_of(const soci::row& r) {
  Intent i;
  i.id = sdk::row_integer(r, 0);
  i.patient_id = sdk::row_text(r, 1);
  i.patient_code = sdk::row_text(r, 2);
  i.patient_name = sdk::row_text(r, 3);
  i.app_account = sdk::row_text(r, 4);
  i.amount = sdk::row_integer(r, 5);
  i.reference = sdk::row_text(r, 6);
  i.status = sdk::row_text(r, 7);
  i.created_at = sdk::row_text(r, 8);
  i.created_by = sdk::row_text(r, 9);
  i.paid_at = sdk::row_text(r, 10);
  i.provider = sdk::row_text(r, 11);
  i.provider_transaction = sdk::row_text(r, 12);
  if (r.get_indicator(13) != soci::i_null) i.payment_id = sdk::row_integer(r, 13);
  i.flagged_at = sdk::row_text(r, 14);
  i.flag_reason = sdk::row_text(r, 15);
  return i;
}

void load_lines(soci::session& s, Intent& i) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT charge_id, line_id, service_name, quantity, total, insurance_share, "
                    "patient_share, charge_total, charge_insurance_share, charge_patient_share "
                    "FROM hisx_fast_lane_intent_lines WHERE intent_id = :i ORDER BY position",
       soci::use(i.id));
  std::map<std::string, bool> seen;
  for (const auto& r : rows) {
    const std::string charge = sdk::row_text(r, 0);
    i.lines.push_back({charge,
                       {sdk::row_text(r, 1), "", sdk::row_text(r, 2), sdk::row_text(r, 3),
                        sdk::row_integer(r, 4), sdk::row_integer(r, 5), sdk::row_integer(r, 6)}});
    if (!seen[charge]) {
      seen[charge] = true;
      i.charges.push_back(
          {charge, sdk::row_integer(r, 7), sdk::row_integer(r, 8), sdk::row_integer(r, 9), true});
    }
  }
}

std::vector<Intent> select_intents(soci::session& s, const std::string& where,
                                   const std::string& value, int limit) {
  std::vector<Intent> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns + " FROM hisx_fast_lane_intents WHERE " +
                        where + " ORDER BY id DESC LIMIT :n",
       soci::use(value), soci::use(limit));
  for (const auto& r : rows) out.push_back(intent_of(r));
  for (auto& i : out) load_lines(s, i);
  return out;
}

std::optional<Intent> first(std::vector<Intent> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

long long affected(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

constexpr const char* kEventColumns =
    "provider, event_id, type, reference, amount, transaction_id, received_at, outcome, "
    "intent_id, flagged_at";

}  // namespace

std::optional<long long> insert_intent(soci::session& tx, const Intent& i) {
  soci::indicator account_ind = i.app_account.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  soci::indicator id_ind = soci::i_null;
  tx << "INSERT INTO hisx_fast_lane_intents (patient_id, patient_code, patient_name, "
        "app_account, amount, reference, created_at, created_by) VALUES (:p, :c, :n, :a, :amt, "
        ":ref, :at, :by) ON CONFLICT DO NOTHING RETURNING id",
      soci::use(i.patient_id), soci::use(i.patient_code), soci::use(i.patient_name),
      soci::use(i.app_account, account_ind), soci::use(i.amount), soci::use(i.reference),
      soci::use(i.created_at), soci::use(i.created_by), soci::into(id, id_ind);
  if (!tx.got_data() || id_ind == soci::i_null) return std::nullopt;
  int position = 0;
  for (const auto& l : i.lines) {
    ++position;
    PaidCharge c;
    for (const auto& candidate : i.charges) {
      if (candidate.charge_id == l.charge_id) c = candidate;
    }
    tx << "INSERT INTO hisx_fast_lane_intent_lines (intent_id, position, charge_id, line_id, "
          "service_name, quantity, total, insurance_share, patient_share, charge_total, "
          "charge_insurance_share, charge_patient_share) VALUES (:i, :n, :c, :l, :name, :q, :t, "
          ":ins, :pat, :ct, :ci, :cp)",
        soci::use(id), soci::use(position), soci::use(l.charge_id), soci::use(l.line.line_id),
        soci::use(l.line.service_name), soci::use(l.line.quantity), soci::use(l.line.total),
        soci::use(l.line.insurance_share), soci::use(l.line.patient_share), soci::use(c.total),
        soci::use(c.insurance_share), soci::use(c.patient_share);
  }
  return id;
}

std::optional<Intent> find_intent(soci::session& s, long long id) {
  return first(select_intents(s, "id = CAST(:id AS BIGINT)", std::to_string(id), 1));
}

std::optional<Intent> find_intent_by_reference(soci::session& s, const std::string& reference) {
  return first(select_intents(s, "reference = :r", reference, 1));
}

std::vector<Intent> open_intents_of(soci::session& s, const std::string& patient_id) {
  return select_intents(s, "patient_id = :p AND status = 'open'", patient_id, 50);
}

std::vector<Intent> intents_to_reconcile(soci::session& s, int limit) {
  return select_intents(s, "(flagged_at IS NOT NULL OR status = 'conflict') AND status <> :x",
                        "paid", limit);
}

bool settle_intent(soci::session& tx, long long id, const std::string& status,
                   std::optional<long long> payment_id, const std::string& provider,
                   const std::string& transaction, const std::string& at, const std::string& note) {
  const long long payment = payment_id.value_or(0);
  soci::indicator payment_ind = payment_id ? soci::i_ok : soci::i_null;
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_intents SET status = :s, payment_id = :p, "
                     "provider = :prov, provider_transaction = :t, paid_at = :at "
                     "WHERE id = :id AND status = 'open'",
       soci::use(status), soci::use(payment, payment_ind), soci::use(provider),
       soci::use(transaction), soci::use(at), soci::use(id));
  if (affected(st) != 1) return false;
  if (!note.empty()) {
    tx << "UPDATE hisx_fast_lane_intents SET flagged_at = :at, flag_reason = :r WHERE id = :id",
        soci::use(at), soci::use(note), soci::use(id);
  }
  return true;
}

long long flag_unconfirmed_intents(soci::session& tx, const std::string& before,
                                   const std::string& at, const std::string& reason) {
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_intents SET flagged_at = :at, flag_reason = :r "
                     "WHERE status = 'open' AND flagged_at IS NULL AND created_at < :before",
       soci::use(at), soci::use(reason), soci::use(before));
  return affected(st);
}

bool record_webhook_event(soci::session& tx, const WebhookEvent& e) {
  const long long amount = e.amount.value_or(0);
  soci::indicator amount_ind = e.amount ? soci::i_ok : soci::i_null;
  soci::indicator reference_ind = e.reference.empty() ? soci::i_null : soci::i_ok;
  soci::indicator transaction_ind = e.transaction_id.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (tx.prepare << "INSERT INTO hisx_fast_lane_webhook_events (provider, event_id, type, "
                     "reference, amount, transaction_id, received_at, outcome) VALUES (:p, :e, "
                     ":t, :r, :a, :tx, :at, 'received') ON CONFLICT DO NOTHING",
       soci::use(e.provider), soci::use(e.event_id), soci::use(e.type),
       soci::use(e.reference, reference_ind), soci::use(amount, amount_ind),
       soci::use(e.transaction_id, transaction_ind), soci::use(e.received_at));
  return affected(st) == 1;
}

void set_webhook_outcome(soci::session& tx, const std::string& provider,
                         const std::string& event_id, const std::string& outcome,
                         std::optional<long long> intent_id) {
  const long long intent = intent_id.value_or(0);
  soci::indicator intent_ind = intent_id ? soci::i_ok : soci::i_null;
  tx << "UPDATE hisx_fast_lane_webhook_events SET outcome = :o, intent_id = :i WHERE provider = "
        ":p AND event_id = :e",
      soci::use(outcome), soci::use(intent, intent_ind), soci::use(provider), soci::use(event_id);
}

long long flag_unmatched_transfers(soci::session& tx, const std::string& at) {
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_webhook_events SET flagged_at = :at WHERE outcome IN "
                     "('unmatched', 'mismatch', 'conflict') AND flagged_at IS NULL",
       soci::use(at));
  return affected(st);
}

std::vector<WebhookEvent> unmatched_transfers(soci::session& s, int limit) {
  std::vector<WebhookEvent> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kEventColumns +
                        " FROM hisx_fast_lane_webhook_events WHERE outcome IN ('unmatched', "
                        "'mismatch', 'conflict') ORDER BY received_at DESC LIMIT :n",
       soci::use(limit));
  for (const auto& r : rows) {
    WebhookEvent e;
    e.provider = sdk::row_text(r, 0);
    e.event_id = sdk::row_text(r, 1);
    e.type = sdk::row_text(r, 2);
    e.reference = sdk::row_text(r, 3);
    if (r.get_indicator(4) != soci::i_null) e.amount = sdk::row_integer(r, 4);
    e.transaction_id = sdk::row_text(r, 5);
    e.received_at = sdk::row_text(r, 6);
    e.outcome = sdk::row_text(r, 7);
    if (r.get_indicator(8) != soci::i_null) e.intent_id = sdk::row_integer(r, 8);
    e.flagged_at = sdk::row_text(r, 9);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace hisx::fast_lane
