#pragma once

#include <string>
#include <vector>

#include "environment.h"

namespace hisx::appointments {

/// Roles that may read the catalogue and the slots: staff, the app and the website backends.
std::vector<std::string> reader_roles();
/// Roles that may book and change bookings: app, website, receptionist, call_center,
/// doctor, admin.
std::vector<std::string> booking_roles();

/// GET /api/v1/appointments/clinics.
void add_clinic_routes(Environment& env);
/// /api/v1/appointments/admin/clinics[/{clinic_id}] (admin).
void add_admin_clinic_routes(Environment& env);
/// /api/v1/appointments/admin/templates[/{id}] (admin).
void add_admin_template_routes(Environment& env);
/// /api/v1/appointments/admin/closures[/{id}] (admin).
void add_admin_closure_routes(Environment& env);
/// POST /api/v1/appointments/admin/slots/generate (admin).
void add_admin_slot_routes(Environment& env);
/// GET /api/v1/appointments/slots.
void add_slot_routes(Environment& env);
/// /api/v1/appointments/bookings[/{id}[/confirm|cancel|complete|no-show|reschedule]].
void add_booking_routes(Environment& env);
/// /api/v1/appointments/worklist and /worklist/attempts (call_center, admin; W3).
void add_worklist_routes(Environment& env);
/// GET /api/v1/appointments/check-in/search and POST /bookings/{id}/check-in (receptionist,
/// admin; W5).
void add_checkin_routes(Environment& env);

/// The FHIR R4 facade under /fhir/r4: metadata (public), Schedule, Slot, Appointment.
void add_fhir_routes(Environment& env);

/// /api/v1/appointments/reexams[/{id}[/cancel|/dues/{seq}/book]] (W4) and the reminder job
/// "appointments.reexam_reminders".
void start_reexams(Environment& env);

}  // namespace hisx::appointments
