#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "schedule.h"

namespace hisx::appointments {

/// Every clinic of the appointment catalogue (hisx_appointments_clinics), by clinic id.
std::vector<ClinicRules> list_clinic_rules(soci::session& s);

/// The rules of one clinic, if it is in the catalogue.
std::optional<ClinicRules> find_clinic_rules(soci::session& s, long long clinic_id);

/// Adds the clinic to the catalogue or replaces its rules.
void save_clinic_rules(soci::session& s, const ClinicRules& rules, const std::string& now,
                       const std::string& by);

}  // namespace hisx::appointments
