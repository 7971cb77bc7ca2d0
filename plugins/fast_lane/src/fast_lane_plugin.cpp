// Plugin `fast_lane`: the priority cashier window for app-booked patients and the hospital's
// priority groups: the queue of tickets and the windows that call them, the patient's open
// charges from the HIS, payments that are never lost or doubled, VietQR and online payment,
// receipts and shifts, the cashier page and the waiting-room board.
#include <memory>

#include "environment.h"
#include "fast_lane_settings.h"
#include "hisx/embedded_migrations.h"
#include "hisx/plugin.h"
#include "payments/payment_service.h"
#include "routes.h"

namespace hisx::fast_lane {

namespace {

sdk::StatementSpec reverse_statement_spec() {
  using T = sdk::ValueType;
  return {kReverseStatement,
          sdk::StatementKind::kCommand,
          {{"payment_id", T::kText, "hisx's id of the reversed payment (idempotent on it)."},
           {"charge_id", T::kId, "The charge to reopen."},
           {"amount", T::kDecimal, "The amount the payment had paid of it, in VND."},
           {"reversed_at", T::kInstant, "When the reversal was approved."},
           {"reason", T::kText, "Why, as given."},
           {"receipt_no", T::kText, "The reversal's receipt number."}},
          {},
          "Reopens charge :charge_id (marks it unpaid) after hisx reversed its payment "
          ":payment_id; optional: without it the cashier reopens the charge in the HIS by "
          "hand."};
}

}  // namespace

class FastLanePlugin : public sdk::Plugin {
 public:
  sdk::Manifest manifest() const override {
    sdk::Manifest m;
    m.name = "fast_lane";
    m.version = "0.1.0";
    m.description =
        "The priority cashier window: ticket queue and windows, HIS charges, payments, VietQR "
        "and online payment, receipts, shifts, cashier page and waiting-room board";
    m.his_statements = {"patient.get", "patient.search", "charge.open_for_patient",
                        "payment.record"};
    m.optional_his_statements = {"patient.find_by_code", kReverseStatement};
    m.his_statement_specs = {reverse_statement_spec()};
    m.settings = setting_specs();
    m.roles = {kCashierLead};
    m.pages = {
        {"cashier.html", "Quầy thu ngân", "Cashier window", cashier_roles()},
        {"board.html", "Bảng gọi số", "Waiting-room board", viewer_roles()},
        {"kiosk.html", "Lấy số thứ tự", "Queue tickets", ticket_roles()},
    };
    m.device_scopes = {
        {kBoardScope, "Bảng gọi số ở khu chờ / Waiting-room board: the numbers called"},
        {kKioskScope, "Máy lấy số / Ticket kiosk: issues queue tickets"},
    };
    return m;
  }

  std::vector<sdk::Migration> migrations() const override { return sdk::embedded_migrations(); }

  void start(sdk::Context& context) override {
    env_ = std::make_unique<Environment>(
        Environment{context, read_settings(context.settings()), context.zone()});
    seed_demo_windows(*env_);
    add_window_routes(*env_);
    add_queue_routes(*env_);
    add_board_routes(*env_);
    subscribe_checkins(*env_);
    add_payment_routes(*env_);
    add_reversal_routes(*env_);
    add_shift_routes(*env_);
    subscribe_his_writeback(*env_);
    add_online_routes(*env_);
    schedule_reconciliation(*env_);
    context.logger().information("Fast lane ready: tickets %s001 (fast lane), %s001 (regular)",
                                 env_->settings.fast_prefix, env_->settings.regular_prefix);
  }

  void stop() override { env_.reset(); }

 private:
  std::unique_ptr<Environment> env_;
};

}  // namespace hisx::fast_lane

HISX_PLUGIN(hisx::fast_lane::FastLanePlugin)
