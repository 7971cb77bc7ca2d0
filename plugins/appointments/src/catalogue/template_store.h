#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "catalogue/schedule.h"
#include "hisx/his_id.h"

namespace hisx::appointments {

/// The weekly schedule templates (hisx_appointments_templates), of one clinic or all,
/// ordered by clinic, weekday and start.
std::vector<ScheduleTemplate> list_templates(soci::session& s,
                                             std::optional<sdk::HisId> clinic_id = std::nullopt);

/// One template, if it exists.
std::optional<ScheduleTemplate> find_template(soci::session& s, long long id);

/// Stores a new template and returns its id.
long long insert_template(soci::session& s, const ScheduleTemplate& t, const std::string& now);

/// Replaces template `t.id`; false when there is none.
bool update_template(soci::session& s, const ScheduleTemplate& t, const std::string& now);

/// Removes a template (its generated slots stay); false when there is none.
bool delete_template(soci::session& s, long long id);

}  // namespace hisx::appointments
