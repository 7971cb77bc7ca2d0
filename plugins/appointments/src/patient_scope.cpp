#include "patient_scope.h"

#include "booking/booking_problems.h"
#include "booking/booking_store.h"

namespace hisx::appointments {

sdk::PatientScope patient_scope(Environment& env, const sdk::Request& req) {
  return sdk::PatientScope::of(req, env.context.services());
}

void require_patient(const sdk::PatientScope& scope, const std::string& id) {
  if (!scope.allows(id)) throw unknown_patient(id);
}

void require_booking(Environment& env, const sdk::PatientScope& scope, long long id) {
  if (!scope.bound()) return;
  std::optional<Booking> b;
  {
    const auto s_lease = env.context.store().session();
    b = find_booking(*s_lease, id);
  }
  // A booking's patient never changes (a reschedule keeps it), so the check holds for the
  // change that follows.
  if (!b || !scope.allows(b->patient_id)) throw booking_not_found(id);
}

void narrow_to_scope(const sdk::PatientScope& scope, BookingSearch& search) {
  if (scope.bound()) search.patient_ids = scope.patients();
}

}  // namespace hisx::appointments
