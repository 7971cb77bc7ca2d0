#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>

// Cashier shifts (hisx_fast_lane_shifts) and what was taken in them.

namespace hisx::fast_lane {

/// A shift as stored.
struct Shift {
  long long id = 0;
  std::string cashier, cashier_name, window_code;
  long long opening_float = 0;
  std::string opened_at, closed_at;  ///< closed_at "" while open.
  /// What the cashier counted per method at the close (cash, card, transfer, prepaid).
  std::map<std::string, long long> counted;
  std::string close_note;

  bool open() const { return closed_at.empty(); }
};

/// Opens a shift; nothing when the cashier has an open one already.
std::optional<long long> insert_shift(soci::session& tx, const Shift& s);
std::optional<Shift> find_shift(soci::session& s, long long id);
/// The cashier's open shift, if any.
std::optional<Shift> open_shift_of(soci::session& s, const std::string& cashier);
/// Closes the open shift `id` with the counted amounts. False when it was closed already.
bool close_shift(soci::session& tx, long long id, const std::map<std::string, long long>& counted,
                 const std::string& note, const std::string& at);

/// Per method: the payments of the shift (count, sum) and the reversals refunded from it.
struct MethodTakings {
  int payments = 0;
  long long paid = 0;
  int reversals = 0;
  long long refunded = 0;
};
std::map<std::string, MethodTakings> shift_takings(soci::session& s, long long shift_id);

}  // namespace hisx::fast_lane
