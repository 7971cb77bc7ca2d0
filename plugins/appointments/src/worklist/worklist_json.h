#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <vector>

#include "sdk_time.h"
#include "worklist/worklist_service.h"

namespace hisx::appointments {

/// A call: {id, booking_id, due_id, at, by, outcome, call_back_at, note}; times local with
/// offset (call_back_at null unless the outcome is call_back_at).
Poco::JSON::Object::Ptr attempt_json(const CallAttempt& attempt, const TimeZone& zone);

/// Calls as a JSON array, in the given order.
Poco::JSON::Array::Ptr attempts_json(const std::vector<CallAttempt>& attempts,
                                     const TimeZone& zone);

/// A re-examination due: {id, reexam_id, seq, due_date, window_start, window_end, status,
/// booking_id, clinic_id, doctor_id, note}.
Poco::JSON::Object::Ptr due_json(const DueForCall& due);

/// The worklist: {date, as_of, count, items: [{rank, kind, urgency, waiting, booking, due,
/// patient {id, code, full_name, phone}, clinic {id, name}, start, end, call_back_at,
/// attempts}]}; rank counts from 1, booking or due is null as the kind says, start/end are the
/// slot's (bookings only), call_back_at the pending call-back time if the latest call set one.
Poco::JSON::Object::Ptr worklist_json(const Worklist& list, const TimeZone& zone);

}  // namespace hisx::appointments
