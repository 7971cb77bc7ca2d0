#include "booking/booking_changes.h"

#include <algorithm>

#include "booking/booking_events.h"
#include "booking/booking_problems.h"
#include "booking/booking_store.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/slot_store.h"
#include "hisx/database.h"
#include "hisx/problem.h"

namespace hisx::appointments {

namespace {

// The booking, or 404 when it does not exist or `who` may not see it.
Booking visible_booking(soci::session& s, const sdk::Principal& who, long long id) {
  auto b = find_booking(s, id);
  if (!b || !may_see(who, *b)) throw booking_not_found(id);
  return *b;
}

// The new slot of a reschedule, checked like a booking's slot.
Slot checked_new_slot(Environment& env, const Booking& b, long long slot_id) {
  const auto s_lease = env.context.store().session();
  soci::session& s = *s_lease;
  const auto slot = find_slot(s, slot_id);
  if (!slot) throw unknown_slot(slot_id, "slot_id");
  if (slot->id == b.slot_id) {
    throw sdk::Problem::invalid("slot_id",
                                "The booking is already in this slot / Lịch hẹn đã ở "
                                "khung giờ này");
  }
  const auto rules = find_clinic_rules(s, slot->clinic_id);
  if (!rules || !rules->active) {
    throw clinic_closed(*slot, "The clinic takes no bookings / Phòng khám không nhận đặt lịch");
  }
  if (slot->closed) {
    throw clinic_closed(*slot, "The clinic is closed on that day / Phòng khám nghỉ ngày này");
  }
  if (std::find(rules->channels.begin(), rules->channels.end(), b.channel) ==
      rules->channels.end()) {
    throw sdk::Problem::invalid("slot_id", "That clinic takes no bookings through channel '" +
                                               b.channel +
                                               "' / Phòng khám không nhận đặt lịch qua kênh này");
  }
  const auto window = check_booking_window(*rules, slot->start, env.now(), env.zone, b.channel);
  if (window != WindowCheck::kOpen) throw outside_window(*slot, window, *rules);
  return *slot;
}

}  // namespace

BookingWithHistory get_booking(Environment& env, const sdk::Principal& who, long long id) {
  const auto s_lease = env.context.store().session();
  soci::session& s = *s_lease;
  BookingWithHistory out{visible_booking(s, who, id), {}};
  out.history = list_changes(s, id);
  return out;
}

Booking change_booking(Environment& env, const sdk::Principal& who, long long id,
                       BookingAction action, const std::string& reason) {
  Booking result;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    result = change_booking_in(env, s, who, id, action, reason);
  });
  return result;
}

Booking change_booking_in(Environment& env, soci::session& s, const sdk::Principal& who,
                          long long id, BookingAction action, const std::string& reason) {
  const Instant now = env.now();
  const std::string now_text = format_utc(now);
  Booking b = visible_booking(s, who, id);
  const auto next = next_status(b.status, action);
  if (!next) throw invalid_transition(b, action);
  if (action == BookingAction::kNoShow && now < b.start) {
    throw sdk::Problem(409, "too-early",
                       "A no-show can be recorded once the slot has started / Chỉ ghi "
                       "nhận không đến khám sau giờ hẹn");
  }
  const bool cancel = action == BookingAction::kCancel;
  if (!change_status(s, id, b.status, *next, now_text, cancel ? reason : "",
                     cancel ? who.id : "")) {
    // Someone changed it between our read and our update: report what it is now.
    throw invalid_transition(visible_booking(s, who, id), action);
  }
  if (releases_place(action)) give_back_place(s, b.slot_id, b.channel);
  BookingChange change;
  change.at = now;
  change.action = std::string(to_string(action));
  change.from_status = std::string(to_string(b.status));
  change.to_status = std::string(to_string(*next));
  change.from_slot_id = b.slot_id;
  change.to_slot_id = b.slot_id;
  change.by = who.id;
  change.reason = reason;
  add_change(s, id, change);
  b.status = *next;
  b.updated_at = now;
  if (cancel) {
    b.cancel_reason = reason;
    b.cancelled_by = who.id;
  }
  publish_status_change(env, s, b, action, who.id, reason);
  return b;
}

Booking reschedule_booking(Environment& env, const sdk::Principal& who, long long id,
                           long long new_slot_id, const std::string& reason) {
  Booking current;
  {
    const auto s_lease = env.context.store().session();
    soci::session& s = *s_lease;
    current = visible_booking(s, who, id);
  }
  if (!next_status(current.status, BookingAction::kReschedule)) {
    throw invalid_transition(current, BookingAction::kReschedule);
  }
  const Slot slot = checked_new_slot(env, current, new_slot_id);

  Booking result;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    const Instant now = env.now();
    const std::string now_text = format_utc(now);
    Booking b = visible_booking(s, who, id);
    if (!next_status(b.status, BookingAction::kReschedule)) {
      throw invalid_transition(b, BookingAction::kReschedule);
    }
    if (b.slot_id == slot.id) {
      throw sdk::Problem::invalid("slot_id",
                                  "The booking is already in this slot / Lịch hẹn đã "
                                  "ở khung giờ này");
    }
    if (!take_place(s, slot.id)) throw slot_full(slot);
    if (!take_channel_place(s, slot.id, b.channel)) throw channel_quota_full(slot, b.channel);
    give_back_place(s, b.slot_id, b.channel);
    lock_patient(s, b.patient_id, now_text);
    if (auto other = find_overlapping(s, b.patient_id, slot.start, slot.end, b.id)) {
      throw overlapping_booking(*other);
    }
    const long long from_slot = b.slot_id;
    Booking moved = b;
    moved.slot_id = slot.id;
    moved.clinic_id = slot.clinic_id;
    moved.doctor_id = slot.doctor_id;
    moved.start = slot.start;
    moved.end = slot.end;
    moved.updated_at = now;
    if (!move_booking(s, id, from_slot, b.status, moved, now_text)) {
      throw invalid_transition(visible_booking(s, who, id), BookingAction::kReschedule);
    }
    BookingChange change;
    change.at = now;
    change.action = "reschedule";
    change.from_status = std::string(to_string(b.status));
    change.to_status = change.from_status;
    change.from_slot_id = from_slot;
    change.to_slot_id = slot.id;
    change.by = who.id;
    change.reason = reason;
    add_change(s, id, change);
    publish_rescheduled(env, s, b, moved, who.id);
    result = moved;
  });
  return result;
}

}  // namespace hisx::appointments
