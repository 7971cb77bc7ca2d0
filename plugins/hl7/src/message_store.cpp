#include "message_store.h"

namespace hisx::hl7 {

namespace {

const char* const kColumns =
    "id, event_id, event_name, trigger_event, control_id, booking_id, booking_code, patient_id, "
    "start_at, message, state, attempts, ack_code, last_error, created_at, next_attempt_at, "
    "last_attempt_at, acked_at";

// The columns of kColumns read into one StoredMessage, with an indicator for the nullable ones.
struct Reader {
  StoredMessage m;
  soci::indicator start_ind = soci::i_ok, ack_ind = soci::i_ok, error_ind = soci::i_ok,
                  last_ind = soci::i_ok, acked_ind = soci::i_ok;

  void bind(soci::statement& st) {
    st.exchange(soci::into(m.id));
    st.exchange(soci::into(m.event_id));
    st.exchange(soci::into(m.event_name));
    st.exchange(soci::into(m.trigger));
    st.exchange(soci::into(m.control_id));
    st.exchange(soci::into(m.booking_id));
    st.exchange(soci::into(m.booking_code));
    st.exchange(soci::into(m.patient_id));
    st.exchange(soci::into(m.start_at, start_ind));
    st.exchange(soci::into(m.message));
    st.exchange(soci::into(m.state));
    st.exchange(soci::into(m.attempts));
    st.exchange(soci::into(m.ack_code, ack_ind));
    st.exchange(soci::into(m.last_error, error_ind));
    st.exchange(soci::into(m.created_at));
    st.exchange(soci::into(m.next_attempt_at));
    st.exchange(soci::into(m.last_attempt_at, last_ind));
    st.exchange(soci::into(m.acked_at, acked_ind));
  }

