#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/schedule.h"
#include "hisx/his_id.h"
#include "sdk_time.h"

namespace hisx::appointments {

/// One slot a template yields on one day, before it is stored.
struct PlannedSlot {
  long long template_id = 0;
  sdk::HisId clinic_id;
  std::optional<sdk::HisId> doctor_id;
  LocalDate local_date{};  ///< The hospital's calendar day of the slot.
  Instant start{};         ///< UTC.
  Instant end{};           ///< UTC.
  int capacity = 0;
  std::map<std::string, int> channel_limits;  ///< quota_limits() of the template's quotas.
};

/// True when a closure of the clinic, or of the whole hospital, covers `day`.
bool is_closed(const std::vector<Closure>& closures, const sdk::HisId& clinic_id, LocalDate day);

/// The slots that `templates` yield on each local day from `from` to `to` (inclusive) in
/// `zone`, skipping closed days. A session is cut into whole slots from its start; a
/// remainder shorter than a slot is left out. Ordered by start, then clinic, then template.
std::vector<PlannedSlot> generate_slots(const std::vector<ScheduleTemplate>& templates,
                                        const std::vector<Closure>& closures, LocalDate from,
                                        LocalDate to, const TimeZone& zone);

}  // namespace hisx::appointments
