#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "environment.h"
#include "hisx/http.h"
#include "online/intent_store.h"

// Online payment from the app: a payment intent for open charges, the gateway's signed
// webhook that confirms it (and makes the payment, method prepaid), and the reconciliation of
// what did not match. Also the VietQR code the window shows for a bank transfer.

namespace hisx::fast_lane {

/// Makes an intent for `charge_ids` of `patient_id` (201). The app acts only for its linked
/// patients (PatientScope): another is refused as one the HIS lacks (422 `patient_id`). 409
/// `online-payment-off` without a gateway, `charge-not-open`/`charge-already-paid` as a
/// payment, 422 `charge_ids` when nothing is left to pay.
Intent create_intent(Environment& env, const sdk::Request& req, const std::string& patient_id,
                     const std::vector<std::string>& charge_ids);

/// An intent as the API answers it, with its VietQR code when a bank account is set.
Poco::JSON::Object::Ptr intent_json(const Environment& env, const Intent& i);

/// What a webhook call did: the HTTP status and body.
struct WebhookAnswer {
  int status = 200;
  Poco::JSON::Object::Ptr body;
};

/// Handles the gateway's webhook for `provider`: checks the signature over the raw body (401
/// `webhook-signature` otherwise), records the event once by its id (a replay answers 200
/// `duplicate` and changes nothing), and for `payment.succeeded` settles the intent whose
/// reference it carries, making its payment; everything in one transaction, answered after
/// the commit.
WebhookAnswer handle_webhook(Environment& env, const sdk::Request& req,
                             const std::string& provider);

/// The reconciliation job's work: flags open intents older than reconcile_after and
/// transfers that matched no intent. Returns what it flagged (intents, transfers).
std::pair<long long, long long> reconcile(Environment& env);

/// The VietQR payload of a transfer of `amount` with `reference` to the hospital's account,
/// and the same as a PNG image in base64.
std::pair<std::string, std::string> vietqr_for(const Environment& env, long long amount,
                                               const std::string& reference);
/// A new transfer reference: "HISX" and 8 random characters of Crockford's base 32.
std::string new_reference();

}  // namespace hisx::fast_lane
