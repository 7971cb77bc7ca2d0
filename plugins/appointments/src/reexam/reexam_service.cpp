#include "reexam/reexam_service.h"

#include <algorithm>

#include "booking/booking_json.h"
#include "booking/booking_problems.h"
#include "booking/booking_store.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/slot_store.h"
#include "channels.h"
#include "his_directory.h"
#include "hisx/database.h"
#include "hisx/problem.h"
#include "reexam/reexam_reminders.h"
#include "reexam/reexam_store.h"
#include "sql_support.h"

namespace hisx::appointments {

namespace {

[[noreturn]] void refuse(const FieldError& e) { throw sdk::Problem::invalid(e.field, e.detail); }

sdk::Problem reexam_not_found(long long id) {
  return sdk::Problem::not_found("No re-examination order " + std::to_string(id) +
                                 " / Không có chỉ định tái khám " + std::to_string(id));
}

sdk::Problem not_allowed(const std::string& what, const std::string& current,
                         const std::string& detail) {
  Poco::JSON::Object::Ptr members = new Poco::JSON::Object;
  members->set("current_status", current);
  return sdk::Problem(409, "invalid-transition", what + " is " + current + ": " + detail, members);
}

// The clinic of an order: in the catalogue, active and taking re-examination bookings.
void check_clinic(Environment& env, const sdk::HisId& clinic_id) {
  const auto s_lease = env.context.store().session();
  soci::session& s = *s_lease;
  const auto rules = find_clinic_rules(s, clinic_id);
  const bool bookable =
      rules && rules->active &&
      std::find(rules->channels.begin(), rules->channels.end(), kReexam) != rules->channels.end();
  if (!bookable) {
    throw sdk::Problem::invalid("clinic_id", "Clinic " + clinic_id +
                                                 " takes no re-examination bookings / Phòng khám " +
                                                 clinic_id + " không nhận hẹn tái khám");
  }
}

// The slot for a due: it exists, belongs to the order's clinic and lies in the due's window
// (422 slot_id otherwise). Read in the transaction `s`.
void check_slot_for_due(soci::session& s, long long slot_id, const sdk::HisId& clinic_id,
                        const StoredDue& due) {
  const auto slot = find_slot(s, slot_id);
  if (!slot) throw unknown_slot(slot_id, "slot_id");
  if (slot->clinic_id != clinic_id) {
    throw sdk::Problem::invalid("slot_id",
                                "The slot belongs to another clinic than the order's / Khung giờ "
                                "thuộc phòng khám khác với chỉ định");
  }
  if (slot->local_date < due.window_start || slot->local_date > due.window_end) {
    throw sdk::Problem::invalid(
        "slot_id", "The slot lies outside the due's window " + format_date(due.window_start) +
                       " to " + format_date(due.window_end) +
                       " / Khung giờ nằm ngoài khoảng ngày tái khám cho phép");
  }
}

// Books `slot_id` for `due` inside `s` and marks the due booked.
Booking book_due_in(Environment& env, soci::session& s, const std::string& by,
                    const ReexamOrder& order, const StoredDue& due, long long slot_id) {
  check_slot_for_due(s, slot_id, order.clinic_id, due);
  BookingRequest request;
  request.patient_id = order.patient_id;
  request.slot_id = slot_id;
  request.channel = std::string(kReexam);
  request.reason = "Tái khám theo chỉ định " + std::to_string(order.id) +
                   " / Re-examination order " + std::to_string(order.id);
  const Booking b = book_in_transaction(env, s, by, request);
  if (!mark_due_booked(s, due.id, b.id, env.now_text())) {
    throw not_allowed("The due", "booked",
                      "someone booked it meanwhile / lượt tái khám vừa được "
                      "đặt lịch");
  }
  return b;
}

ReexamView read_view(soci::session& s, const ReexamOrder& order, bool with_reminders) {
  ReexamView v;
  v.order = order;
  v.dues = list_dues(s, order.id);
  for (const auto& due : v.dues) {
    if (!due.booking_id) continue;
    if (auto b = find_booking(s, *due.booking_id)) v.bookings.emplace(b->id, *b);
  }
  if (with_reminders) v.reminders = list_reminders(s, order.id);
  return v;
}

// Reminders (and the dues' states) right after a change; the change itself is committed,
// so a failure here is logged and left to the periodic job.
void remind_now(Environment& env) {
  try {
    run_reexam_reminders(env);
  } catch (const std::exception& e) {
    env.context.logger().warning("Re-examination reminders after a change failed: %s",
                                 std::string(e.what()));
  }
}

std::string due_request_text(long long id, int seq, long long slot_id) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("reexam_id", id);
  o->set("seq", seq);
  o->set("slot_id", slot_id);
  return to_text(o);
}

}  // namespace

