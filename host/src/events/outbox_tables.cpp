#include "events/outbox_tables.h"

#include "events/event_time.h"
#include "events/retry_delay.h"
#include "hisx/database.h"

namespace hisx::host {

namespace {

// Longer handler messages are cut: the table shows what went wrong, the log has the rest.
constexpr std::size_t kMaxErrorText = 2000;

std::string text_or_empty(const soci::row& r, const std::string& column) {
  return r.get_indicator(column) == soci::i_null ? std::string() : r.get<std::string>(column);
}

}  // namespace

OutboxTables::OutboxTables(std::string backend) : backend_(std::move(backend)) {}

void OutboxTables::insert_event(soci::session& s, const OutboxRow& row) const {
  s << "INSERT INTO hisx_host_outbox (id, name, source, payload, occurred_at, version) "
       "VALUES (:id, :name, :source, :payload, :occurred_at, :version)",
      soci::use(row.id), soci::use(row.name), soci::use(row.source), soci::use(row.payload),
      soci::use(row.occurred_at), soci::use(row.version);
}

std::string OutboxTables::register_subscriber(soci::session& s, const std::string& subscriber,
                                              const std::string& event_name,
                                              const std::string& start) const {
  std::string recorded_name, since;
  s << "SELECT event_name, since FROM hisx_host_event_subscribers WHERE subscriber = :s",
      soci::into(recorded_name), soci::into(since), soci::use(subscriber);
  if (s.got_data()) {
    if (recorded_name == event_name) return since;
    s << "UPDATE hisx_host_event_subscribers SET event_name = :n, since = :start "
         "WHERE subscriber = :s",
        soci::use(event_name), soci::use(start), soci::use(subscriber);
    return start;
  }
  // Another host may register the same subscriber at the same moment: the first one's
  // since stands.
  const std::string values =
      "hisx_host_event_subscribers (subscriber, event_name, since) VALUES (:s, :n, :start)";
  try {
    if (backend_ == "mysql") {
      s << "INSERT IGNORE INTO " + values, soci::use(subscriber), soci::use(event_name),
          soci::use(start);
    } else if (backend_ == "sqlite3" || backend_ == "postgresql") {
      s << "INSERT INTO " + values + " ON CONFLICT (subscriber) DO NOTHING", soci::use(subscriber),
          soci::use(event_name), soci::use(start);
    } else {
      s << "INSERT INTO " + values, soci::use(subscriber), soci::use(event_name), soci::use(start);
    }
  } catch (const soci::soci_error& e) {
    if (!sdk::is_duplicate_key(e)) throw;
  }
  s << "SELECT since FROM hisx_host_event_subscribers WHERE subscriber = :s", soci::into(since),
      soci::use(subscriber);
  return since;
}

std::vector<OutboxRow> OutboxTables::pending(soci::session& s, const std::string& subscriber,
                                             const std::string& event_name, const std::string& now,
                                             int limit) const {
  std::vector<std::string> ids(limit), names(limit), sources(limit), payloads(limit), times(limit);
  std::vector<int> versions(limit);
  s << "SELECT o.id, o.name, o.source, o.payload, o.occurred_at, o.version "
       "FROM hisx_host_outbox o JOIN hisx_host_event_subscribers r ON r.subscriber = :sub0 "
       "WHERE o.name = :name AND o.occurred_at >= r.since "
       "AND NOT EXISTS (SELECT 1 FROM hisx_host_event_deliveries d "
       "WHERE d.event_id = o.id AND d.subscriber = :sub1) "
       "AND NOT EXISTS (SELECT 1 FROM hisx_host_event_failures f "
       "WHERE f.event_id = o.id AND f.subscriber = :sub2 "
       "AND (f.dead_at IS NOT NULL OR f.next_attempt_at > :now)) "
       "ORDER BY o.seq LIMIT :limit",
      soci::into(ids), soci::into(names), soci::into(sources), soci::into(payloads),
      soci::into(times), soci::into(versions), soci::use(subscriber, "sub0"),
      soci::use(event_name, "name"), soci::use(subscriber, "sub1"), soci::use(subscriber, "sub2"),
      soci::use(now, "now"), soci::use(limit, "limit");
  std::vector<OutboxRow> rows;
  rows.reserve(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    rows.push_back({ids[i], names[i], sources[i], payloads[i], times[i], versions[i]});
  }
  return rows;
}

std::optional<long long> OutboxTables::replay(soci::session& s, const std::string& subscriber,
                                              const std::string& beginning) const {
  soci::statement update =
      (s.prepare << "UPDATE hisx_host_event_subscribers SET since = :since WHERE subscriber = :s",
       soci::use(beginning), soci::use(subscriber));
  update.execute(true);
  if (update.get_affected_rows() == 0) return std::nullopt;
  s << "DELETE FROM hisx_host_event_deliveries WHERE subscriber = :s", soci::use(subscriber);
  s << "DELETE FROM hisx_host_event_failures WHERE subscriber = :s", soci::use(subscriber);
  long long due = 0;
  s << "SELECT COUNT(*) FROM hisx_host_outbox o JOIN hisx_host_event_subscribers r "
       "ON r.event_name = o.name WHERE r.subscriber = :s",
      soci::into(due), soci::use(subscriber);
  return due;
}

bool OutboxTables::claim(soci::session& s, const std::string& event_id,
                         const std::string& subscriber, const std::string& now) const {
  const std::string values =
      "hisx_host_event_deliveries (event_id, subscriber, delivered_at) VALUES (:e, :s, :t)";
  std::string sql;
  if (backend_ == "mysql") {
    sql = "INSERT IGNORE INTO " + values;
  } else if (backend_ == "sqlite3" || backend_ == "postgresql") {
    // On PostgreSQL this waits for another transaction inserting the same pair and then
    // does nothing if that one committed: the unique key decides who delivers.
    sql = "INSERT INTO " + values + " ON CONFLICT (event_id, subscriber) DO NOTHING";
  } else {
    sql = "INSERT INTO " + values;
  }
  try {
    soci::statement st =
        (s.prepare << sql, soci::use(event_id), soci::use(subscriber), soci::use(now));
    st.execute(true);
    return st.get_affected_rows() > 0;
  } catch (const soci::soci_error& e) {
    if (sdk::is_duplicate_key(e)) return false;
    throw;
  }
}

bool OutboxTables::claimed(soci::session& s, const std::string& event_id,
                           const std::string& subscriber) const {
  long long n = 0;
  s << "SELECT COUNT(*) FROM hisx_host_event_deliveries WHERE event_id = :e AND subscriber = :s",
      soci::into(n), soci::use(event_id), soci::use(subscriber);
  return n > 0;
}

void OutboxTables::unclaim(soci::session& s, const std::string& event_id,
                           const std::string& subscriber) const {
  s << "DELETE FROM hisx_host_event_deliveries WHERE event_id = :e AND subscriber = :s",
      soci::use(event_id), soci::use(subscriber);
}

FailureOutcome OutboxTables::record_failure(soci::session& s, const std::string& event_id,
                                            const std::string& subscriber, const std::string& error,
                                            std::chrono::system_clock::time_point now,
                                            int max_attempts,
                                            std::chrono::milliseconds backoff_base,
                                            std::chrono::milliseconds backoff_max) const {
  int previous = 0;
  s << "SELECT attempts FROM hisx_host_event_failures WHERE event_id = :e AND subscriber = :s",
      soci::into(previous), soci::use(event_id), soci::use(subscriber);
  const bool exists = s.got_data();
  FailureOutcome out;
  out.attempts = (exists ? previous : 0) + 1;
  out.dead = out.attempts >= max_attempts;
  const std::string failed_at = format_event_time(now);
  out.next_attempt_at =
      format_event_time(now + retry_delay(out.attempts, backoff_base, backoff_max));
  const std::string message = error.substr(0, kMaxErrorText);
  std::string dead_at = failed_at;
  soci::indicator dead_ind = out.dead ? soci::i_ok : soci::i_null;
  if (exists) {
    s << "UPDATE hisx_host_event_failures SET attempts = :a, last_error = :m, failed_at = :f, "
         "next_attempt_at = :n, dead_at = :d WHERE event_id = :e AND subscriber = :s",
        soci::use(out.attempts), soci::use(message), soci::use(failed_at),
        soci::use(out.next_attempt_at), soci::use(dead_at, dead_ind), soci::use(event_id),
        soci::use(subscriber);
  } else {
    s << "INSERT INTO hisx_host_event_failures (event_id, subscriber, attempts, last_error, "
         "failed_at, next_attempt_at, dead_at) VALUES (:e, :s, :a, :m, :f, :n, :d)",
        soci::use(event_id), soci::use(subscriber), soci::use(out.attempts), soci::use(message),
        soci::use(failed_at), soci::use(out.next_attempt_at), soci::use(dead_at, dead_ind);
  }
  return out;
}

void OutboxTables::clear_failure(soci::session& s, const std::string& event_id,
                                 const std::string& subscriber) const {
  s << "DELETE FROM hisx_host_event_failures WHERE event_id = :e AND subscriber = :s",
      soci::use(event_id), soci::use(subscriber);
}

bool OutboxTables::retry(soci::session& s, const std::string& event_id,
                         const std::string& subscriber, const std::string& now) const {
  soci::statement st =
      (s.prepare << "UPDATE hisx_host_event_failures SET attempts = 0, dead_at = NULL, "
                    "next_attempt_at = :now WHERE event_id = :e AND subscriber = :s",
       soci::use(now), soci::use(event_id), soci::use(subscriber));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

long long OutboxTables::backlog(soci::session& s) const {
  long long n = 0;
  s << "SELECT COUNT(*) FROM hisx_host_outbox o JOIN hisx_host_event_subscribers r "
       "ON r.event_name = o.name AND o.occurred_at >= r.since "
       "WHERE NOT EXISTS (SELECT 1 FROM hisx_host_event_deliveries d "
       "WHERE d.event_id = o.id AND d.subscriber = r.subscriber) "
       "AND NOT EXISTS (SELECT 1 FROM hisx_host_event_failures f "
       "WHERE f.event_id = o.id AND f.subscriber = r.subscriber AND f.dead_at IS NOT NULL)",
      soci::into(n);
  return n;
}

long long OutboxTables::dead_letters(soci::session& s) const {
  long long n = 0;
  s << "SELECT COUNT(*) FROM hisx_host_event_failures WHERE dead_at IS NOT NULL", soci::into(n);
  return n;
}

std::vector<FailureRow> OutboxTables::failures(soci::session& s, int limit) const {
  std::vector<FailureRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT f.event_id, o.name AS event_name, f.subscriber, f.attempts, "
                    "f.last_error, f.failed_at, f.next_attempt_at, f.dead_at "
                    "FROM hisx_host_event_failures f "
                    "LEFT JOIN hisx_host_outbox o ON o.id = f.event_id "
                    "ORDER BY CASE WHEN f.dead_at IS NULL THEN 1 ELSE 0 END, "
                    "f.next_attempt_at, f.event_id, f.subscriber LIMIT :limit",
       soci::use(limit));
  for (const auto& r : rows) {
    FailureRow f;
    f.event_id = r.get<std::string>("event_id");
    f.event_name = text_or_empty(r, "event_name");
    f.subscriber = r.get<std::string>("subscriber");
    f.attempts = r.get<int>("attempts");
    f.last_error = r.get<std::string>("last_error");
    f.failed_at = r.get<std::string>("failed_at");
    f.next_attempt_at = r.get<std::string>("next_attempt_at");
    f.dead_at = text_or_empty(r, "dead_at");
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<SubscriberRow> OutboxTables::subscribers(soci::session& s) const {
  std::vector<SubscriberRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT subscriber, event_name, since FROM hisx_host_event_subscribers "
                    "ORDER BY subscriber");
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>("subscriber"), r.get<std::string>("event_name"),
                   r.get<std::string>("since")});
  }
  return out;
}

