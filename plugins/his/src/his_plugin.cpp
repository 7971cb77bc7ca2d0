// Plugin `his`: read-only browsing of the hospital's HIS for staff, through the HIS profile.
#include "his_routes.h"
#include "hisx/plugin.h"
#include "hisx/roles.h"

namespace hisx::his {

class HisPlugin : public sdk::Plugin {
 public:
  sdk::Manifest manifest() const override {
    sdk::Manifest m;
    m.name = "his";
    m.version = "0.1.0";
    m.description = "Read-only HIS browsing for staff (patients, departments)";
    m.his_statements = {"patient.get", "patient.search", "department.list"};
    m.settings = {{"max_results", sdk::SettingType::kInteger, false, "50",
                   "Most patients one search may return"}};
    m.pages = {{"patients.html",
                "Tra cứu bệnh nhân",
                "Patient search",
                {sdk::roles::kStaff.begin(), sdk::roles::kStaff.end()}}};
    return m;
  }

  void start(sdk::Context& context) override {
    add_his_routes(context, static_cast<int>(context.settings().integer("max_results")));
    context.logger().information("HIS browsing ready on profile '%s'", context.profile().name());
  }
};

}  // namespace hisx::his

HISX_PLUGIN(hisx::his::HisPlugin)
