#pragma once

#include "environment.h"

namespace hisx::appointments {

/// GET /fhir/r4/Schedule[/{id}] and /fhir/r4/Slot[/{id}] (reader roles, as the REST API's
/// /clinics and /slots).
void add_fhir_schedule_routes(Environment& env);

/// GET /fhir/r4/Patient, Practitioner and Location, read and search, from the HIS (reader
/// roles: staff and the app and website backends).
void add_fhir_his_routes(Environment& env);

/// /fhir/r4/Appointment: read and search (booking roles and manager), create (booking roles),
/// update to cancel (booking roles).
void add_fhir_appointment_routes(Environment& env);

}  // namespace hisx::appointments
