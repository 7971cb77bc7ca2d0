#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "hisx/clock.h"
#include "hisx/database.h"
#include "http/audit_record.h"

namespace hisx::host {

/// One row of the audit trail, as GET /api/v1/audit answers it.
struct AuditEntry {
  long long id = 0;
  std::string at;          ///< UTC with microseconds, "2024-05-01T08:00:00.123456Z".
  std::string actor_id;    ///< "user:3", "apikey:7", or "-" when the caller was not known.
  std::string actor_name;  ///< Name of the user or key; empty for "-".
  std::string role;        ///< The caller's role; empty for "-".
  std::string address;     ///< The client's IP address.
  std::string method;      ///< POST, PUT, PATCH or DELETE.
  std::string route;       ///< The route pattern, or "unmatched".
  std::string target;      ///< The path written to (percent-encoded, never a query string).
  int status = 0;          ///< The HTTP status answered.
  std::string outcome;     ///< "success" (< 400), "refused" (4xx) or "error" (5xx).
  std::string request_id;  ///< The request id, to find the request in the logs.
};

/// What to look for; every filter is optional.
struct AuditQuery {
  std::optional<std::string> from;    ///< Inclusive lower bound on `at` (audit_time() form).
  std::optional<std::string> to;      ///< Exclusive upper bound on `at` (audit_time() form).
  std::optional<std::string> actor;   ///< Exact actor id.
  std::optional<std::string> target;  ///< Prefix of the target path.
  int limit = 100;                    ///< Rows at most, newest first.
};

/// The outcome word for an HTTP status.
std::string audit_outcome(int status);

/// The append-only audit trail in `hisx_host_audit` (store database). record() only ever
/// inserts; nothing in hisx updates or deletes a row, and the database refuses it too.
class AuditLog {
 public:
  /// `store` and `clock` must outlive the log.
  AuditLog(sdk::Database& store, const sdk::Clock& clock);

  /// Inserts one row for `record`, stamped with the clock's time. Never throws: a failure is
  /// logged as an error on logger "hisx.audit" (the request it describes has been served).
  void record(const AuditRecord& record) noexcept;

  /// The rows matching `query`, newest first. Throws soci::soci_error.
  std::vector<AuditEntry> find(const AuditQuery& query);

 private:
  sdk::Database& store_;
  const sdk::Clock& clock_;
};

}  // namespace hisx::host
