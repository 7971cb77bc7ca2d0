#include "queue/queue_service.h"

#include <Poco/JSON/Object.h>

#include <algorithm>

#include "hisx/database.h"
#include "hisx/event_names.h"
#include "hisx/his_records.h"
#include "hisx/problem.h"

namespace hisx::fast_lane {

namespace {

namespace ev = sdk::events;

// How often a call looks again when another window claimed its ticket first.
constexpr int kClaimAttempts = 8;

long long seconds_between(const std::string& from, const std::string& to) {
  const auto a = sdk::parse_utc(from), b = sdk::parse_utc(to);
  if (!a || !b) return 0;
  return std::max<long long>(0, (*b - *a).count());
}

Poco::JSON::Object::Ptr ticket_payload(const Ticket& t) {
  Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  p->set("ticket_id", t.id);
  p->set("label", t.label);
  p->set("lane", std::string(to_string(t.lane)));
  p->set("day", t.day);
  return p;
}

void publish_issued(Environment& env, soci::session& tx, const Ticket& t) {
  auto p = ticket_payload(t);
  p->set("priority", t.priority);
  if (!t.priority_group.empty()) p->set("priority_group", t.priority_group);
  p->set("source", t.source);
  if (!t.patient_id.empty()) p->set("patient_id", t.patient_id);
  if (t.booking_id) p->set("booking_id", *t.booking_id);
  p->set("issued_at", t.issued_at);
  env.context.events().publish(tx, std::string(ev::kTicketIssued), p);
}

void publish_called(Environment& env, soci::session& tx, const Ticket& t, bool recall) {
  auto p = ticket_payload(t);
  p->set("window", t.window_code);
  p->set("called_at", t.last_called_at);
  p->set("recall", recall);
  p->set("wait_seconds", seconds_between(t.issued_at, t.called_at));
  env.context.events().publish(tx, std::string(ev::kTicketCalled), p);
}

void publish_ended(Environment& env, soci::session& tx, const Ticket& t) {
  auto p = ticket_payload(t);
  if (t.status == "served") {
    p->set("window", t.window_code);
    p->set("served_at", t.ended_at);
    p->set("wait_seconds", seconds_between(t.issued_at, t.called_at));
    p->set("service_seconds", seconds_between(t.called_at, t.ended_at));
    p->set("by", t.ended_by);
    env.context.events().publish(tx, std::string(ev::kTicketServed), p);
    return;
  }
  if (!t.window_code.empty()) p->set("window", t.window_code);
  p->set("at", t.ended_at);
  p->set("by", t.ended_by);
  env.context.events().publish(tx, std::string(ev::kTicketNoShow), p);
}

std::string prefix_of(const Environment& env, Lane lane) {
  return lane == Lane::kFast ? env.settings.fast_prefix : env.settings.regular_prefix;
}

std::string group_list(const Environment& env) {
  std::string out = "app";
  for (const auto& g : env.settings.priority_groups) out += ", " + g;
  return out;
}

void check_group(Environment& env, const std::string& group) {
  const auto& allowed = env.settings.priority_groups;
  const bool ok = group == "app" || group == "booked" ||
                  std::find(allowed.begin(), allowed.end(), group) != allowed.end();
  if (!ok) {
    throw sdk::Problem::invalid("priority_group", "'" + group +
                                                      "' is not a priority group of this "
                                                      "hospital; use one of: " +
                                                      group_list(env) +
                                                      " / Không phải nhóm ưu tiên");
  }
}

// The age groups are checked against the HIS birth date; every given patient must exist.
void check_patient(Environment& env, const TicketRequest& r) {
  const TicketGroup* group = find_ticket_group(r.priority_group);
  const bool by_age = group && group->by_age;
  if (r.patient_id.empty()) {
    if (by_age) {
      throw sdk::Problem::invalid("patient_id",
                                  "The group '" + r.priority_group +
                                      "' is checked against the HIS birth date: give the "
                                      "patient / Nhóm theo tuổi cần mã người bệnh để kiểm tra "
                                      "ngày sinh");
    }
    return;
  }
  const auto patient = sdk::his_patient(env.context, r.patient_id);
  if (!patient) {
    throw sdk::Problem::invalid(
        "patient_id", "No HIS patient " + r.patient_id + " / Không có người bệnh " + r.patient_id);
  }
  if (!by_age) return;
  const auto birth = sdk::parse_date(patient->birth_date);
  if (!birth) {
    throw sdk::Problem::invalid("priority_group",
                                "The HIS has no birth date for patient " + r.patient_id +
                                    ": the age group cannot be checked / HIS không có ngày sinh");
  }
  const auto today = env.zone.date_of(env.now());
  if (!fits_age_group(r.priority_group, *birth, today, env.settings.child_under_years,
                      env.settings.elderly_from_years)) {
    const std::string bound = r.priority_group == "child"
                                  ? "under " + std::to_string(env.settings.child_under_years)
                                  : std::to_string(env.settings.elderly_from_years) + " or older";
    throw sdk::Problem::invalid("priority_group", "Patient " + r.patient_id + " is " +
                                                      std::to_string(age_in_years(*birth, today)) +
                                                      " years old, not in the group " +
                                                      r.priority_group + " (" + bound +
                                                      ") / Người bệnh không thuộc nhóm tuổi này");
  }
}

sdk::Problem ticket_not_found(long long id) {
  return sdk::Problem::not_found("No ticket " + std::to_string(id) + " / Không có số thứ tự " +
                                 std::to_string(id));
}

sdk::Problem wrong_status(const Ticket& t, const std::string& action) {
  Poco::JSON::Object::Ptr m = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  m->set("ticket_id", t.id);
  m->set("status", t.status);
  return sdk::Problem(409, "invalid-transition",
                      "Ticket " + t.label + " is " + t.status + ": it cannot be " + action +
                          " / Số " + t.label + " đang ở trạng thái " + t.status,
                      m);
}

}  // namespace

Ticket issue_ticket(Environment& env, const sdk::Principal& who, const TicketRequest& request) {
  TicketRequest r = request;
  if (r.patient_id.empty() && !r.patient_code.empty()) {
    const auto his = env.context.his().session();
    const auto found = sdk::his_patient_by_code(env.context, *his, r.patient_code);
    if (!found) {
      throw sdk::Problem::invalid("patient_code", "No HIS patient has the code " + r.patient_code +
                                                      " / Không có người bệnh mã " +
                                                      r.patient_code);
    }
    r.patient_id = found->id;
  }
  if (!r.priority_group.empty()) check_group(env, r.priority_group);
  if (!r.priority_group.empty() && r.lane == Lane::kRegular) {
    throw sdk::Problem::invalid("lane",
                                "A ticket of a priority group is in the fast lane / Nhóm ưu "
                                "tiên đi làn ưu tiên");
  }
  if (r.priority_group.empty() && r.lane == Lane::kFast) {
    throw sdk::Problem::invalid("priority_group",
                                "The fast lane is for app bookings and priority groups: give "
                                "the group / Làn ưu tiên cần nhóm ưu tiên");
  }
  check_patient(env, r);
  const Lane lane = r.priority_group.empty() ? Lane::kRegular : Lane::kFast;
  std::optional<Ticket> made;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    NewTicket in;
    in.day = env.today();
    in.lane = lane;
    in.prefix = prefix_of(env, lane);
    in.priority_group = r.priority_group;
    in.priority = group_priority(r.priority_group);
    in.source = r.source;
    in.patient_id = r.patient_id;
    in.at = env.now_text();
    in.by = who.id;
    made = insert_ticket(tx, in);
    if (!made) throw std::runtime_error("the ticket was not stored");
    publish_issued(env, tx, *made);
  });
  env.context.logger().information("Ticket %s issued (%s lane, %s)", made->label,
                                   std::string(to_string(made->lane)), made->source);
  return *made;
}

