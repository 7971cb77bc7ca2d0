#pragma once

#include <soci/soci.h>

#include "environment.h"
#include "hisx/events.h"

namespace hisx::hl7 {

/// Builds the SIU message of an appointment event (the patient's PID from the HIS profile's
/// `patient.get`, the clinic's name from `clinic.list`) and queues it in `store_tx`, the
/// event's delivery transaction: once per event, no network I/O. Returns whether a message
/// was queued (false for an event queued before, e.g. after a replay).
bool queue_event(Environment& env, const sdk::Event& event, soci::session& store_tx);

/// Subscribes queue_event() to the four appointment events that have an SIU trigger.
void subscribe_to_appointments(Environment& env);

}  // namespace hisx::hl7
