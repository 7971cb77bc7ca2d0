#pragma once

namespace hisx::host {

class AuditLog;
class RouteTable;

/// Registers GET /api/v1/audit (admin): the audit trail, newest first, filtered by
/// from/to (UTC), actor and target prefix, at most `limit` (1–1000, default 100) rows.
/// `log` must outlive the routes.
void add_audit_routes(RouteTable& routes, AuditLog& log);

}  // namespace hisx::host
