#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "payments/charge_rules.h"

// Payments, their charges and lines, receipt books and reversals (hisx_fast_lane_payments,
// _payment_charges, _payment_lines, _receipt_books, _reversals). Thin SQL.

namespace hisx::fast_lane {

/// A charge a payment paid, with its amounts.
struct PaidCharge {
  std::string charge_id;
  long long total = 0, insurance_share = 0, patient_share = 0;
  bool standing = true;  ///< False once the payment is reversed.
};

/// A service line a payment paid, as its receipt prints it.
struct PaidLine {
  std::string charge_id;
  ChargeLine line;
};

/// A payment as stored.
struct Payment {
  long long id = 0;
  std::string patient_id, patient_code, patient_name;
  long long amount = 0;
  std::string method;
  std::optional<long long> tendered, change;
  std::string reference;
  std::string receipt_no;
  std::string status;     ///< completed, reversed.
  std::string his_state;  ///< recorded, pending, conflict.
  std::string his_note;
  std::string his_recorded_at;
  std::string window_code;
  std::optional<long long> ticket_id;
  std::optional<long long> shift_id;   ///< Nothing for a payment made online.
  std::optional<long long> intent_id;  ///< The app's payment intent it settles (prepaid).
  std::string paid_at, paid_by, paid_by_name, day;
  int prints = 0;
  std::vector<PaidCharge> charges;
  std::vector<PaidLine> lines;
};

/// Stores `p` (id, charges and lines) in `tx`; returns its id. A charge already paid by a
/// standing payment makes the insert fail with a unique violation (sdk::is_duplicate_key).
long long insert_payment(soci::session& tx, const Payment& p);
std::optional<Payment> find_payment(soci::session& s, long long id);
/// Payments of `day` (and of `patient_id` when not ""), newest first, at most `limit`.
std::vector<Payment> list_payments(soci::session& s, const std::string& day,
                                   const std::string& patient_id, int limit);
/// The standing payment of each of `charge_ids` that has one: charge id → payment id.
std::vector<std::pair<std::string, long long>> standing_payments(
    soci::session& s, const std::vector<std::string>& charge_ids);
/// Counts one more print of the payment's receipt; returns the count before it.
int count_receipt_print(soci::session& tx, long long id);
void set_his_state(soci::session& tx, long long id, const std::string& state,
                   const std::string& note, const std::string& at);
/// completed → reversed, its charges free to be paid again. False when it was not completed.
bool mark_payment_reversed(soci::session& tx, long long id);

/// The next receipt number's sequence in `book` and `year` (in `tx`, the row locked until it
/// ends).
long long next_receipt_sequence(soci::session& tx, const std::string& book, int year);

/// A reversal as stored.
struct Reversal {
  long long id = 0;
  long long payment_id = 0;
  std::string status;  ///< requested, approved, rejected.
  std::string reason;
  std::string requested_by, requested_by_name, requested_at;
  std::optional<long long> shift_id;
  std::string decided_by, decided_by_name, decided_at, decision_note;
  std::string receipt_no;
  std::string his_state, his_note;
};

/// Stores a requested reversal; nothing when the payment has a standing one already.
std::optional<long long> insert_reversal(soci::session& tx, const Reversal& r);
std::optional<Reversal> find_reversal(soci::session& s, long long id);
/// Reversals of `status` ("" for every one), newest first.
std::vector<Reversal> list_reversals(soci::session& s, const std::string& status, int limit);
/// The payment's standing (requested or approved) reversal, if any.
std::optional<Reversal> standing_reversal(soci::session& s, long long payment_id);
/// requested → approved with its receipt number. False when it was no longer requested.
bool approve_reversal(soci::session& tx, long long id, const std::string& by,
                      const std::string& by_name, const std::string& at, const std::string& note,
                      const std::string& receipt_no, const std::string& his_state);
/// requested → rejected. False when it was no longer requested.
bool reject_reversal(soci::session& tx, long long id, const std::string& by,
                     const std::string& by_name, const std::string& at, const std::string& note);
void set_reversal_his_state(soci::session& tx, long long id, const std::string& state,
                            const std::string& note);

}  // namespace hisx::fast_lane
