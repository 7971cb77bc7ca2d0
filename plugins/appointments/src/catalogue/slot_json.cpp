#include "catalogue/slot_json.h"

#include "booking/quota.h"

namespace hisx::appointments {

Poco::JSON::Object::Ptr slot_json(const SlotForChannel& item,
                                  const std::optional<std::string>& channel, bool channel_open,
                                  const TimeZone& zone) {
  const Slot& slot = item.slot;
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", slot.id);
  o->set("clinic_id", slot.clinic_id);
  o->set("doctor_id", slot.doctor_id ? Poco::Dynamic::Var(*slot.doctor_id) : Poco::Dynamic::Var());
  o->set("start", zone.format(slot.start));
  o->set("end", zone.format(slot.end));
  o->set("capacity", slot.capacity);
  o->set("booked", slot.booked);
  o->set("remaining", remaining(slot.capacity, slot.booked));
  if (channel) {
    const int left = channel_open ? remaining_for_channel(slot.capacity, slot.booked, item.quota,
                                                          item.channel_booked)
                                  : 0;
    o->set("channel", *channel);
    o->set("remaining_for_channel", left);
    o->set("bookable", left > 0);
  } else {
    o->set("channel", Poco::Dynamic::Var());
    o->set("remaining_for_channel", Poco::Dynamic::Var());
    o->set("bookable", false);
  }
  return o;
}

}  // namespace hisx::appointments
