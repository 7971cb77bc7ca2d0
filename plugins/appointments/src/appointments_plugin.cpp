// Plugin `appointments`: clinic schedules, slots and bookings (W1, W2; later W3–W5).
#include <memory>

#include "appointment_settings.h"
#include "channels.h"
#include "demo/demo_bookings.h"
#include "demo/demo_seed.h"
#include "environment.h"
#include "hisx/embedded_migrations.h"
#include "hisx/plugin.h"
#include "hisx/roles.h"
#include "maintenance/maintenance_jobs.h"
#include "routes.h"

namespace hisx::appointments {

class AppointmentsPlugin : public sdk::Plugin {
 public:
  sdk::Manifest manifest() const override {
    sdk::Manifest m;
    m.name = "appointments";
    m.version = "0.1.0";
    m.description = "Clinic schedules, slots and bookings from the app, web, phone and desk";
    m.his_statements = {"patient.get", "patient.search", "clinic.list", "doctor.list"};
    m.optional_his_statements = {"visit.register", "patient.find_by_phone",
                                 "patient.find_by_insurance"};
    m.roles = {std::string(kWebsiteRole)};
    m.settings = setting_specs();
    const std::string admin(sdk::roles::kAdmin);
    m.pages = {{"worklist.html",
                "Gọi xác nhận lịch hẹn",
                "Call-centre worklist",
                {std::string(sdk::roles::kCallCenter), admin}},
               {"reception.html",
                "Tiếp đón theo lịch hẹn",
                "Appointment check-in",
                {std::string(sdk::roles::kReceptionist), admin}},
               {"schedules.html", "Lịch khám và lịch mẫu", "Clinic schedules", {admin}}};
    return m;
  }

  std::vector<sdk::Migration> migrations() const override { return sdk::embedded_migrations(); }

  void start(sdk::Context& context) override {
    env_ = std::make_unique<Environment>(
        Environment{context, read_settings(context.settings()), context.zone()});
    add_clinic_routes(*env_);
    add_slot_routes(*env_);
    add_booking_routes(*env_);
    start_reexams(*env_);
    add_worklist_routes(*env_);
    add_checkin_routes(*env_);
    add_admin_clinic_routes(*env_);
    add_admin_template_routes(*env_);
    add_admin_closure_routes(*env_);
    add_admin_slot_routes(*env_);
    add_fhir_routes(*env_);
    seed_demo_schedules(*env_);
    seed_demo_bookings(*env_);
    schedule_maintenance(*env_);
    context.logger().information("Appointments ready (time zone %s)", env_->zone.name());
  }

  void stop() override { env_.reset(); }

 private:
  std::unique_ptr<Environment> env_;
};

}  // namespace hisx::appointments

HISX_PLUGIN(hisx::appointments::AppointmentsPlugin)
