#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "catalogue/schedule.h"
#include "hisx/his_id.h"

namespace hisx::appointments {

/// Every clinic of the appointment catalogue (hisx_appointments_clinics), by clinic id.
std::vector<ClinicRules> list_clinic_rules(soci::session& s);

/// Serialises bookings against changes of a clinic's open days, in the database (several
/// hosts may share it): a booking takes its clinic's row in share mode before it checks the
/// clinic and its closures; a new closure takes the rows of the clinics it closes (every
/// clinic for a hospital-wide one) exclusively before it is written, and a change of the
/// clinic's rules updates the row. Whichever comes second waits for the first to commit and
/// then sees it. On PostgreSQL these are row locks (FOR SHARE / FOR UPDATE); SQLite's write
/// transactions (BEGIN IMMEDIATE) already run one at a time, so nothing is needed there.
void lock_clinic_for_booking(soci::session& s, const std::string& backend,
                             const sdk::HisId& clinic_id);
/// The exclusive side of lock_clinic_for_booking(): `clinic_id` null locks every clinic.
void lock_clinics_for_closure(soci::session& s, const std::string& backend,
                              std::optional<sdk::HisId> clinic_id);

/// The rules of one clinic, if it is in the catalogue.
std::optional<ClinicRules> find_clinic_rules(soci::session& s, const sdk::HisId& clinic_id);

/// Adds the clinic to the catalogue or replaces its rules (with its department).
void save_clinic_rules(soci::session& s, const ClinicRules& rules, const std::string& now,
                       const std::string& by);

/// The recorded HIS department of a catalogue clinic; none when unknown or not in it.
std::optional<sdk::HisId> clinic_department(soci::session& s, const sdk::HisId& clinic_id);

/// Records `department_id` as the HIS department of the catalogue clinic `clinic_id` when it
/// differs; true when it changed.
bool set_clinic_department(soci::session& s, const sdk::HisId& clinic_id,
                           std::optional<sdk::HisId> department_id);

}  // namespace hisx::appointments
