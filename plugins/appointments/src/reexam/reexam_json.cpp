#include "reexam/reexam_json.h"

#include <Poco/JSON/Array.h>

#include "booking/booking_json.h"

namespace hisx::appointments {

namespace {

template <class Id>
Poco::Dynamic::Var nullable(const std::optional<Id>& id) {
  return id ? Poco::Dynamic::Var(*id) : Poco::Dynamic::Var();
}

Poco::Dynamic::Var nullable(const std::string& text) {
  return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::JSON::Object::Ptr reminder_json(const StoredReminder& r, const sdk::Notifier& notifier) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("offset_days", r.offset_days);
  o->set("send_at", format_utc(r.send_at));
  o->set("recorded_state", r.state);
  std::optional<sdk::MessageStatus> delivery;
  if (!r.message_id.empty()) delivery = notifier.status(r.message_id);
  o->set("state", delivery ? delivery->state : r.state);
  o->set("message_id", nullable(r.message_id));
  o->set("detail", nullable(r.detail));
  o->set("attempts", delivery ? delivery->attempts : 0);
  o->set("sent_at", delivery ? nullable(delivery->sent_at) : Poco::Dynamic::Var());
  o->set("last_error", delivery ? nullable(delivery->last_error) : Poco::Dynamic::Var());
  return o;
}

}  // namespace

Poco::JSON::Object::Ptr reexam_json(const ReexamView& v, const TimeZone& zone,
                                    const sdk::Notifier* notifier) {
  const ReexamOrder& order = v.order;
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", order.id);
  o->set("patient_id", order.patient_id);
  o->set("clinic_id", order.clinic_id);
  o->set("doctor_id", nullable(order.doctor_id));
  o->set("visit_id", nullable(order.visit_id));
  o->set("due_date", format_date(order.first_due_date));
  o->set("window_before_days", order.window_before_days);
  o->set("window_after_days", order.window_after_days);
  if (order.interval_days) {
    Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    r->set("interval_days", *order.interval_days);
    r->set("count", order.occurrences);
    o->set("recurrence", r);
  } else {
    o->set("recurrence", Poco::Dynamic::Var());
  }
  o->set("occurrences", order.occurrences);
  o->set("note", nullable(order.note));
  o->set("status", order.status);
  o->set("ordered_by", order.ordered_by);
  o->set("created_at", format_utc(order.created_at));
  o->set("updated_at", format_utc(order.updated_at));
  o->set("cancel_reason", nullable(order.cancel_reason));
  o->set("cancelled_by", nullable(order.cancelled_by));
  Poco::JSON::Array::Ptr dues = new Poco::JSON::Array;
  for (const auto& due : v.dues) {
    Poco::JSON::Object::Ptr d = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    d->set("id", due.id);
    d->set("seq", due.seq);
    d->set("due_date", format_date(due.due_date));
    d->set("window_start", format_date(due.window_start));
    d->set("window_end", format_date(due.window_end));
    d->set("status", due.status);
    d->set("booking_id", nullable(due.booking_id));
    auto b = due.booking_id ? v.bookings.find(*due.booking_id) : v.bookings.end();
    if (b != v.bookings.end()) {
      d->set("booking", booking_json(b->second, zone));
    } else {
      d->set("booking", Poco::Dynamic::Var());
    }
    if (notifier) {
      Poco::JSON::Array::Ptr reminders = new Poco::JSON::Array;
      for (const auto& r : v.reminders) {
        if (r.due_id == due.id) reminders->add(reminder_json(r, *notifier));
      }
      d->set("reminders", reminders);
    }
    dues->add(d);
  }
  o->set("dues", dues);
  return o;
}

}  // namespace hisx::appointments
