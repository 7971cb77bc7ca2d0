#pragma once

#include <Poco/JSON/Object.h>

#include "hisx/notifier.h"
#include "reexam/reexam_service.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// An order as the API shows it: {id, patient_id, clinic_id, doctor_id, visit_id, due_date
/// (the first), window_before_days, window_after_days, recurrence ({interval_days, count} or
/// null), occurrences, note, status, ordered_by, created_at, updated_at, cancel_reason,
/// cancelled_by, dues: [{id, seq, due_date, window_start, window_end, status, booking_id,
/// booking (the booking's JSON or null), reminders}]}. Each reminder: {id, offset_days,
/// send_at, recorded_state (queued or skipped), state (the notifier's delivery state read
/// now: queued, sending, sent, failed; or skipped), message_id, detail, attempts, sent_at,
/// last_error}. With no `notifier`, dues carry no reminders (lists).
Poco::JSON::Object::Ptr reexam_json(const ReexamView& view, const TimeZone& zone,
                                    const sdk::Notifier* notifier);

}  // namespace hisx::appointments
