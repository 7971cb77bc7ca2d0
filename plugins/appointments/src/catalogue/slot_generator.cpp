#include "catalogue/slot_generator.h"

#include <algorithm>
#include <tuple>

namespace hisx::appointments {

bool is_closed(const std::vector<Closure>& closures, const sdk::HisId& clinic_id, LocalDate day) {
  return std::any_of(closures.begin(), closures.end(), [&](const Closure& c) {
    return (!c.clinic_id || *c.clinic_id == clinic_id) && c.from <= day && day <= c.to;
  });
}

std::vector<PlannedSlot> generate_slots(const std::vector<ScheduleTemplate>& templates,
                                        const std::vector<Closure>& closures, LocalDate from,
                                        LocalDate to, const TimeZone& zone) {
  using std::chrono::minutes;
  std::vector<PlannedSlot> out;
  for (LocalDate day = from; day <= to; day += std::chrono::days(1)) {
    const int weekday = iso_weekday(day);
    for (const auto& t : templates) {
      if (t.weekday != weekday || is_closed(closures, t.clinic_id, day)) continue;
      const auto limits = quota_limits(t.capacity, t.quotas);
      for (int m = t.start_minute; m + t.slot_minutes <= t.end_minute; m += t.slot_minutes) {
        const LocalTime local_start = day + minutes(m);
        PlannedSlot slot;
        slot.template_id = t.id;
        slot.clinic_id = t.clinic_id;
        slot.doctor_id = t.doctor_id;
        slot.local_date = day;
        slot.start = zone.to_utc(local_start);
        slot.end = zone.to_utc(local_start + minutes(t.slot_minutes));
        slot.capacity = t.capacity;
        slot.channel_limits = limits;
        out.push_back(std::move(slot));
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const PlannedSlot& a, const PlannedSlot& b) {
    return std::tie(a.start, a.clinic_id, a.template_id) <
           std::tie(b.start, b.clinic_id, b.template_id);
  });
  return out;
}

}  // namespace hisx::appointments
