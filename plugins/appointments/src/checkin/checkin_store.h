#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "booking/booking.h"
#include "hisx/his_id.h"

namespace hisx::appointments {

/// A booking's check-in at the desk (columns of hisx_appointments_bookings, migration 0006).
struct CheckInRecord {
  Instant at{};
  std::string by;              ///< Principal id of the receptionist.
  std::string day;             ///< Local day of the queue, "YYYY-MM-DD".
  long long queue_number = 0;  ///< 1, 2, … per clinic and day.
};

/// The next queue number of `clinic_id` on local `day`: one upsert of the day's counter row
/// (`last_number + 1`, or 1 for the day's first), inside the caller's transaction. The row
/// stays locked until it ends, so concurrent check-ins — on any host — get distinct numbers
/// in the order they commit; a rolled-back check-in gives its number back.
long long next_queue_number(soci::session& s, const sdk::HisId& clinic_id, const std::string& day);

/// Moves booking `id` from `from` to checked_in with `record` and `priority`, only if it is
/// still in `from`; false when someone changed it meanwhile.
bool mark_checked_in(soci::session& s, long long id, BookingStatus from,
                     const CheckInRecord& record, int priority);

/// The check-in of booking `id`, if it was checked in.
std::optional<CheckInRecord> find_check_in(soci::session& s, long long id);

/// Ids of the bookings of `patient_id` whose slot starts in [from, to) (UTC text), by start.
std::vector<long long> patient_bookings_between(soci::session& s, const sdk::HisId& patient_id,
                                                const std::string& from, const std::string& to);

}  // namespace hisx::appointments
