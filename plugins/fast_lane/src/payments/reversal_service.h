#pragma once

#include <string>

#include "environment.h"
#include "hisx/http.h"
#include "payments/payment_store.h"

// Corrections: a payment is never edited or deleted. A cashier asks for its reversal with a
// reason; a second person (cashier_lead or admin, not the one who asked) approves it, which
// writes the reversing entry with its own receipt number, frees the charges to be paid again,
// reopens them in the HIS (fast_lane.reverse_payment, when the profile defines it) and
// publishes payment.reversed; or rejects it.

namespace hisx::fast_lane {

/// Asks for the reversal of payment `payment_id` (201). 404 unknown payment, 409
/// `payment-reversed` when it is reversed already, `reversal-requested` when one waits.
Reversal request_reversal(Environment& env, const sdk::Principal& who, long long payment_id,
                          const std::string& reason);
/// Approves reversal `id`. 409 `same-person` when `who` asked for it, `invalid-transition`
/// when it is no longer requested.
Reversal approve_reversal(Environment& env, const sdk::Principal& who, long long id,
                          const std::string& note);
/// Rejects reversal `id` with `note` (the payment stands).
Reversal reject_reversal(Environment& env, const sdk::Principal& who, long long id,
                         const std::string& note);

}  // namespace hisx::fast_lane
