#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "booking/booking.h"
#include "hisx/his_id.h"

namespace hisx::appointments {

/// Serialises the bookings of one patient: upserts the patient's row in
/// hisx_appointments_patient_locks, which holds the row lock (PostgreSQL) or the write lock
/// (SQLite) until the transaction ends. A second booking for the same patient, on any host,
/// waits here, then sees the first one committed: the overlap check after it cannot race.
void lock_patient(soci::session& s, const sdk::HisId& patient_id, const std::string& now);

/// The id of an active booking of the patient whose time overlaps [start, end), other than
/// `except`, if any.
std::optional<long long> find_overlapping(soci::session& s, const sdk::HisId& patient_id,
                                          Instant start, Instant end, long long except = 0);

/// How many active bookings hold places in slots on the local days `from`…`to` of one
/// clinic (or, with no clinic, of every clinic): the patients a new closure affects.
long long count_active_on_days(soci::session& s, std::optional<sdk::HisId> clinic_id,
                               const std::string& from, const std::string& to);

/// Stores a new booking (its id is ignored) and returns the id.
long long insert_booking(soci::session& s, const Booking& b);

/// One booking, if it exists.
std::optional<Booking> find_booking(soci::session& s, long long id);

/// Moves booking `id` from status `from` to `to`, only if it is still in `from` (a
/// concurrent change makes this return false). Cancelling also records why and by whom.
bool change_status(soci::session& s, long long id, BookingStatus from, BookingStatus to,
                   const std::string& now, const std::string& cancel_reason = {},
                   const std::string& cancelled_by = {});

/// Moves booking `id` from slot `from_slot` to `to` (slot, clinic, doctor, times), only if
/// it is still in `from_slot` with `status`; false otherwise.
bool move_booking(soci::session& s, long long id, long long from_slot, BookingStatus status,
                  const Booking& to, const std::string& now);

/// Appends one change to the booking's history.
void add_change(soci::session& s, long long booking_id, const BookingChange& change);

/// The booking's history, oldest first.
std::vector<BookingChange> list_changes(soci::session& s, long long booking_id);

}  // namespace hisx::appointments
