#include "catalogue/capacity_events.h"

#include "catalogue/catalogue_store.h"
#include "hisx/event_names.h"

namespace hisx::appointments {

void publish_capacity(Environment& env, soci::session& s, const std::set<ClinicDay>& days,
                      std::string_view cause) {
  for (const auto& [clinic_id, day] : days) {
    const DayCapacity c = day_capacity(s, clinic_id, day);
    Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    p->set("clinic_id", clinic_id);
    if (auto department = clinic_department(s, clinic_id)) p->set("department_id", *department);
    p->set("date", format_date(day));
    p->set("slots", c.slots);
    p->set("capacity", c.capacity);
    if (!c.by_channel.empty()) {
      Poco::JSON::Object::Ptr quotas = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      for (const auto& [channel, places] : c.by_channel) quotas->set(channel, places);
      p->set("by_channel", quotas);
    }
    p->set("closed", c.closed);
    p->set("cause", std::string(cause));
    env.context.events().publish(s, std::string(sdk::events::kScheduleCapacityChanged), p);
  }
}

}  // namespace hisx::appointments
