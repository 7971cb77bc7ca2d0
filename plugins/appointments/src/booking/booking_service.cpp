#include "booking/booking_service.h"

#include "booking/booking_events.h"
#include "booking/booking_json.h"
#include "booking/booking_problems.h"
#include "booking/booking_store.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/slot_store.h"
#include "channels.h"
#include "his_directory.h"
#include "hisx/database.h"
#include "patient_scope.h"
#include "sql_support.h"

namespace hisx::appointments {

namespace {

// The slot's checks: it exists (422 slot_id), its clinic takes bookings through the channel
// and is open that day, and the booking window allows it (409). Read through `s`.
std::pair<Slot, ClinicRules> check_slot(Environment& env, soci::session& s,
                                        const BookingRequest& request) {
  const auto slot = find_slot(s, request.slot_id);
  if (!slot) throw unknown_slot(request.slot_id, "slot_id");
  const auto rules = find_clinic_rules(s, slot->clinic_id);
  if (!rules || !rules->active) {
    throw clinic_closed(*slot, "The clinic takes no bookings / Phòng khám không nhận đặt lịch");
  }
  if (slot->closed) {
    throw clinic_closed(*slot, "The clinic is closed on that day / Phòng khám nghỉ ngày này");
  }
  if (std::find(rules->channels.begin(), rules->channels.end(), request.channel) ==
      rules->channels.end()) {
    throw sdk::Problem::invalid("channel", "The clinic takes no bookings through channel '" +
                                               request.channel +
                                               "' / Phòng khám không nhận đặt lịch qua kênh này");
  }
  const auto window =
      check_booking_window(*rules, slot->start, env.now(), env.zone, request.channel);
  if (window != WindowCheck::kOpen) throw outside_window(*slot, window, *rules);
  return {*slot, *rules};
}

// The checks before the transaction (the HIS patient lookup among them, so that no HIS
// session is leased inside the store transaction); returns the slot and the clinic's rules.
std::pair<Slot, ClinicRules> check_request(Environment& env, const sdk::Principal& who,
                                           const sdk::PatientScope& scope,
                                           const BookingRequest& request) {
  if (!role_may_use(who.role, request.channel)) {
    throw sdk::Problem(403, "forbidden",
                       "Role '" + who.role + "' may not book through channel '" + request.channel +
                           "' / Vai trò này không được đặt lịch qua kênh " + request.channel,
                       "channel");
  }
  // A patient outside the caller's scope is answered as one the HIS does not have.
  require_patient(scope, request.patient_id);
  if (!his_patient_exists(env.context, request.patient_id)) {
    throw unknown_patient(request.patient_id);
  }
  const auto s_lease = env.context.store().session();
  soci::session& s = *s_lease;
  return check_slot(env, s, request);
}

// Steps 2–4 of book(), inside the transaction `s`: takes the place, checks the patient's
// overlaps, stores the booking with its history and publishes appointment.booked.
Booking place_booking(Environment& env, soci::session& s, const std::string& by,
                      const BookingRequest& request, const Slot& slot) {
  const Instant now = env.now();
  const std::string now_text = format_utc(now);
  if (!take_place(s, slot.id)) throw slot_full(slot);
  if (!take_channel_place(s, slot.id, request.channel)) {
    throw channel_quota_full(slot, request.channel);
  }
  lock_patient(s, request.patient_id, now_text);
  if (auto other = find_overlapping(s, request.patient_id, slot.start, slot.end)) {
    throw overlapping_booking(*other);
  }
  Booking b;
  b.patient_id = request.patient_id;
  b.slot_id = slot.id;
  b.clinic_id = slot.clinic_id;
  b.doctor_id = slot.doctor_id;
  b.start = slot.start;
  b.end = slot.end;
  b.channel = request.channel;
  b.status = initial_status(request.channel, env.settings.confirm_channels);
  b.priority = env.settings.priority_for(request.channel);
  b.reason = request.reason;
  b.created_by = by;
  b.created_at = now;
  b.updated_at = now;
  b.id = insert_booking(s, b);
  BookingChange change;
  change.at = now;
  change.action = "book";
  change.to_status = std::string(to_string(b.status));
  change.to_slot_id = slot.id;
  change.by = by;
  change.reason = request.reason;
  add_change(s, b.id, change);
  publish_booked(env, s, b);
  return b;
}

}  // namespace

std::string booking_request_text(const BookingRequest& request) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("patient_id", request.patient_id);
  o->set("slot_id", request.slot_id);
  o->set("channel", request.channel);
  o->set("reason", request.reason);
  return to_text(o);
}

sdk::WriteAnswer book(Environment& env, const sdk::Request& req, const BookingRequest& request) {
  const sdk::Principal& who = *req.principal();
  const sdk::PatientScope scope = patient_scope(env, req);
  const std::string text = booking_request_text(request);
  // A retry of a booking that was made is answered as it was, even if the slot is full now
  // (but not once the patient left the caller's scope: an app account unlinked since).
  if (auto answer = env.context.idempotency().replayed(req, "bookings", text)) {
    require_patient(scope, request.patient_id);
    return *answer;
  }
  const auto [slot, rules] = check_request(env, who, scope, request);
  return env.context.idempotency().run(req, "bookings", text, [&](soci::session& s) {
    // The checks again, inside the transaction and after the clinic's lock: a closure or a
    // change of the clinic's rules made meanwhile is seen (lock_clinic_for_booking()).
    lock_clinic_for_booking(s, env.context.store().backend(), slot.clinic_id);
    check_slot(env, s, request);
    const Booking b = place_booking(env, s, who.id, request, slot);
    return sdk::WriteAnswer{201, to_text(booking_json(b, env.zone)), false};
  });
}

Booking book_in_transaction(Environment& env, soci::session& store_tx, const std::string& by,
                            const BookingRequest& request) {
  if (auto slot = find_slot(store_tx, request.slot_id)) {
    lock_clinic_for_booking(store_tx, env.context.store().backend(), slot->clinic_id);
  }
  const auto checked = check_slot(env, store_tx, request);
  return place_booking(env, store_tx, by, request, checked.first);
}

}  // namespace hisx::appointments
