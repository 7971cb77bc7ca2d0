#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "hisx/his_id.h"

namespace hisx::appointments {

/// What a client asks of the Appointment endpoints. Each reader throws a 422 sdk::Problem
/// (type validation) whose field is the FHIRPath of the element at fault, with English and
/// Vietnamese detail; a body that is no Appointment is a 400.

/// POST /fhir/r4/Appointment: book a place.
struct NewAppointment {
  sdk::HisId patient_id;               ///< The one participant Patient/{id}.
  long long slot_id = 0;               ///< The one slot Slot/{id}.
  std::optional<std::string> channel;  ///< The channel extension, when sent.
  std::string reason;                  ///< reasonCode[0].text, else comment; may be empty.
};

/// Reads an Appointment to create: resourceType Appointment; status proposed, pending or
/// booked (the status it gets is the booking's, decided by its channel); exactly one slot
/// reference; exactly one participant whose actor is a Patient (participants that are
/// Locations or Practitioners are ignored: the slot decides them).
NewAppointment read_new_appointment(const Poco::JSON::Object::Ptr& body);

/// PUT /fhir/r4/Appointment/{id}: the only change accepted is a cancellation.
struct AppointmentCancel {
  std::string reason;  ///< cancelationReason.text, else its first coding's display or code.
};

/// Reads an update of Appointment `id`: resourceType Appointment and id equal to `id` (400
/// otherwise, as FHIR requires); status must be cancelled with a cancelationReason; slot and
/// Patient participant, when sent, must be the booking's current ones (`slot_id`,
/// `patient_id`): a move or a change of patient is refused.
AppointmentCancel read_appointment_cancel(const Poco::JSON::Object::Ptr& body, long long id,
                                          long long slot_id, const sdk::HisId& patient_id);

}  // namespace hisx::appointments
