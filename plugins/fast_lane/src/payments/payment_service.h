#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "environment.h"
#include "hisx/http.h"
#include "hisx/idempotency.h"
#include "payments/charge_rules.h"
#include "payments/payment_store.h"

// Paying a patient's open HIS charges at the window, and the write-back of payments and
// reversals to the HIS: in the payment's own transaction when the HIS and hisx's tables are
// one database, otherwise through the outbox until the HIS has it.

namespace hisx::fast_lane {

/// The name of the plugin's own event that carries a write-back to the HIS.
inline constexpr const char* kHisWriteback = "fast_lane.his_writeback";
/// The plugin's own optional statement that reopens a charge after a reversal.
inline constexpr const char* kReverseStatement = "fast_lane.reverse_payment";

/// A payment asked for at the window.
struct PaymentRequest {
  std::string patient_id;
  std::vector<std::string> charge_ids;  ///< Sorted, without repeats.
  std::string method;                   ///< cash, card, transfer.
  std::optional<long long> tendered;    ///< cash: what the patient handed over.
  std::string reference;  ///< card: the terminal's reference; transfer: its reference.
  std::optional<long long> ticket_id;
  std::string window_code;  ///< "" for the cashier's shift's window.
};

/// The patient's open charges as the HIS lists them now (charge.open_for_patient).
std::vector<Charge> open_charges(Environment& env, const std::string& patient_id);

/// Pays `request` (Idempotency-Key required): 201 with the payment, or the first answer again
/// for a repeated key. 409 `charge-already-paid` when another payment holds a charge (the
/// database decides between two windows), `charge-not-open` when the HIS has no such open
/// charge for the patient, `shift-not-open` without the cashier's open shift; 422 naming the
/// field for a wrong amount, method or reference.
sdk::WriteAnswer pay(Environment& env, const sdk::Request& req, const PaymentRequest& request);

/// Numbers, stores and writes back payment `p` in `tx`: its receipt number, time, day and HIS
/// state, payment.record in the same transaction (409 `charge-not-open` when the HIS refuses)
/// or queued in the outbox, and payment.completed (with `lane`, "" for none). Its charges,
/// lines, patient, method and who took it are the caller's. Returns it as stored.
Payment commit_payment(Environment& env, soci::session& tx, Payment p, const std::string& lane);

/// Subscribes the HIS write-back (kHisWriteback) and declares its event.
void subscribe_his_writeback(Environment& env);

/// Publishes the write-back of payment (`kind` "payment") or reversal ("reversal") `id` in
/// `tx`.
void queue_his_writeback(Environment& env, soci::session& tx, const std::string& kind,
                         long long id);

/// What payment.completed and payment.reversed say of payment `p` (its id, patient, amount,
/// charges, receipt number, method) on local day `day`; each adds its own fields.
Poco::JSON::Object::Ptr payment_event(const Payment& p, const std::string& day);

/// Whether the HIS and hisx's tables are one database (the write-back then happens in the
/// payment's transaction).
bool his_is_store(Environment& env);

/// The parameters of payment.record for charge `charge` of `p`.
sdk::HisParams payment_record_params(const Payment& p, const PaidCharge& charge);
/// payment.record for every charge of `p` on `his`: the first charge the HIS refused (changed
/// no row for), or "".
std::string record_in_his(Environment& env, soci::session& his, const Payment& p);
/// kReverseStatement for every charge of `p` reversed by `r` on `his`: the first charge the HIS
/// refused, or "".
std::string reverse_in_his(Environment& env, soci::session& his, const Payment& p,
                           const Reversal& r);

}  // namespace hisx::fast_lane
