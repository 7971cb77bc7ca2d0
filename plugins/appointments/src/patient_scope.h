#pragma once

#include <string>

#include "booking/booking.h"
#include "environment.h"
#include "fhir/fhir_store.h"
#include "hisx/http.h"
#include "hisx/patient_access.h"

namespace hisx::appointments {

/// The patients the caller of `req` may act for (sdk::PatientScope, SDK 2.1): while app_link
/// publishes PatientAccess, an `app` request acts only for the patients linked to the account
/// in X-App-Account (400 app-account-required without it); staff, the website and every
/// request without app_link act for any patient, as their roles allow. Every route the app
/// reaches that serves or changes a patient's records goes through the calls below, which
/// answer a patient outside the scope exactly as one that does not exist.
sdk::PatientScope patient_scope(Environment& env, const sdk::Request& req);

/// Throws unknown_patient(id) (422 patient_id, as for a patient the HIS does not have) when
/// `scope` does not admit patient `id`.
void require_patient(const sdk::PatientScope& scope, const std::string& id);

/// Throws booking_not_found(id) (404, as for a booking that does not exist) when `scope` is
/// bound and booking `id` is missing or of a patient it does not admit. Nothing for an
/// unbound scope: the route's own lookup answers a missing booking.
void require_booking(Environment& env, const sdk::PatientScope& scope, long long id);

/// Narrows a booking search to the patients of a bound `scope` (none linked: no booking).
void narrow_to_scope(const sdk::PatientScope& scope, BookingSearch& search);

}  // namespace hisx::appointments
