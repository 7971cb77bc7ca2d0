#include "notify/notification_store.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/UUIDGenerator.h>

#include <ctime>
#include <sstream>

namespace hisx::host {

namespace {

constexpr const char* kColumns =
    "id, channel, recipient, subject, text, data, state, attempts, next_attempt_at, "
    "last_error, created_at, sent_at";

// Due: queued and its time has come, or claimed by a host whose lease ran out.
constexpr const char* kDue =
    "((state = 'queued' AND next_attempt_at <= :now) OR "
    "(state = 'sending' AND claim_until <= :now AND attempts < :max_attempts))";

std::string text_at(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return {};
  return row.get<std::string>(i);
}

int int_at(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return 0;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_long_long:
      return static_cast<int>(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return static_cast<int>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<int>(row.get<double>(i));
    default:
      return std::stoi(row.get<std::string>(i));
  }
}

Notification from_row(const soci::row& row) {
  Notification n;
  n.id = text_at(row, 0);
  n.channel = text_at(row, 1);
  n.to = text_at(row, 2);
  n.subject = text_at(row, 3);
  n.text = text_at(row, 4);
  if (const std::string data = text_at(row, 5); !data.empty()) {
    Poco::JSON::Parser parser;
    n.data = parser.parse(data).extract<Poco::JSON::Object::Ptr>();
  }
  n.state = text_at(row, 6);
  n.attempts = int_at(row, 7);
  n.next_attempt_at = text_at(row, 8);
  n.last_error = text_at(row, 9);
  n.created_at = text_at(row, 10);
  n.sent_at = text_at(row, 11);
  return n;
}

// Runs an UPDATE and tells whether it changed exactly one row.
bool changed_one(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace

std::string utc_text(TimePoint t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
  const std::time_t seconds = static_cast<std::time_t>(ms.count() / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[40];
  const auto n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms.count() % 1000));
  return buf;
}

NotificationStore::NotificationStore(sdk::Database& store) : store_(store) {}

std::string NotificationStore::insert(soci::session& tx, const sdk::Message& message,
                                      TimePoint now) {
  std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  std::string data;
  soci::indicator data_ind = soci::i_null;
  if (!message.data.isNull()) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(message.data, out);
    data = out.str();
    data_ind = soci::i_ok;
  }
  std::string dedupe = message.dedupe_key;
  soci::indicator dedupe_ind = dedupe.empty() ? soci::i_null : soci::i_ok;
  const std::string at = utc_text(now);
  std::string channel = message.channel, to = message.to, subject = message.subject,
              text = message.text;

  const std::string& backend = store_.backend();
  std::string insert =
      "INSERT INTO hisx_host_notifications (id, channel, recipient, subject, text, data, "
      "dedupe_key, state, attempts, next_attempt_at, created_at) VALUES (:id, :channel, :to, "
      ":subject, :text, :data, :dedupe, 'queued', 0, :next, :created)";
  if (!dedupe.empty()) {
    // A second message with the key is dropped by the unique index, also when another
    // transaction inserted it concurrently (it waits for that one to commit or roll back).
    if (backend == "mysql") {
      insert.replace(0, 6, "INSERT IGNORE");
    } else if (backend == "sqlite3" || backend == "postgresql") {
      insert += " ON CONFLICT (dedupe_key) DO NOTHING";
    } else {
      std::string existing;
      soci::indicator ind = soci::i_null;
      tx << "SELECT id FROM hisx_host_notifications WHERE dedupe_key = :k", soci::use(dedupe, "k"),
          soci::into(existing, ind);
      if (tx.got_data() && ind == soci::i_ok) return existing;
    }
  }
  soci::statement st = (tx.prepare << insert, soci::use(id, "id"), soci::use(channel, "channel"),
                        soci::use(to, "to"), soci::use(subject, "subject"), soci::use(text, "text"),
                        soci::use(data, data_ind, "data"), soci::use(dedupe, dedupe_ind, "dedupe"),
                        soci::use(at, "next"), soci::use(at, "created"));
  st.execute(true);
  if (!dedupe.empty() && st.get_affected_rows() == 0) {
    std::string existing;
    tx << "SELECT id FROM hisx_host_notifications WHERE dedupe_key = :k", soci::use(dedupe, "k"),
        soci::into(existing);
    return existing;
  }
  for (std::size_t i = 0; i < message.attachments.size(); ++i) {
    const sdk::Attachment& file = message.attachments[i];
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded);
    encoder.rdbuf()->setLineLength(0);
    encoder << file.content;
    encoder.close();
    const int position = static_cast<int>(i);
    std::string filename = file.filename, content_type = file.content_type, content = encoded.str();
    tx << "INSERT INTO hisx_host_notification_files (message_id, position, filename, "
          "content_type, content_base64) VALUES (:id, :position, :filename, :type, :content)",
        soci::use(id), soci::use(position), soci::use(filename), soci::use(content_type),
        soci::use(content);
  }
  return id;
}

