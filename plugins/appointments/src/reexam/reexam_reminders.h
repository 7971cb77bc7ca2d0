#pragma once

#include "environment.h"

namespace hisx::appointments {

/// What one reminder run did.
struct ReminderRun {
  int queued = 0;   ///< Reminders handed to the notifier.
  int skipped = 0;  ///< Reminders recorded as skipped (no phone, channel refused, …).
};

/// The re-examination reminder run (W4), in one store transaction:
///  1. settles dues against their bookings and the calendar (reconcile_dues());
///  2. for each open or booked due of an active order, finds the reminder due now
///     (reminder_due(): the target is the booked slot's day and start, or the due date),
///     and, unless one with that offset was recorded, queues it through the host's
///     notifier (settings' reminder_channel, the patient's phone from the HIS `patient.get`,
///     dedupe key "appointments.reminder.<due_id>.<offset>") and records it as queued with
///     the message id, or as skipped with why (no phone, unknown patient, channel refused).
/// Safe to run concurrently and repeatedly (each reminder is recorded once, with a unique
/// (due, offset) row). Called by the job "appointments.reexam_reminders" and right after an
/// order is created or a due booked.
ReminderRun run_reexam_reminders(Environment& env);

/// Registers the periodic job "appointments.reexam_reminders" on settings'
/// reminder_schedule.
void schedule_reexam_reminders(Environment& env);

}  // namespace hisx::appointments
