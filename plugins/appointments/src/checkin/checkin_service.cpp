#include "checkin/checkin_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "booking/booking_code.h"
#include "booking/booking_events.h"
#include "booking/booking_problems.h"
#include "booking/booking_store.h"
#include "hisx/database.h"
#include "hisx/event_names.h"
#include "hisx/problem.h"
#include "hisx/text.h"

namespace hisx::appointments {

namespace {

// How many HIS patients one desk search looks at: a phone number or a code names a few; a
// name that matches more should be typed more precisely.
constexpr int kPatientSearchLimit = 20;

// [start, end) of the local day `day`, as stored UTC text.
std::pair<std::string, std::string> utc_bounds(LocalDate day, const TimeZone& zone) {
  return {format_utc(zone.to_utc(LocalTime(day))),
          format_utc(zone.to_utc(LocalTime(day + std::chrono::days(1))))};
}

sdk::Problem not_today(const Booking& b, const TimeZone& zone) {
  Poco::JSON::Object::Ptr m = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  m->set("booking_id", b.id);
  m->set("day", format_date(zone.date_of(b.start)));
  const std::string day = format_date(zone.date_of(b.start));
  return sdk::Problem(409, "not-today",
                      "The booking is for " + day +
                          ", not today; check-in is only on the day of the visit / Lịch "
                          "hẹn vào ngày " +
                          day + ", chỉ tiếp đón đúng ngày hẹn",
                      m);
}

sdk::Problem too_early(const Booking& b, const TimeZone& zone) {
  Poco::JSON::Object::Ptr m = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  m->set("booking_id", b.id);
  m->set("start", zone.format(b.start));
  return sdk::Problem(409, "too-early",
                      "Check-in for this booking has not opened yet / Chưa đến giờ tiếp "
                      "đón lịch hẹn này",
                      m);
}

void publish_checked_in(Environment& env, soci::session& s, const Booking& b,
                        const CheckInRecord& r, bool late) {
  auto p = booking_payload(env, s, b);
  p->set("queue_number", r.queue_number);
  p->set("queue_label", queue_label(r.queue_number, b.priority));
  p->set("day", r.day);
  p->set("start", format_utc(b.start));
  p->set("late", late);
  p->set("by", r.by);
  env.context.events().publish(s, std::string(sdk::events::kAppointmentCheckedIn), p);
}

// visit.register for the checked-in booking, after the commit. Returns the error text, ""
// when the HIS took it.
std::string register_visit(Environment& env, const Booking& b, const CheckInRecord& r) {
  try {
    const auto his = env.context.his().session();
    const long long rows = env.context.profile().execute(*his, "visit.register",
                                                         {{"patient_id", b.patient_id},
                                                          {"clinic_id", b.clinic_id},
                                                          {"visit_time", format_utc(r.at)},
                                                          {"source", visit_source(b.id)}});
    if (rows < 1) return "visit.register changed no row";
    return {};
  } catch (const std::exception& e) {
    return e.what()[0] == '\0' ? std::string("visit.register failed") : std::string(e.what());
  }
}

}  // namespace

std::string to_string(VisitRegistration registration) {
  switch (registration) {
    case VisitRegistration::kRegistered:
      return "registered";
    case VisitRegistration::kFailed:
      return "failed";
    case VisitRegistration::kNotConfigured:
      break;
  }
  return "not_configured";
}

CheckinOutcome check_in_booking(Environment& env, const sdk::Principal& who, long long id,
                                const CheckinPolicy& policy) {
  CheckinOutcome out;
  sdk::with_transaction(env.context.store(), [&](soci::session& s) {
    const Instant now = env.now();
    auto found = find_booking(s, id);
    if (!found || !may_see(who, *found)) throw booking_not_found(id);
    Booking b = *found;
    if (!next_status(b.status, BookingAction::kCheckIn)) {
      throw invalid_transition(b, BookingAction::kCheckIn);
    }
    const CheckinTiming timing = check_in_timing(b.start, now, env.zone, policy);
    if (timing == CheckinTiming::kWrongDay) throw not_today(b, env.zone);
    if (timing == CheckinTiming::kTooEarly) throw too_early(b, env.zone);

    CheckInRecord record;
    record.at = now;
    record.by = who.id;
    record.day = format_date(env.zone.date_of(now));
    record.queue_number = next_queue_number(s, b.clinic_id, record.day);
    const int priority = env.settings.priority_for(b.channel);
    if (!mark_checked_in(s, id, b.status, record, priority)) {
      // Checked in (or cancelled) by someone else between our read and our update.
      auto now_b = find_booking(s, id);
      throw invalid_transition(now_b ? *now_b : b, BookingAction::kCheckIn);
    }
    BookingChange change;
    change.at = now;
    change.action = std::string(to_string(BookingAction::kCheckIn));
    change.from_status = std::string(to_string(b.status));
    change.to_status = std::string(to_string(BookingStatus::kCheckedIn));
    change.from_slot_id = b.slot_id;
    change.to_slot_id = b.slot_id;
    change.by = who.id;
    add_change(s, id, change);

    b.status = BookingStatus::kCheckedIn;
    b.priority = priority;
    b.updated_at = now;
    out.late = timing == CheckinTiming::kLate;
    publish_checked_in(env, s, b, record, out.late);
    out.booking = b;
    out.record = record;
  });

  if (!env.context.profile().has("visit.register")) {
    out.visit = VisitRegistration::kNotConfigured;
    return out;
  }
  out.visit_error = register_visit(env, out.booking, out.record);
  out.visit = out.visit_error.empty() ? VisitRegistration::kRegistered : VisitRegistration::kFailed;
  if (out.visit == VisitRegistration::kFailed) {
    env.context.logger().warning(
        "Booking %s checked in (queue %s) but visit.register failed in the HIS: %s",
        booking_code(id), queue_label(out.record.queue_number, out.booking.priority),
        out.visit_error);
  } else {
    env.context.logger().information("Booking %s checked in, queue %s, visit registered",
                                     booking_code(id),
                                     queue_label(out.record.queue_number, out.booking.priority));
  }
  return out;
}

std::vector<CheckinMatch> find_for_check_in(Environment& env, const sdk::Principal& who,
                                            const std::string& typed) {
  const CheckinLookup lookup = read_checkin_lookup(typed);
  if (!lookup.booking_id && lookup.patient_query.empty()) {
    throw sdk::Problem::invalid(
        "q",
        "Give a booking code, the booking's QR code, a phone number or a patient code / Nhập "
        "mã lịch hẹn, quét mã QR, số điện thoại hoặc mã bệnh nhân");
  }
  const auto [from, to] = utc_bounds(env.zone.date_of(env.now()), env.zone);

  std::map<sdk::HisId, HisPatient> patients;
  if (!lookup.patient_query.empty()) {
    auto found = his_patient_search(env.context, lookup.patient_query, kPatientSearchLimit);
    // A phone number or a patient code names its patients exactly; a name keeps every match.
    std::vector<HisPatient> exact;
    for (const auto& p : found) {
      const bool same_phone = lookup.phone && normalize_phone(p.phone) == lookup.phone;
      const bool same_code = !lookup.phone && sdk::fold_search_text(p.code) == lookup.patient_query;
      if (same_phone || same_code) exact.push_back(p);
    }
    if (lookup.phone || !exact.empty()) found = std::move(exact);
    for (auto& p : found) patients.emplace(p.id, std::move(p));
  }

  const auto store = env.context.store().session();
  soci::session& s = *store;
  // The HIS's clinics and patients are read while `s` is held: through `s` itself when the
  // store is the HIS database on one pool, never through a second lease from that pool.
  const auto his = his_beside(env.context, s);
  std::set<long long> ids;
  if (lookup.booking_id) {
    if (auto b = find_booking(s, *lookup.booking_id);
        b && format_utc(b->start) >= from && format_utc(b->start) < to) {
      ids.insert(b->id);
    }
  }
  for (const auto& [patient_id, patient] : patients) {
    for (long long id : patient_bookings_between(s, patient_id, from, to)) ids.insert(id);
  }

  std::map<sdk::HisId, std::string> clinic_names;
  if (!ids.empty()) {
    for (const auto& c : his_clinics(env.context, *his)) clinic_names[c.id] = c.name;
  }
  std::vector<CheckinMatch> out;
  for (long long id : ids) {
    auto b = find_booking(s, id);
    if (!b || !may_see(who, *b)) continue;
    CheckinMatch m;
    m.booking = *b;
    m.record = find_check_in(s, id);
    if (auto p = patients.find(b->patient_id); p != patients.end()) {
      m.patient = p->second;
    } else {
      m.patient = his_patient(env.context, *his, b->patient_id);
    }
    if (auto c = clinic_names.find(b->clinic_id); c != clinic_names.end()) {
      m.clinic_name = c->second;
    }
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const CheckinMatch& a, const CheckinMatch& b) {
    return a.booking.start < b.booking.start;
  });
  return out;
}

}  // namespace hisx::appointments
