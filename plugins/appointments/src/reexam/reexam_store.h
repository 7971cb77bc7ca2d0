#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "hisx/his_id.h"
#include "reexam/reexam.h"
#include "reexam/reexam_rules.h"

namespace hisx::appointments {

/// Stores a new order (its id is ignored) and returns the id.
long long insert_reexam(soci::session& s, const ReexamOrder& order);

/// Stores one occurrence of order `reexam_id`, open, and returns its id.
long long insert_due(soci::session& s, long long reexam_id, const ReexamDue& due,
                     const std::string& now);

/// One order, if it exists.
std::optional<ReexamOrder> find_reexam(soci::session& s, long long id);

/// Orders, newest first, optionally of one patient and/or in one status, at most `limit`.
std::vector<ReexamOrder> list_reexams(soci::session& s, std::optional<sdk::HisId> patient_id,
                                      const std::string& status, int limit);

/// The occurrences of an order by seq.
std::vector<StoredDue> list_dues(soci::session& s, long long reexam_id);

/// Occurrence `seq` of an order, if it exists.
std::optional<StoredDue> find_due(soci::session& s, long long reexam_id, int seq);

/// Open → booked with `booking_id`, only if the due is still open; false otherwise.
bool mark_due_booked(soci::session& s, long long due_id, long long booking_id,
                     const std::string& now);

/// Active → cancelled with why and by whom, only if still active; false otherwise.
bool cancel_reexam_row(soci::session& s, long long id, const std::string& reason,
                       const std::string& by, const std::string& now);

/// Cancels the open dues of an order (booked ones keep their bookings).
void cancel_open_dues(soci::session& s, long long reexam_id, const std::string& now);

/// Brings dues in line with their bookings and the calendar, on local day `today`:
/// a cancelled or no-show booking reopens its due (cancels it when the order is no longer
/// active), a checked-in or completed one makes it done, an open due whose window ended
/// before today is missed, and an active order whose dues are all done or missed is
/// completed.
void reconcile_dues(soci::session& s, const std::string& today, const std::string& now);

/// Open and booked dues of active orders whose window has not ended before `today`, with
/// their orders: the ones reminders may be due for.
struct DueToRemind {
  StoredDue due;
  sdk::HisId patient_id;
  sdk::HisId clinic_id;
};
std::vector<DueToRemind> dues_to_remind(soci::session& s, const std::string& today);

/// True when a reminder with `offset_days` was already recorded for the due.
bool reminder_recorded(soci::session& s, long long due_id, int offset_days);

/// Records a reminder.
void insert_reminder(soci::session& s, const StoredReminder& reminder);

/// The reminders of an order's dues, by due and send time.
std::vector<StoredReminder> list_reminders(soci::session& s, long long reexam_id);

}  // namespace hisx::appointments