ReexamView create_reexam(Environment& env, const sdk::Principal& who,
                         const ReexamRequest& request) {
  ReexamTerms terms;
  terms.first_due = request.due_date;
  terms.window_before_days =
      request.window_before_days.value_or(env.settings.reexam_window_before_days);
  terms.window_after_days =
      request.window_after_days.value_or(env.settings.reexam_window_after_days);
  terms.recurrence = request.recurrence;
  if (auto e = check_reexam_terms(terms, env.zone.date_of(env.now()))) refuse(*e);
  if (!his_patient_exists(env.context, request.patient_id)) {
    throw sdk::Problem::invalid("patient_id", "No HIS patient " + request.patient_id +
                                                  " / Không có bệnh nhân mã " + request.patient_id);
  }
  check_clinic(env, request.clinic_id);
  if (request.doctor_id && !his_doctor_exists(env.context, *request.doctor_id)) {
    throw sdk::Problem::invalid("doctor_id", "No HIS doctor " + *request.doctor_id +
                                                 " / Không có bác sĩ mã " + *request.doctor_id);
  }

  long long id = 0;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    const Instant now = env.now();
    const std::string now_text = format_utc(now);
    ReexamOrder o;
    o.patient_id = request.patient_id;
    o.clinic_id = request.clinic_id;
    o.doctor_id = request.doctor_id;
    o.visit_id = request.visit_id;
    o.first_due_date = terms.first_due;
    o.window_before_days = terms.window_before_days;
    o.window_after_days = terms.window_after_days;
    if (terms.recurrence) o.interval_days = terms.recurrence->interval_days;
    o.occurrences = terms.occurrences();
    o.note = request.note;
    o.status = "active";
    o.ordered_by = who.id;
    o.created_at = now;
    o.updated_at = now;
    o.id = insert_reexam(s, o);
    for (const auto& due : expand_dues(terms)) insert_due(s, o.id, due, now_text);
    if (request.slot_id) {
      const auto first = find_due(s, o.id, 1);
      book_due_in(env, s, who.id, o, *first, *request.slot_id);
    }
    id = o.id;
  });
  remind_now(env);
  return get_reexam(env, id);
}

std::vector<ReexamView> list_reexam_views(Environment& env, std::optional<sdk::HisId> patient_id,
                                          const std::string& status, int limit) {
  const auto s_lease = env.context.store().session();
  soci::session& s = *s_lease;
  std::vector<ReexamView> out;
  for (const auto& order : list_reexams(s, patient_id, status, limit)) {
    out.push_back(read_view(s, order, false));
  }
  return out;
}

ReexamView get_reexam(Environment& env, long long id) {
  const auto s_lease = env.context.store().session();
  soci::session& s = *s_lease;
  const auto order = find_reexam(s, id);
  if (!order) throw reexam_not_found(id);
  return read_view(s, *order, true);
}

ReexamView cancel_reexam(Environment& env, const sdk::Principal& who, long long id,
                         const std::string& reason) {
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    const auto order = find_reexam(s, id);
    if (!order) throw reexam_not_found(id);
    const std::string now = env.now_text();
    if (!cancel_reexam_row(s, id, reason, who.id, now)) {
      const auto current = find_reexam(s, id);
      throw not_allowed("The order", current ? current->status : order->status,
                        "only an active order can be cancelled / chỉ hủy được chỉ định đang "
                        "hiệu lực");
    }
    cancel_open_dues(s, id, now);
  });
  return get_reexam(env, id);
}

sdk::WriteAnswer book_reexam_due(Environment& env, const sdk::Request& req, long long id, int seq,
                                 long long slot_id) {
  const sdk::Principal& who = *req.principal();
  const sdk::WriteAnswer answer = env.context.idempotency().run(
      req, "bookings", due_request_text(id, seq, slot_id), [&](soci::session& s) {
        // A due whose booking was cancelled since the last run is open again.
        reconcile_dues(s, format_date(env.zone.date_of(env.now())), env.now_text());
        const auto order = find_reexam(s, id);
        if (!order) throw reexam_not_found(id);
        const auto due = find_due(s, id, seq);
        if (!due) {
          throw sdk::Problem::not_found(
              "Order " + std::to_string(id) + " has no due " + std::to_string(seq) +
              " / Chỉ định không có lượt tái khám " + std::to_string(seq));
        }
        if (order->status != "active") {
          throw not_allowed("The order", order->status,
                            "only an active order's dues can be booked / chỉ đặt lịch cho chỉ "
                            "định đang hiệu lực");
        }
        if (due->status != "open") {
          throw not_allowed("The due", due->status,
                            "only an open due can be booked / chỉ đặt lịch cho lượt tái khám "
                            "chưa có lịch");
        }
        const Booking b = book_due_in(env, s, who.id, *order, *due, slot_id);
        return sdk::WriteAnswer{201, to_text(booking_json(b, env.zone)), false};
      });
  if (!answer.replayed) remind_now(env);
  return answer;
}

}  // namespace hisx::appointments
