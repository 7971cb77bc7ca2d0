// The PatientAccess service (hisx/patient_access.h) over app_link's links: which HIS patients
// an app account may act for. Read from the store on every call (no cache), so that an unlink
// is seen at once by every host.
#include <memory>

#include "hisx/patient_access.h"
#include "linking/link_store.h"
#include "routes.h"

namespace hisx::app_link {

namespace {

class LinkAccess final : public sdk::PatientAccess {
 public:
  explicit LinkAccess(Environment& env) : env_(env) {}

  std::vector<std::string> patients_of(const std::string& account_id) const override {
    const auto s = env_.context.store().session();
    std::vector<std::string> out;
    for (const auto& link : links_of_account(*s, account_id, false)) out.push_back(link.patient_id);
    return out;
  }

  bool may_act_for(const std::string& account_id, const std::string& patient_id) const override {
    const auto s = env_.context.store().session();
    return find_active_link(*s, account_id, patient_id).has_value();
  }

 private:
  Environment& env_;
};

}  // namespace

void publish_patient_access(Environment& env) {
  env.context.services().publish<sdk::PatientAccess>(std::make_shared<LinkAccess>(env));
}

}  // namespace hisx::app_link