  StoredMessage row() const {
    StoredMessage out = m;
    if (start_ind == soci::i_null) out.start_at.clear();
    if (ack_ind == soci::i_null) out.ack_code.clear();
    if (error_ind == soci::i_null) out.last_error.clear();
    if (last_ind == soci::i_null) out.last_attempt_at.clear();
    if (acked_ind == soci::i_null) out.acked_at.clear();
    return out;
  }
};

// Runs `sql` (selecting kColumns, then binding `bind_uses`) and collects the rows.
template <typename BindUses>
std::vector<StoredMessage> select_messages(soci::session& s, const std::string& sql,
                                           BindUses bind_uses) {
  Reader reader;
  soci::statement st(s);
  reader.bind(st);
  bind_uses(st);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<StoredMessage> out;
  while (st.fetch()) out.push_back(reader.row());
  return out;
}

}  // namespace

bool insert_message(soci::session& s, const StoredMessage& m) {
  soci::indicator start_ind = m.start_at.empty() ? soci::i_null : soci::i_ok;
  soci::statement st =
      (s.prepare << "INSERT INTO hisx_hl7_messages (event_id, event_name, trigger_event, "
                    "control_id, booking_id, booking_code, patient_id, start_at, message, state, "
                    "attempts, created_at, next_attempt_at) VALUES (:event_id, :event_name, "
                    ":trigger_event, :control_id, :booking_id, :booking_code, :patient_id, "
                    ":start_at, :message, 'queued', 0, :created_at, :next_attempt_at) "
                    "ON CONFLICT (event_id) DO NOTHING",
       soci::use(m.event_id), soci::use(m.event_name), soci::use(m.trigger),
       soci::use(m.control_id), soci::use(m.booking_id), soci::use(m.booking_code),
       soci::use(m.patient_id), soci::use(m.start_at, start_ind), soci::use(m.message),
       soci::use(m.created_at), soci::use(m.created_at));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::string last_known_start(soci::session& s, long long booking_id) {
  std::string start;
  soci::indicator ind = soci::i_null;
  s << "SELECT start_at FROM hisx_hl7_messages WHERE booking_id = :booking AND start_at IS NOT "
       "NULL ORDER BY id DESC LIMIT 1",
      soci::into(start, ind), soci::use(booking_id);
  return s.got_data() && ind == soci::i_ok ? start : std::string();
}

std::vector<StoredMessage> list_due(soci::session& s, const std::string& now_utc, int limit) {
  const std::string sql =
      std::string("SELECT ") + kColumns +
      " FROM hisx_hl7_messages m WHERE state IN ('queued', 'retrying', 'sent') AND "
      "next_attempt_at <= :now_utc AND NOT EXISTS (SELECT 1 FROM hisx_hl7_messages e WHERE "
      "e.patient_id = m.patient_id AND e.id < m.id AND e.state <> 'acked') ORDER BY id LIMIT "
      ":row_limit";
  return select_messages(s, sql, [&](soci::statement& st) {
    st.exchange(soci::use(now_utc));
    st.exchange(soci::use(limit));
  });
}

std::vector<StoredMessage> list_messages(soci::session& s, const std::string& state,
                                         long long before_id, int limit) {
  const std::string sql = std::string("SELECT ") + kColumns +
                          " FROM hisx_hl7_messages WHERE (:state = '' OR state = :state2) AND "
                          "(:before_id = 0 OR id < :before_id2) ORDER BY id DESC LIMIT :row_limit";
  return select_messages(s, sql, [&](soci::statement& st) {
    st.exchange(soci::use(state));
    st.exchange(soci::use(state));
    st.exchange(soci::use(before_id));
    st.exchange(soci::use(before_id));
    st.exchange(soci::use(limit));
  });
}

std::vector<std::pair<std::string, long long>> count_by_state(soci::session& s) {
  std::vector<std::pair<std::string, long long>> out;
  std::string state;
  long long count = 0;
  soci::statement st = (s.prepare << "SELECT state, COUNT(*) FROM hisx_hl7_messages GROUP BY "
                                     "state ORDER BY state",
                        soci::into(state), soci::into(count));
  st.execute();
  while (st.fetch()) out.emplace_back(state, count);
  return out;
}

std::optional<StoredMessage> find_message(soci::session& s, long long id) {
  auto rows = select_messages(
      s, std::string("SELECT ") + kColumns + " FROM hisx_hl7_messages WHERE id = :id",
      [&](soci::statement& st) { st.exchange(soci::use(id)); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<long long> blocking_message(soci::session& s, const std::string& patient_id,
                                          long long id) {
  long long blocker = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT MIN(id) FROM hisx_hl7_messages WHERE patient_id = :patient AND id < :id AND "
       "state <> 'acked'",
      soci::into(blocker, ind), soci::use(patient_id), soci::use(id);
  if (!s.got_data() || ind == soci::i_null) return std::nullopt;
  return blocker;
}

bool mark_sending(soci::session& s, long long id, int attempts, const std::string& now_utc,
                  const std::string& next_utc) {
  soci::statement st =
      (s.prepare << "UPDATE hisx_hl7_messages SET state = 'sent', attempts = attempts + 1, "
                    "last_attempt_at = :now_utc, next_attempt_at = :next_utc WHERE id = :id AND "
                    "attempts = :attempts AND state <> 'acked'",
       soci::use(now_utc), soci::use(next_utc), soci::use(id), soci::use(attempts));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void mark_acked(soci::session& s, long long id, const std::string& ack_code,
                const std::string& now_utc) {
  s << "UPDATE hisx_hl7_messages SET state = 'acked', ack_code = :ack_code, last_error = NULL, "
       "acked_at = :now_utc WHERE id = :id",
      soci::use(ack_code), soci::use(now_utc), soci::use(id);
}

void mark_failed_attempt(soci::session& s, long long id, const std::string& state,
                         const std::string& ack_code, const std::string& error,
                         const std::string& next_utc) {
  soci::indicator ack_ind = ack_code.empty() ? soci::i_null : soci::i_ok;
  // At most 1000 bytes, cut before a UTF-8 continuation byte so that the text stays valid.
  std::string bounded = error;
  if (bounded.size() > 1000) {
    std::size_t cut = 1000;
    while (cut > 0 && (static_cast<unsigned char>(bounded[cut]) & 0xC0) == 0x80) --cut;
    bounded.resize(cut);
  }
  s << "UPDATE hisx_hl7_messages SET state = :state, ack_code = :ack_code, last_error = :error, "
       "next_attempt_at = :next_utc WHERE id = :id",
      soci::use(state), soci::use(ack_code, ack_ind), soci::use(bounded), soci::use(next_utc),
      soci::use(id);
}

bool make_due_now(soci::session& s, long long id, const std::string& now_utc) {
  soci::statement st =
      (s.prepare << "UPDATE hisx_hl7_messages SET state = CASE WHEN state = 'failed' THEN "
                    "'retrying' ELSE state END, next_attempt_at = :now_utc WHERE id = :id AND "
                    "state <> 'acked'",
       soci::use(now_utc), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace hisx::hl7
