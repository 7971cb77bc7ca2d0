#include "audit/audit_log.h"

#include <Poco/Logger.h>
#include <Poco/Net/IPAddress.h>

#include <exception>

#include "audit/audit_time.h"

namespace hisx::host {

namespace {

Poco::Logger& log() { return Poco::Logger::get("hisx.audit"); }

// At most `max` bytes, never ending inside a UTF-8 sequence (PostgreSQL refuses those).
std::string clip(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

// The path as sent is normally ASCII already; anything else (raw bytes, controls, spaces) is
// percent-encoded so that every backend stores it and prefix filters compare bytes.
std::string printable_target(const std::string& target) {
  static const char* const hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(target.size());
  for (const char ch : target) {
    const auto c = static_cast<unsigned char>(ch);
    if (c > 0x20 && c < 0x7F) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0x0F];
    }
  }
  return clip(out, 1000);
}

}  // namespace

std::string audit_outcome(int status) {
  if (status >= 500) return "error";
  if (status >= 400) return "refused";
  return "success";
}

AuditLog::AuditLog(sdk::Database& store, const sdk::Clock& clock) : store_(store), clock_(clock) {}

void AuditLog::record(const AuditRecord& record) noexcept {
  try {
    const std::string at = audit_time(clock_.now());
    const std::string actor_id = clip(record.actor_id.empty() ? "-" : record.actor_id, 64);
    const std::string actor_name = clip(record.actor_name, 200);
    const std::string role = clip(record.role, 40);
    const std::string address = clip(record.client_address, 64);
    const std::string method = clip(record.method, 10);
    const std::string route = clip(record.route, 300);
    const std::string target = printable_target(record.target);
    const int status = record.status;
    const std::string outcome = audit_outcome(record.status);
    const std::string request_id = clip(record.request_id, 64);
    sdk::with_transaction(store_, [&](soci::session& s) {
      s << "INSERT INTO hisx_host_audit (at, actor_id, actor_name, role, address, method, route, "
           "target, status, outcome, request_id) VALUES (:at, :actor_id, :actor_name, :role, "
           ":address, :method, :route, :target, :status, :outcome, :request_id)",
          soci::use(at, "at"), soci::use(actor_id, "actor_id"), soci::use(actor_name, "actor_name"),
          soci::use(role, "role"), soci::use(address, "address"), soci::use(method, "method"),
          soci::use(route, "route"), soci::use(target, "target"), soci::use(status, "status"),
          soci::use(outcome, "outcome"), soci::use(request_id, "request_id");
    });
  } catch (...) {
    // The route and request id find the request in the access log; nothing from the request
    // itself (which could hold a credential) goes into this line.
    try {
      std::string why;
      try {
        throw;
      } catch (const std::exception& e) {
        why = e.what();
      } catch (...) {
        why = "an exception that is not a std::exception";
      }
      log().error("Could not write the audit row of %s %s (request %s, status %d): %s",
                  record.method, record.route, record.request_id, record.status, why);
    } catch (...) {
    }
  }
}

std::vector<AuditEntry> AuditLog::find(const AuditQuery& query) {
  std::string sql =
      "SELECT id, at, actor_id, actor_name, role, address, method, route, target, status, "
      "outcome, request_id FROM hisx_host_audit WHERE 1 = 1";
  if (query.from) sql += " AND at >= :from_at";
  if (query.to) sql += " AND at < :to_at";
  if (query.actor) sql += " AND actor_id = :actor";
  // substr rather than LIKE: the prefix is compared as it is, '%' and '_' included.
  if (query.target) sql += " AND substr(target, 1, :target_length) = :target";
  sql += " ORDER BY at DESC, id DESC LIMIT :row_limit";

  const int target_length = query.target ? static_cast<int>(query.target->size()) : 0;
  const int limit = query.limit;
  AuditEntry row;
  std::vector<AuditEntry> out;
  const auto s_lease = store_.session();
  soci::session& s = *s_lease;
  soci::statement st(s);
  st.alloc();
  st.prepare(sql);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.at));
  st.exchange(soci::into(row.actor_id));
  st.exchange(soci::into(row.actor_name));
  st.exchange(soci::into(row.role));
  st.exchange(soci::into(row.address));
  st.exchange(soci::into(row.method));
  st.exchange(soci::into(row.route));
  st.exchange(soci::into(row.target));
  st.exchange(soci::into(row.status));
  st.exchange(soci::into(row.outcome));
  st.exchange(soci::into(row.request_id));
  if (query.from) st.exchange(soci::use(*query.from, "from_at"));
  if (query.to) st.exchange(soci::use(*query.to, "to_at"));
  if (query.actor) st.exchange(soci::use(*query.actor, "actor"));
  if (query.target) {
    st.exchange(soci::use(target_length, "target_length"));
    st.exchange(soci::use(*query.target, "target"));
  }
  st.exchange(soci::use(limit, "row_limit"));
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      out.push_back(row);
    } while (st.fetch());
  }
  return out;
}

}  // namespace hisx::host