std::vector<std::string> OutboxTables::event_names(soci::session& s) const {
  std::vector<std::string> out;
  soci::rowset<std::string> names = (s.prepare << "SELECT DISTINCT name FROM hisx_host_outbox");
  for (const auto& name : names) out.push_back(name);
  return out;
}

long long OutboxTables::purge(soci::session& s, const std::string& name,
                              const std::string& cutoff) const {
  soci::statement st =
      (s.prepare << "DELETE FROM hisx_host_outbox WHERE name = :name AND occurred_at < :cutoff "
                    "AND NOT EXISTS (SELECT 1 FROM hisx_host_event_subscribers r "
                    "WHERE r.event_name = hisx_host_outbox.name "
                    "AND r.since <= hisx_host_outbox.occurred_at "
                    "AND NOT EXISTS (SELECT 1 FROM hisx_host_event_deliveries d "
                    "WHERE d.event_id = hisx_host_outbox.id AND d.subscriber = r.subscriber))",
       soci::use(name), soci::use(cutoff));
  st.execute(true);
  return st.get_affected_rows();
}

void OutboxTables::purge_orphans(soci::session& s) const {
  s << "DELETE FROM hisx_host_event_deliveries WHERE NOT EXISTS (SELECT 1 FROM hisx_host_outbox o "
       "WHERE o.id = hisx_host_event_deliveries.event_id)";
  s << "DELETE FROM hisx_host_event_failures WHERE NOT EXISTS (SELECT 1 FROM hisx_host_outbox o "
       "WHERE o.id = hisx_host_event_failures.event_id)";
}

}  // namespace hisx::host
