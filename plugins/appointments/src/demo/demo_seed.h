#pragma once

#include "environment.h"

namespace hisx::appointments {

/// How many of the HIS's clinics (in clinic.list order) the demo seed opens for booking.
inline constexpr int kDemoClinics = 3;
/// How many days ahead, from today, the demo seed generates slots.
inline constexpr int kDemoDays = 14;

/// With the setting `demo_seed: true` and an empty catalogue, opens the first kDemoClinics
/// HIS clinics for every channel (window 14 days, same-day cut-off 10:00), gives each a
/// Monday–Saturday morning session 07:30–11:30 and a Monday–Friday afternoon session
/// 13:30–16:30 in 15-minute slots of 4 places with app and web at 50 %, and generates the
/// slots of today and the next kDemoDays days. Does nothing otherwise; returns true when it
/// seeded. One transaction for the configuration, one for the slots.
bool seed_demo_schedules(Environment& env);

}  // namespace hisx::appointments
