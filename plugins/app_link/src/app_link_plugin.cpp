// Plugin `app_link`: the app-linking slip and form printed on HIS slips (QR code, hotline),
// linking of app accounts to HIS patients (self, assisted, in bulk from paper forms), the app
// access bound to the links (PatientAccess), and each department's progress against its
// linking target.
#include <memory>

#include "app_link_settings.h"
#include "environment.h"
#include "hisx/embedded_migrations.h"
#include "hisx/plugin.h"
#include "hisx/roles.h"
#include "routes.h"

namespace hisx::app_link {

class AppLinkPlugin : public sdk::Plugin {
 public:
  sdk::Manifest manifest() const override {
    namespace r = sdk::roles;
    sdk::Manifest m;
    m.name = "app_link";
    m.version = "0.1.0";
    m.description =
        "App-linking slips and forms on HIS slips, self/assisted/bulk linking of app accounts, "
        "app access bound to linked patients, department linking targets";
    m.his_statements = {"patient.get", "patient.search", "department.list", "visit.list_between"};
    m.optional_his_statements = {"patient.find_by_code"};
    m.settings = setting_specs();
    m.pages = {
        {"desk.html", "Liên kết ứng dụng", "App linking", desk_roles()},
        {"batch.html", "Liên kết theo lô", "Bulk linking", {std::string(r::kAdmin)}},
        {"progress.html",
         "Tiến độ liên kết",
         "Linking progress",
         {std::string(r::kManager), std::string(r::kAdmin), std::string(r::kReceptionist),
          std::string(r::kDoctor)}},
    };
    return m;
  }

  std::vector<sdk::Migration> migrations() const override { return sdk::embedded_migrations(); }

  void start(sdk::Context& context) override {
    env_ = std::make_unique<Environment>(
        Environment{context, read_settings(context.settings()), context.zone()});
    declare_events(*env_);
    publish_patient_access(*env_);
    add_print_routes(*env_);
    add_patient_routes(*env_);
    add_claim_routes(*env_);
    add_link_routes(*env_);
    add_import_routes(*env_);
    add_target_routes(*env_);
    context.logger().information("App linking ready: QR codes lead to %s",
                                 env_->settings.link_for("{code}"));
  }

  void stop() override { env_.reset(); }

 private:
  std::unique_ptr<Environment> env_;
};

}  // namespace hisx::app_link

HISX_PLUGIN(hisx::app_link::AppLinkPlugin)