std::vector<sdk::Attachment> NotificationStore::attachments(const std::string& id) const {
  const auto lease = store_.session();
  soci::session& s = *lease;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT filename, content_type, content_base64 FROM "
                    "hisx_host_notification_files WHERE message_id = :id ORDER BY position",
       soci::use(id));
  std::vector<sdk::Attachment> out;
  for (const auto& row : rows) {
    std::istringstream encoded(row.get<std::string>(2));
    Poco::Base64Decoder decoder(encoded);
    std::string content{std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>()};
    out.push_back({row.get<std::string>(0), row.get<std::string>(1), std::move(content)});
  }
  return out;
}

std::optional<Notification> NotificationStore::find(const std::string& id) const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " << kColumns << " FROM hisx_host_notifications WHERE id = :id",
       soci::use(id, "id"));
  for (const auto& row : rows) return from_row(row);
  return std::nullopt;
}

std::vector<Notification> NotificationStore::list(const NotificationFilter& filter) const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  std::string state = filter.state, channel = filter.channel;
  std::string sql = std::string("SELECT ") + kColumns + " FROM hisx_host_notifications WHERE 1 = 1";
  if (!state.empty()) sql += " AND state = :state";
  if (!channel.empty()) sql += " AND channel = :channel";
  sql += " ORDER BY created_at DESC, id DESC LIMIT " + std::to_string(filter.limit);
  std::vector<Notification> out;
  auto collect = [&](soci::rowset<soci::row>& rows) {
    for (const auto& row : rows) out.push_back(from_row(row));
  };
  if (!state.empty() && !channel.empty()) {
    soci::rowset<soci::row> rows =
        (s.prepare << sql, soci::use(state, "state"), soci::use(channel, "channel"));
    collect(rows);
  } else if (!state.empty()) {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(state, "state"));
    collect(rows);
  } else if (!channel.empty()) {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(channel, "channel"));
    collect(rows);
  } else {
    soci::rowset<soci::row> rows = (s.prepare << sql);
    collect(rows);
  }
  return out;
}

std::map<std::string, long long> NotificationStore::count_by_state() const {
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  std::map<std::string, long long> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT state, COUNT(*) FROM hisx_host_notifications GROUP BY state");
  for (const auto& row : rows) out[text_at(row, 0)] = int_at(row, 1);
  return out;
}

int NotificationStore::fail_abandoned(TimePoint now, int max_attempts) {
  const std::string at = utc_text(now);
  {
    // Almost always none: look first, so that an idle sender never takes SQLite's write lock.
    const auto s_lease = store_.session();
    soci::session& s = *s_lease;
    int found = 0;
    s << "SELECT COUNT(*) FROM hisx_host_notifications WHERE state = 'sending' AND "
         "claim_until <= :now AND attempts >= :max_attempts",
        soci::use(at, "now"), soci::use(max_attempts, "max_attempts"), soci::into(found);
    if (found == 0) return 0;
  }
  int changed = 0;
  sdk::with_transaction(store_, [&](soci::session& s) {
    std::string reason = "gave up after " + std::to_string(max_attempts) +
                         " attempts: the host sending it stopped before recording the outcome";
    soci::statement st =
        (s.prepare << "UPDATE hisx_host_notifications SET state = 'failed', last_error = :reason, "
                      "claimed_by = NULL, claim_until = NULL WHERE state = 'sending' AND "
                      "claim_until <= :now AND attempts >= :max_attempts",
         soci::use(reason, "reason"), soci::use(at, "now"),
         soci::use(max_attempts, "max_attempts"));
    st.execute(true);
    changed = static_cast<int>(st.get_affected_rows());
  });
  return changed;
}

