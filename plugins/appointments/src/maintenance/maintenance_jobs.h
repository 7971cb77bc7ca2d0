#pragma once

#include "environment.h"

namespace hisx::appointments {

/// How many local days ahead of today the slots are kept generated (today included: today
/// and the next 14 days).
inline constexpr int kGenerateAheadDays = 14;

/// Marks as no_show every booking still requested or confirmed whose slot lies on a local
/// day before today (the patient never checked in), one booking per transaction through the
/// booking lifecycle, so each gets its history entry and its appointment.no_show event.
/// A booking changed meanwhile by someone else is left as it now is. Returns how many it
/// marked.
int mark_no_shows(Environment& env);

/// Records the HIS department of each catalogue clinic as clinic.list gives it now (the
/// events carry it); returns how many changed.
int refresh_clinic_departments(Environment& env);

/// Refreshes the clinics' departments, then generates the slots of today and the next
/// kGenerateAheadDays days (idempotent).
int generate_ahead(Environment& env);

/// Registers the plugin's periodic jobs with the host's scheduler (daily, in the hospital's
/// time zone: no-shows at 00:10, slot generation at 00:20, key pruning at 03:30), and runs
/// each once at start as well, so a host that was down at night catches up at once.
void schedule_maintenance(Environment& env);

}  // namespace hisx::appointments
