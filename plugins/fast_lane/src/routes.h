#pragma once

#include <string>
#include <vector>

#include "environment.h"

namespace hisx::fast_lane {

/// The plugin's own role: the head cashier, who manages windows and approves reversals.
inline constexpr const char* kCashierLead = "cashier_lead";
/// The device scope of a waiting-room board and of a ticket kiosk.
inline constexpr const char* kBoardScope = "fast_lane.board";
inline constexpr const char* kKioskScope = "fast_lane.kiosk";

/// cashier, cashier_lead, admin: who works a window.
std::vector<std::string> cashier_roles();
/// cashier_lead, admin: who manages the windows.
std::vector<std::string> lead_roles();
/// cashier_roles() and the receptionist: who issues tickets at a desk.
std::vector<std::string> ticket_roles();
/// Every staff role and cashier_lead: who may watch the queue.
std::vector<std::string> viewer_roles();

/// GET/PUT /api/v1/fast-lane/windows[/{code}] (queue/).
void add_window_routes(Environment& env);
/// POST/GET /api/v1/fast-lane/tickets, the window's next call and the ticket operations
/// (queue/).
void add_queue_routes(Environment& env);
/// GET /api/v1/fast-lane/board and /stats (queue/).
void add_board_routes(Environment& env);

/// GET /api/v1/fast-lane/patients/{id}/charges, POST/GET /payments, GET /payments/{id}[/receipt]
/// (payments/).
void add_payment_routes(Environment& env);
/// POST /payments/{id}/reversals, GET /reversals, POST /reversals/{id}/approve|reject, GET
/// /reversals/{id}/receipt (payments/).
void add_reversal_routes(Environment& env);
/// POST /shifts, GET /shifts/current, GET /shifts/{id}, POST /shifts/{id}/close, GET
/// /shifts/{id}/report (payments/).
void add_shift_routes(Environment& env);

/// POST /intents, GET /intents/{id}, POST /webhooks/{provider}, GET /reconciliation, POST
/// /transfers/qr (online/).
void add_online_routes(Environment& env);
/// The reconciliation job, every 10 minutes (online/).
void schedule_reconciliation(Environment& env);

/// Subscribes to appointment.checked_in: the fast-lane tickets of app bookings (queue/).
void subscribe_checkins(Environment& env);
/// The demo windows, when `demo_seed` is set and none exists (queue/).
void seed_demo_windows(Environment& env);

}  // namespace hisx::fast_lane
