#pragma once

#include "environment.h"

namespace hisx::appointments {

/// How many days, from today, the demo bookings cover.
inline constexpr int kDemoBookingDays = 7;

/// With the setting `demo_seed: true` and no booking yet, fills the demo clinics' slots of
/// today and the next kDemoBookingDays days with a realistic mix, so that the staff pages and
/// the reports have something to show: fuller near days (about 80 % today down to 25 % a
/// week ahead); channels weighted like a district hospital with a new app (app 35 %, walk-in
/// 20 %, phone 20 %, re-exam 15 %, web 10 %) within the slots' quotas; bookings through the
/// confirm channels mostly still awaiting confirmation; today's past slots completed or
/// checked in; a few cancellations. Patients come from the HIS (`patient.search`), each at
/// most once a day. Deterministic for a given day. Takes places with the same conditional
/// updates as real bookings (never more than the capacity), records a history entry per
/// booking and publishes no events (nothing happened: the demo pretends it did). One
/// transaction; returns how many bookings it created.
int seed_demo_bookings(Environment& env);

}  // namespace hisx::appointments
