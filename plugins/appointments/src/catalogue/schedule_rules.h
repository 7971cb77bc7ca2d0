#pragma once

#include <vector>

#include "catalogue/schedule.h"
#include "field_error.h"

namespace hisx::appointments {

/// Checks one template on its own: weekday 1–7, start before end, slot length 5–240
/// minutes that fits at least once, capacity 1–500, quotas of known channels in 0–100.
FieldCheck check_template(const ScheduleTemplate& t);

/// True when `a` and `b` would produce slots at the same time for the same clinic and
/// doctor (both without a doctor counts as the same): same weekday and overlapping hours.
bool templates_overlap(const ScheduleTemplate& a, const ScheduleTemplate& b);

/// Checks `t` against the clinic's other templates (those with the same id are skipped).
FieldCheck check_no_overlap(const ScheduleTemplate& t, const std::vector<ScheduleTemplate>& others);

/// Checks a clinic's rules: known channels without repeats, window 0–365 days.
FieldCheck check_clinic_rules(const ClinicRules& rules);

/// Checks a closure: from ≤ to, at most 366 days long.
FieldCheck check_closure(const Closure& closure);

}  // namespace hisx::appointments
