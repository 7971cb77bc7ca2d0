#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "payments/payment_store.h"

// Payment intents of the app and the webhook events of the gateway (hisx_fast_lane_intents,
// _intent_lines, _webhook_events). Thin SQL.

namespace hisx::fast_lane {

/// An intent as stored.
struct Intent {
  long long id = 0;
  std::string patient_id, patient_code, patient_name, app_account;
  long long amount = 0;
  std::string reference;
  std::string status;  ///< open, paid, conflict.
  std::string created_at, created_by, paid_at, provider, provider_transaction;
  std::optional<long long> payment_id;
  std::string flagged_at, flag_reason;
  std::vector<PaidCharge> charges;
  std::vector<PaidLine> lines;
};

/// Stores `i` with its charges and lines; nothing when its reference is taken.
std::optional<long long> insert_intent(soci::session& tx, const Intent& i);
std::optional<Intent> find_intent(soci::session& s, long long id);
std::optional<Intent> find_intent_by_reference(soci::session& s, const std::string& reference);
/// The open intents of `patient_id`, newest first.
std::vector<Intent> open_intents_of(soci::session& s, const std::string& patient_id);
/// Flagged intents and open ones, newest first, at most `limit`.
std::vector<Intent> intents_to_reconcile(soci::session& s, int limit);
/// open → paid (or conflict) with the payment, the provider and its transaction. False when it
/// was not open.
bool settle_intent(soci::session& tx, long long id, const std::string& status,
                   std::optional<long long> payment_id, const std::string& provider,
                   const std::string& transaction, const std::string& at, const std::string& note);
/// Flags the open intents made before `before` that are not flagged yet; returns how many.
long long flag_unconfirmed_intents(soci::session& tx, const std::string& before,
                                   const std::string& at, const std::string& reason);

/// A webhook event as received.
struct WebhookEvent {
  std::string provider, event_id, type, reference;
  std::optional<long long> amount;
  std::string transaction_id, received_at, outcome;
  std::optional<long long> intent_id;
  std::string flagged_at;
};

/// Records `e`; false when the provider's event id was recorded before (a replay).
bool record_webhook_event(soci::session& tx, const WebhookEvent& e);
/// The event's outcome once handled.
void set_webhook_outcome(soci::session& tx, const std::string& provider,
                         const std::string& event_id, const std::string& outcome,
                         std::optional<long long> intent_id);
/// Flags the unmatched and mismatched events not flagged yet; returns how many.
long long flag_unmatched_transfers(soci::session& tx, const std::string& at);
/// Events whose outcome is unmatched, mismatch or conflict, newest first.
std::vector<WebhookEvent> unmatched_transfers(soci::session& s, int limit);

}  // namespace hisx::fast_lane