std::vector<Notification> NotificationStore::claim_due(const std::string& owner, TimePoint now,
                                                       TimePoint lease_end, int limit,
                                                       int max_attempts) {
  const std::string at = utc_text(now);
  const std::string until = utc_text(lease_end);
  std::vector<std::string> claimed;
  sdk::with_transaction(store_, [&](soci::session& s) {
    claimed.clear();
    std::vector<std::string> candidates;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << std::string("SELECT id FROM hisx_host_notifications WHERE ") + kDue +
                            " ORDER BY next_attempt_at, created_at LIMIT " + std::to_string(limit),
           soci::use(at, "now"), soci::use(max_attempts, "max_attempts"));
      for (const auto& row : rows) candidates.push_back(row.get<std::string>(0));
    }
    for (auto& id : candidates) {
      // Conditional: another host may have claimed it since the SELECT; then nothing changes.
      soci::statement st =
          (s.prepare << std::string("UPDATE hisx_host_notifications SET state = 'sending', "
                                    "attempts = attempts + 1, claimed_by = :owner, "
                                    "claim_until = :until WHERE id = :id AND ") +
                            kDue,
           soci::use(owner, "owner"), soci::use(until, "until"), soci::use(id, "id"),
           soci::use(at, "now"), soci::use(max_attempts, "max_attempts"));
      if (changed_one(st)) claimed.push_back(id);
    }
  });
  std::vector<Notification> out;
  for (const auto& id : claimed) {
    if (auto n = find(id)) out.push_back(std::move(*n));
  }
  return out;
}

bool NotificationStore::mark_sent(const std::string& id, const std::string& owner, TimePoint now) {
  const std::string at = utc_text(now);
  bool changed = false;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st =
        (s.prepare << "UPDATE hisx_host_notifications SET state = 'sent', sent_at = :at, "
                      "last_error = NULL, claimed_by = NULL, claim_until = NULL "
                      "WHERE id = :id AND state = 'sending' AND claimed_by = :owner",
         soci::use(at, "at"), soci::use(id, "id"), soci::use(owner, "owner"));
    changed = changed_one(st);
  });
  return changed;
}

bool NotificationStore::mark_failed(const std::string& id, const std::string& owner,
                                    const std::string& reason) {
  bool changed = false;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st =
        (s.prepare << "UPDATE hisx_host_notifications SET state = 'failed', last_error = :reason, "
                      "claimed_by = NULL, claim_until = NULL "
                      "WHERE id = :id AND state = 'sending' AND claimed_by = :owner",
         soci::use(reason, "reason"), soci::use(id, "id"), soci::use(owner, "owner"));
    changed = changed_one(st);
  });
  return changed;
}

bool NotificationStore::mark_retry(const std::string& id, const std::string& owner,
                                   const std::string& reason, TimePoint next_attempt) {
  const std::string next = utc_text(next_attempt);
  bool changed = false;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st =
        (s.prepare << "UPDATE hisx_host_notifications SET state = 'queued', last_error = :reason, "
                      "next_attempt_at = :next, claimed_by = NULL, claim_until = NULL "
                      "WHERE id = :id AND state = 'sending' AND claimed_by = :owner",
         soci::use(reason, "reason"), soci::use(next, "next"), soci::use(id, "id"),
         soci::use(owner, "owner"));
    changed = changed_one(st);
  });
  return changed;
}

bool NotificationStore::release(const std::string& id, const std::string& owner) {
  bool changed = false;
  sdk::with_transaction(store_, [&](soci::session& s) {
    soci::statement st =
        (s.prepare << "UPDATE hisx_host_notifications SET state = 'queued', "
                      "attempts = attempts - 1, claimed_by = NULL, claim_until = NULL "
                      "WHERE id = :id AND state = 'sending' AND claimed_by = :owner",
         soci::use(id, "id"), soci::use(owner, "owner"));
    changed = changed_one(st);
  });
  return changed;
}

}  // namespace hisx::host