void issue_checkin_ticket(Environment& env, soci::session& store_tx,
                          const Poco::JSON::Object::Ptr& payload, const std::string& occurred_at) {
  const std::string channel = payload->optValue<std::string>("channel", "");
  const int priority = payload->optValue<int>("priority", 0);
  const auto& channels = env.settings.checkin_channels;
  const bool by_channel = std::find(channels.begin(), channels.end(), channel) != channels.end();
  const bool by_priority =
      env.settings.checkin_min_priority > 0 && priority >= env.settings.checkin_min_priority;
  if (!by_channel && !by_priority) return;
  const std::string today = env.today();
  const std::string day = payload->optValue<std::string>("day", today);
  if (day != today) return;  // a check-in delivered after its day: its queue is gone

  NewTicket in;
  in.day = today;
  in.lane = Lane::kFast;
  in.prefix = env.settings.fast_prefix;
  in.priority_group = channel == "app" ? "app" : "booked";
  in.priority = group_priority(in.priority_group);
  in.source = "checkin";
  in.patient_id = payload->get("patient_id").toString();
  in.booking_id = payload->optValue<long long>("booking_id", 0);
  in.booking_code = payload->optValue<std::string>("booking_code", "");
  in.at = occurred_at;
  in.by = payload->optValue<std::string>("by", "appointments");
  if (auto t = insert_ticket(store_tx, in)) {
    publish_issued(env, store_tx, *t);
    env.context.logger().information("Ticket %s issued for booking %s at check-in", t->label,
                                     t->booking_code);
  }
}

