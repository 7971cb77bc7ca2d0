// Plugin `hl7`: HL7 v2 scheduling messages (SIU^S12/S13/S15/S26) to the HIS over MLLP, made
// from the appointment events and sent through the plugin's own queue.
#include <memory>

#include "admin_routes.h"
#include "environment.h"
#include "event_intake.h"
#include "hisx/embedded_migrations.h"
#include "hisx/plugin.h"
#include "hl7_settings.h"
#include "sender.h"

namespace hisx::hl7 {

class Hl7Plugin : public sdk::Plugin {
 public:
  sdk::Manifest manifest() const override {
    sdk::Manifest m;
    m.name = "hl7";
    m.version = "0.1.0";
    m.description = "HL7 v2 SIU scheduling messages to the HIS over MLLP, with ACKs and retries";
    m.his_statements = {"patient.get", "clinic.list"};
    m.optional_his_statements = {"doctor.list"};
    m.settings = setting_specs();
    return m;
  }

  std::vector<sdk::Migration> migrations() const override { return sdk::embedded_migrations(); }

  void start(sdk::Context& context) override {
    env_ = std::make_unique<Environment>(
        Environment{context, read_settings(context.settings()), context.zone()});
    sender_ = std::make_unique<Sender>(*env_);
    subscribe_to_appointments(*env_);
    add_admin_routes(*env_, *sender_);
    sender_->schedule();
    if (env_->settings.has_endpoint()) {
      context.logger().information("HL7 ready: SIU messages go to %s", env_->settings.endpoint());
    } else {
      context.logger().information(
          "HL7 ready without an endpoint (plugins.settings.hl7.host): messages are queued, none "
          "sent");
    }
  }

  void stop() override {
    sender_.reset();
    env_.reset();
  }

 private:
  std::unique_ptr<Environment> env_;
  std::unique_ptr<Sender> sender_;
};

}  // namespace hisx::hl7

HISX_PLUGIN(hisx::hl7::Hl7Plugin)
