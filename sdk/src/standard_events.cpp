// The declarations of the standard events: what docs/events.md lists (`hisx events docs`
// writes it from here) and what the host checks each publish against. Follow the versioning
// rule of hisx/event_schemas.h when changing one, and regenerate the docs.
#include "hisx/event_schemas.h"

namespace hisx::sdk {

namespace {

using T = FieldType;

EventField required(std::string name, FieldType type, std::string meaning) {
  return {std::move(name), type, true, std::move(meaning)};
}

EventField optional(std::string name, FieldType type, std::string meaning) {
  return {std::move(name), type, false, std::move(meaning)};
}

// What every appointment.* payload carries, so that a subscriber (reports) counts per clinic,
// department, day and channel without reading the appointments plugin's tables.
std::vector<EventField> booking_fields() {
  return {
      required("booking_id", T::kInteger, "the booking (hisx's own id)"),
      required("booking_code", T::kString, "the code the patient is given, e.g. HK-7Q2XM"),
      required("patient_id", T::kHisId, "the HIS patient"),
      required("clinic_id", T::kHisId, "the HIS clinic room"),
      optional("department_id", T::kHisId,
               "the HIS department of the clinic; absent when the HIS names none"),
      required("date", T::kDate, "the booking's day"),
      required("channel", T::kString, "how it was booked: app, web, phone, reexam or walkin"),
      required("priority", T::kInteger, "the channel's queue priority (higher is served first)"),
      optional("doctor_id", T::kHisId, "the HIS doctor, when the booked slot is a doctor's"),
      optional("end", T::kTime, "when the booked slot ends"),
  };
}

EventSchema appointment(std::string_view name, std::string description,
                        std::vector<EventField> more) {
  EventSchema s{std::string(name), 1, std::move(description), "appointments", booking_fields()};
  for (auto& field : more) s.fields.push_back(std::move(field));
  return s;
}

EventField by(std::string meaning) { return required("by", T::kString, std::move(meaning)); }

// What every ticket.* payload carries, so that a subscriber (reports) counts per lane and day.
EventSchema ticket(std::string_view name, std::string description, std::vector<EventField> more) {
  EventSchema s{std::string(name),
                1,
                std::move(description),
                "fast_lane",
                {required("ticket_id", T::kInteger, "the ticket (hisx's own id)"),
                 required("label", T::kString, "its number as printed and shown, e.g. U003"),
                 required("lane", T::kString, "fast or regular (the lane it is in now)"),
                 required("day", T::kDate, "the local day it was issued on")}};
  for (auto& field : more) s.fields.push_back(std::move(field));
  return s;
}

// What payment.completed and payment.reversed carry.
std::vector<EventField> payment_fields(std::vector<EventField> more) {
  std::vector<EventField> fields = {
      required("payment_id", T::kInteger, "the payment (hisx's own id)"),
      required("patient_id", T::kHisId, "the HIS patient who paid"),
      required("amount", T::kInteger, "the amount paid, in whole VND"),
      required("charge_ids", T::kArray, "the HIS charges paid (HIS ids, as text)"),
      required("receipt_no", T::kString, "the receipt's number, e.g. A-2026-000123"),
      required("day", T::kDate, "the local day of the payment")};
  for (auto& field : more) fields.push_back(std::move(field));
  return fields;
}

std::vector<EventSchema> declarations() {
  namespace e = events;
  return {
      appointment(
          e::kAppointmentBooked, "A booking was made.",
          {required("slot_id", T::kInteger, "the slot booked"),
           required("start", T::kTime, "when the slot starts"),
           required("status", T::kString, "requested (waits for confirmation) or confirmed")}),
      appointment(e::kAppointmentConfirmed, "A booking was confirmed (e.g. by the call centre).",
                  {by("who confirmed it: a principal id, e.g. user:3 or apikey:7")}),
      appointment(
          e::kAppointmentCancelled, "A booking was cancelled.",
          {required("reason", T::kString, "why, as given (may be empty)"), by("who cancelled it")}),
      appointment(e::kAppointmentCheckedIn, "A patient checked in for a booking.",
                  {required("queue_number", T::kInteger, "the number in the clinic's queue"),
                   required("queue_label", T::kString, "the number as shown, with priority mark"),
                   required("day", T::kDate, "the day of the queue"),
                   required("start", T::kTime, "when the booked slot starts"),
                   required("late", T::kBoolean, "checked in after the slot's start"),
                   by("who checked the patient in")}),
      appointment(e::kAppointmentNoShow,
                  "A booked patient did not come (set after the booking's day ended).",
                  {by("who marked it: job:appointments for the nightly job")}),
      appointment(e::kAppointmentCompleted, "A checked-in patient's visit ended.",
                  {by("who ended it")}),
      appointment(e::kAppointmentRescheduled,
                  "A booking moved to another slot; `date` is its new day.",
                  {required("from_slot_id", T::kInteger, "the slot it left"),
                   required("from_date", T::kDate, "its day before the move"),
                   required("slot_id", T::kInteger, "the slot it moved to"),
                   required("start", T::kTime, "when the new slot starts"), by("who moved it")}),
      {std::string(e::kScheduleCapacityChanged),
       1,
       "The places a clinic offers on a day changed: slots were generated for it, or a closure "
       "of it was added or removed. The latest event of a (clinic_id, date) holds its capacity.",
       "appointments",
       {required("clinic_id", T::kHisId, "the HIS clinic room"),
        optional("department_id", T::kHisId,
                 "the HIS department of the clinic; absent when the HIS names none"),
        required("date", T::kDate, "the day"),
        required("slots", T::kInteger, "the clinic's open slots that day (0 when closed)"),
        required("capacity", T::kInteger, "places offered: the sum of those slots' capacities"),
        optional("by_channel", T::kObject,
                 "the most places each channel with a quota may hold that day (the sum of its "
                 "quotas), e.g. {\"app\": 12}; a channel without a quota is not listed"),
        required("closed", T::kBoolean, "a closure covers the day"),
        required("cause", T::kString,
                 "what changed it: generated (slots were made), closure_added or "
                 "closure_removed")}},
      {std::string(e::kPatientLinked),
       1,
       "An app account was linked to an HIS patient.",
       "app_link",
       {required("patient_id", T::kHisId, "the HIS patient"),
        required("account_id", T::kString, "the app account (the app backend's id)"),
        required("method", T::kString,
                 "how the link was made: self (the patient's linking code, in the app), "
                 "assisted (department staff, with consent) or bulk (a paper form linked by IT)"),
        optional("department_id", T::kHisId, "the HIS department of the desk that linked it"),
        optional("link_id", T::kInteger, "the link (app_link's own id), since SDK 2.1"),
        optional("linked_at", T::kTime, "when the link was made, since SDK 2.1")}},
      {std::string(e::kPatientUnlinked),
       1,
       "An app account's link to an HIS patient ended (on request; the history is kept).",
       "app_link",
       {required("patient_id", T::kHisId, "the HIS patient"),
        required("account_id", T::kString, "the app account"),
        required("method", T::kString, "how the link had been made: self, assisted or bulk"),
        optional("department_id", T::kHisId, "the HIS department the link counted for"),
        required("link_id", T::kInteger, "the link (app_link's own id)"),
        required("unlinked_at", T::kTime, "when it ended"),
        optional("reason", T::kString, "why, as given")}},
      ticket(e::kTicketIssued, "A queue ticket was issued at a cashier lane.",
             {required("priority", T::kInteger, "its priority within the lane (higher first)"),
              optional("priority_group", T::kString,
                       "why it is in the fast lane: app, child, elderly, disability, veteran or "
                       "pregnant; absent for a regular ticket"),
              required("source", T::kString,
                       "checkin (an app booking's check-in), desk (staff) or kiosk"),
              optional("patient_id", T::kHisId, "the HIS patient, when known"),
              optional("booking_id", T::kInteger, "the booking checked in (appointments' id)"),
              required("issued_at", T::kTime, "when it was issued")}),
      ticket(e::kTicketCalled, "A queue ticket was called to a window (or called again).",
             {required("window", T::kString, "the window's code, e.g. Q1"),
              required("called_at", T::kTime, "when"),
              required("recall", T::kBoolean, "true when it is called again (recall)"),
              required("wait_seconds", T::kInteger,
                       "from issue to its first call: the wait of the ticket")}),
      ticket(e::kTicketServed, "A called ticket's patient was served at the window.",
             {required("window", T::kString, "the window that served it"),
              required("served_at", T::kTime, "when the service ended"),
              required("wait_seconds", T::kInteger, "from issue to the first call"),
              required("service_seconds", T::kInteger, "from the first call to the end"),
              by("who marked it served (a principal id)")}),
      ticket(
          e::kTicketNoShow, "A ticket's patient did not come when called (or left).",
          {optional("window", T::kString, "the window that called it, if any"),
           required("at", T::kTime, "when it was marked"), by("who marked it (a principal id)")}),
      {std::string(e::kPaymentCompleted), 2,
       "A payment completed: the patient's share of one or more HIS charges was paid.", "fast_lane",
       payment_fields({required("method", T::kString, "cash, card, transfer or prepaid"),
                       required("paid_at", T::kTime, "when it was paid"),
                       optional("window", T::kString, "the cashier window, e.g. Q1"),
                       optional("ticket_id", T::kInteger, "the queue ticket served"),
                       optional("lane", T::kString, "that ticket's lane: fast or regular"),
                       by("the cashier (a principal id), or the app for an online payment")})},
      {std::string(e::kPaymentReversed), 1,
       "A payment was reversed by a correcting entry, approved by a second person.", "fast_lane",
       payment_fields({required("method", T::kString, "how the reversed payment was made"),
                       required("reversal_id", T::kInteger, "the reversing entry (hisx's id)"),
                       required("reversal_receipt_no", T::kString, "the reversal's number"),
                       required("reason", T::kString, "why, as given"),
                       required("reversed_at", T::kTime, "when"),
                       by("who reversed it (a principal id)"),
                       required("approved_by", T::kString, "who approved it (a principal id)")})},
  };
}

}  // namespace

const std::vector<EventSchema>& standard_events() {
  static const std::vector<EventSchema> schemas = declarations();
  return schemas;
}

const EventSchema* find_standard_event(std::string_view name) {
  for (const auto& schema : standard_events()) {
    if (schema.name == name) return &schema;
  }
  return nullptr;
}

}  // namespace hisx::sdk