NextResult call_next(Environment& env, const sdk::Principal& who, const std::string& window_code) {
  NextResult out;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    out = NextResult{};
    auto window = lock_window(tx, window_code);
    if (!window) {
      throw sdk::Problem::not_found("No window " + window_code + " / Không có quầy " + window_code);
    }
    if (!window->active) {
      throw sdk::Problem(
          409, "window-closed",
          "Window " + window_code + " is closed / Quầy " + window_code + " đang đóng", "window");
    }
    out.window = *window;
    const std::string now = env.now_text();
    if (auto current = ticket_at_window(tx, window_code)) {
      if (mark_ended(tx, current->id, "served", now, who.id)) {
        out.served = find_ticket(tx, current->id);
        publish_ended(env, tx, *out.served);
      }
    }
    const std::string day = env.today();
    const sdk::Instant instant = env.now();
    // The day's calls go one at a time: what this call reads next includes every claim made
    // before it, so the conditional update below wins at once (the loop is a safety net).
    lock_lanes(tx, day);
    for (int attempt = 0; attempt < kClaimAttempts; ++attempt) {
      const long long fast_calls = lane_calls(tx, day, Lane::kFast);
      const long long regular_calls = lane_calls(tx, day, Lane::kRegular);
      const auto fast = lane_order(waiting_entries(tx, day, Lane::kFast), fast_calls, instant,
                                   env.settings.max_wait);
      const auto regular = lane_order(waiting_entries(tx, day, Lane::kRegular), regular_calls,
                                      instant, env.settings.max_wait);
      const LaneChoice choice =
          choose_lane(window->mode, window->ratio, window->position,
                      lane_head(fast, fast_calls, instant, env.settings.max_wait),
                      lane_head(regular, regular_calls, instant, env.settings.max_wait));
      if (!choice.lane) return;
      const auto& order = *choice.lane == Lane::kFast ? fast : regular;
      const long long id = order.front().id;
      if (!claim_ticket(tx, id, window_code, now)) continue;  // another window was first
      count_lane_call(tx, day, *choice.lane);
      record_call(tx, id, window_code, false, now, who.id);
      if (choice.position != window->position) set_position(tx, window_code, choice.position);
      out.window.position = choice.position;
      out.called = find_ticket(tx, id);
      publish_called(env, tx, *out.called, false);
      return;
    }
    throw sdk::Problem(503, "busy",
                       "Other windows kept calling the same tickets; call again / Vui lòng gọi "
                       "lại");
  });
  return out;
}

Ticket act_on_ticket(Environment& env, const sdk::Principal& who, long long id, TicketAction action,
                     std::optional<Lane> lane, const std::string& group) {
  if (action == TicketAction::kTransfer) {
    if (!lane) throw sdk::Problem::invalid("lane", "Give the lane: fast or regular / Chọn làn");
    if (*lane == Lane::kFast && group.empty()) {
      throw sdk::Problem::invalid("priority_group",
                                  "The fast lane is for app bookings and priority groups: give "
                                  "the group / Làn ưu tiên cần nhóm ưu tiên");
    }
    if (!group.empty()) check_group(env, group);
    const TicketGroup* g = find_ticket_group(group);
    if (*lane == Lane::kFast && g && g->by_age) {
      std::optional<Ticket> t;
      {
        const auto s = env.context.store().session();
        t = find_ticket(*s, id);
      }
      if (!t) throw ticket_not_found(id);
      check_patient(env, {lane, group, t->patient_id, "", ""});
    }
  }
  Ticket out;
  sdk::with_transaction(env.context.store(), [&](soci::session& tx) {
    auto t = find_ticket(tx, id);
    if (!t) throw ticket_not_found(id);
    const std::string now = env.now_text();
    bool done = false;
    std::string verb;
    switch (action) {
      case TicketAction::kRecall:
        verb = "called again";
        done = t->status == "called";
        if (done) {
          mark_recalled(tx, id, now);
          record_call(tx, id, t->window_code, true, now, who.id);
        }
        break;
      case TicketAction::kSkip:
        verb = "skipped";
        done =
            mark_skipped(tx, id, lane_calls(tx, t->day, t->lane) + env.settings.skip_return_calls);
        break;
      case TicketAction::kTransfer: {
        verb = "transferred";
        const std::string to_group = *lane == Lane::kFast ? group : "";
        done = mark_transferred(tx, id, *lane, to_group, group_priority(to_group));
        break;
      }
      case TicketAction::kServe:
        verb = "served";
        done = mark_ended(tx, id, "served", now, who.id);
        break;
      case TicketAction::kNoShow:
        verb = "marked absent";
        done = mark_ended(tx, id, "no_show", now, who.id);
        break;
    }
    if (!done) throw wrong_status(*t, verb);
    out = *find_ticket(tx, id);
    if (action == TicketAction::kRecall) publish_called(env, tx, out, true);
    if (action == TicketAction::kServe || action == TicketAction::kNoShow) {
      publish_ended(env, tx, out);
    }
  });
  return out;
}

int people_ahead(Environment& env, soci::session& s, const Ticket& t) {
  if (t.status != "waiting") return 0;
  const long long calls = lane_calls(s, t.day, t.lane);
  const auto order =
      lane_order(waiting_entries(s, t.day, t.lane), calls, env.now(), env.settings.max_wait);
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i].id == t.id) return static_cast<int>(i);
  }
  return 0;
}

}  // namespace hisx::fast_lane
