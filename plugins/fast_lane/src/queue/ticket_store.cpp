#include "queue/ticket_store.h"

#include <stdexcept>

#include "hisx/civil_time.h"
#include "hisx/database.h"

namespace hisx::fast_lane {

namespace {

constexpr const char* kColumns =
    "id, day, label, lane, priority_group, priority, source, patient_id, booking_id, "
    "booking_code, status, returns_at_call, window_code, issued_at, issued_by, called_at, "
    "last_called_at, ended_at, ended_by, calls, recalls, skips, transfers";

Ticket ticket_of(const soci::row& r) {
  Ticket t;
  t.id = sdk::row_integer(r, 0);
  t.day = sdk::row_text(r, 1);
  t.label = sdk::row_text(r, 2);
  t.lane = parse_lane(sdk::row_text(r, 3)).value_or(Lane::kRegular);
  t.priority_group = sdk::row_text(r, 4);
  t.priority = static_cast<int>(sdk::row_integer(r, 5));
  t.source = sdk::row_text(r, 6);
  t.patient_id = sdk::row_text(r, 7);
  if (r.get_indicator(8) != soci::i_null) t.booking_id = sdk::row_integer(r, 8);
  t.booking_code = sdk::row_text(r, 9);
  t.status = sdk::row_text(r, 10);
  t.returns_at_call = sdk::row_integer(r, 11);
  t.window_code = sdk::row_text(r, 12);
  t.issued_at = sdk::row_text(r, 13);
  t.issued_by = sdk::row_text(r, 14);
  t.called_at = sdk::row_text(r, 15);
  t.last_called_at = sdk::row_text(r, 16);
  t.ended_at = sdk::row_text(r, 17);
  t.ended_by = sdk::row_text(r, 18);
  t.calls = static_cast<int>(sdk::row_integer(r, 19));
  t.recalls = static_cast<int>(sdk::row_integer(r, 20));
  t.skips = static_cast<int>(sdk::row_integer(r, 21));
  t.transfers = static_cast<int>(sdk::row_integer(r, 22));
  return t;
}

std::vector<Ticket> select_tickets(soci::session& s, const std::string& where,
                                   const std::vector<std::string>& values) {
  std::vector<Ticket> out;
  const std::string sql = std::string("SELECT ") + kColumns +
                          " FROM hisx_fast_lane_tickets WHERE " + where + " ORDER BY id";
  soci::statement st(s);
  soci::row r;
  if (values.size() == 1) {
    st = (s.prepare << sql, soci::use(values[0]), soci::into(r));
  } else if (values.size() == 2) {
    st = (s.prepare << sql, soci::use(values[0]), soci::use(values[1]), soci::into(r));
  } else {
    throw std::logic_error("select_tickets takes one or two values");
  }
  st.execute();
  while (st.fetch()) out.push_back(ticket_of(r));
  return out;
}

std::optional<Ticket> first(std::vector<Ticket> tickets) {
  if (tickets.empty()) return std::nullopt;
  return std::move(tickets.front());
}

long long affected(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace

std::optional<Ticket> insert_ticket(soci::session& tx, const NewTicket& in) {
  if (in.booking_id && find_ticket_by_booking(tx, *in.booking_id)) return std::nullopt;
  const std::string lane(to_string(in.lane));
  tx << "INSERT INTO hisx_fast_lane_counters (day, lane) VALUES (:d, :l) ON CONFLICT DO NOTHING",
      soci::use(in.day), soci::use(lane);
  // The row stays locked by this UPDATE until the commit: numbers are given one at a time.
  long long number = 0;
  tx << "UPDATE hisx_fast_lane_counters SET issued = issued + 1 WHERE day = :d AND lane = :l "
        "RETURNING issued",
      soci::use(in.day), soci::use(lane), soci::into(number);
  const std::string label = ticket_label(in.prefix, number);
  soci::indicator group_ind = in.priority_group.empty() ? soci::i_null : soci::i_ok;
  soci::indicator patient_ind = in.patient_id.empty() ? soci::i_null : soci::i_ok;
  const long long booking = in.booking_id.value_or(0);
  soci::indicator booking_ind = in.booking_id ? soci::i_ok : soci::i_null;
  soci::indicator code_ind = in.booking_code.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  tx << "INSERT INTO hisx_fast_lane_tickets (day, label, lane, priority_group, priority, source, "
        "patient_id, booking_id, booking_code, issued_at, issued_by) VALUES (:d, :label, :lane, "
        ":g, :p, :src, :pat, :b, :bc, :at, :by) RETURNING id",
      soci::use(in.day), soci::use(label), soci::use(lane), soci::use(in.priority_group, group_ind),
      soci::use(in.priority), soci::use(in.source), soci::use(in.patient_id, patient_ind),
      soci::use(booking, booking_ind), soci::use(in.booking_code, code_ind), soci::use(in.at),
      soci::use(in.by), soci::into(id);
  return find_ticket(tx, id);
}

std::optional<Ticket> find_ticket(soci::session& s, long long id) {
  return first(select_tickets(s, "id = CAST(:id AS BIGINT)", {std::to_string(id)}));
}

std::optional<Ticket> find_ticket_by_booking(soci::session& s, long long booking_id) {
  return first(select_tickets(s, "booking_id = CAST(:b AS BIGINT)", {std::to_string(booking_id)}));
}

std::optional<Ticket> ticket_at_window(soci::session& s, const std::string& window_code) {
  return first(select_tickets(s, "window_code = :w AND status = 'called'", {window_code}));
}

std::vector<Ticket> tickets_of_day(soci::session& s, const std::string& day,
                                   const std::string& status) {
  if (status.empty()) return select_tickets(s, "day = :d", {day});
  return select_tickets(s, "day = :d AND status = :st", {day, status});
}

std::vector<QueueEntry> waiting_entries(soci::session& s, const std::string& day, Lane lane) {
  std::vector<QueueEntry> out;
  for (const auto& t : select_tickets(s, "day = :d AND lane = :l AND status = 'waiting'",
                                      {day, std::string(to_string(lane))})) {
    out.push_back({t.id, t.priority, sdk::parse_utc(t.issued_at).value_or(sdk::Instant{}),
                   t.returns_at_call});
  }
  return out;
}

long long lane_calls(soci::session& s, const std::string& day, Lane lane) {
  long long calls = 0;
  soci::indicator ind = soci::i_null;
  const std::string l(to_string(lane));
  s << "SELECT calls FROM hisx_fast_lane_counters WHERE day = :d AND lane = :l", soci::use(day),
      soci::use(l), soci::into(calls, ind);
  return s.got_data() && ind == soci::i_ok ? calls : 0;
}

void lock_lanes(soci::session& tx, const std::string& day) {
  for (Lane lane : {Lane::kFast, Lane::kRegular}) {
    const std::string l(to_string(lane));
    tx << "INSERT INTO hisx_fast_lane_counters (day, lane) VALUES (:d, :l) ON CONFLICT DO "
          "NOTHING",
        soci::use(day), soci::use(l);
    tx << "UPDATE hisx_fast_lane_counters SET calls = calls WHERE day = :d AND lane = :l",
        soci::use(day), soci::use(l);
  }
}

long long count_lane_call(soci::session& tx, const std::string& day, Lane lane) {
  const std::string l(to_string(lane));
  tx << "INSERT INTO hisx_fast_lane_counters (day, lane) VALUES (:d, :l) ON CONFLICT DO NOTHING",
      soci::use(day), soci::use(l);
  long long calls = 0;
  tx << "UPDATE hisx_fast_lane_counters SET calls = calls + 1 WHERE day = :d AND lane = :l "
        "RETURNING calls",
      soci::use(day), soci::use(l), soci::into(calls);
  return calls;
}

bool claim_ticket(soci::session& tx, long long id, const std::string& window,
                  const std::string& at) {
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_tickets SET status = 'called', window_code = :w, "
                     "called_at = COALESCE(called_at, :at), last_called_at = :at2, "
                     "calls = calls + 1 WHERE id = :id AND status = 'waiting'",
       soci::use(window), soci::use(at), soci::use(at), soci::use(id));
  return affected(st) == 1;
}

long long record_call(soci::session& tx, long long ticket_id, const std::string& window,
                      bool recall, const std::string& at, const std::string& by) {
  long long id = 0;
  const int recall_flag = recall ? 1 : 0;
  tx << "INSERT INTO hisx_fast_lane_calls (ticket_id, window_code, recall, called_at, called_by) "
        "VALUES (:t, :w, :r, :at, :by) RETURNING id",
      soci::use(ticket_id), soci::use(window), soci::use(recall_flag), soci::use(at), soci::use(by),
      soci::into(id);
  return id;
}

void mark_recalled(soci::session& tx, long long id, const std::string& at) {
  tx << "UPDATE hisx_fast_lane_tickets SET recalls = recalls + 1, last_called_at = :at "
        "WHERE id = :id",
      soci::use(at), soci::use(id);
}

bool mark_skipped(soci::session& tx, long long id, long long returns_at_call) {
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_tickets SET status = 'waiting', skips = skips + 1, "
                     "returns_at_call = :r WHERE id = :id AND status = 'called'",
       soci::use(returns_at_call), soci::use(id));
  return affected(st) == 1;
}

bool mark_transferred(soci::session& tx, long long id, Lane lane, const std::string& group,
                      int priority) {
  const std::string l(to_string(lane));
  soci::indicator group_ind = group.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (tx.prepare << "UPDATE hisx_fast_lane_tickets SET status = 'waiting', lane = :l, "
                     "priority_group = :g, priority = :p, returns_at_call = 0, "
                     "transfers = transfers + 1 WHERE id = :id AND status IN ('waiting', "
                     "'called')",
       soci::use(l), soci::use(group, group_ind), soci::use(priority), soci::use(id));
  return affected(st) == 1;
}

bool mark_ended(soci::session& tx, long long id, const std::string& status, const std::string& at,
                const std::string& by) {
  const std::string from =
      status == "served" ? "status = 'called'" : "status IN ('waiting', 'called')";
  soci::statement st = (tx.prepare << "UPDATE hisx_fast_lane_tickets SET status = :st, "
                                      "ended_at = :at, ended_by = :by WHERE id = :id AND " +
                                          from,
                        soci::use(status), soci::use(at), soci::use(by), soci::use(id));
  return affected(st) == 1;
}

std::vector<CallRecord> latest_calls(soci::session& s, const std::string& day, int limit) {
  std::vector<CallRecord> out;
  soci::row r;
  soci::statement st =
      (s.prepare << "SELECT c.id, c.ticket_id, t.label, t.lane, c.window_code, c.recall, "
                    "c.called_at FROM hisx_fast_lane_calls c JOIN hisx_fast_lane_tickets t ON "
                    "t.id = c.ticket_id WHERE t.day = :d ORDER BY c.id DESC LIMIT :n",
       soci::use(day), soci::use(limit), soci::into(r));
  st.execute();
  while (st.fetch()) {
    out.push_back({sdk::row_integer(r, 0), sdk::row_integer(r, 1), sdk::row_text(r, 2),
                   parse_lane(sdk::row_text(r, 3)).value_or(Lane::kRegular), sdk::row_text(r, 4),
                   sdk::row_integer(r, 5) != 0, sdk::row_text(r, 6)});
  }
  return out;
}

}  // namespace hisx::fast_lane
