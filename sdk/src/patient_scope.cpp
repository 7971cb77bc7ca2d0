#include <algorithm>

#include "hisx/patient_access.h"
#include "hisx/problem.h"
#include "hisx/roles.h"

namespace hisx::sdk {

namespace {

constexpr std::size_t kMaxAccount = 100;

bool has_control(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

}  // namespace

PatientScope PatientScope::of(const Request& req, const Services& services) {
  PatientScope scope;
  const Principal* who = req.principal();
  if (who == nullptr || who->role != roles::kApp) return scope;
  auto access = services.find<PatientAccess>();
  if (!access) return scope;
  const auto account = req.header(kAppAccountHeader);
  if (!account || account->empty() || account->size() > kMaxAccount || has_control(*account)) {
    throw Problem(400, "app-account-required",
                  std::string("The app's requests name the app account they act for in the ") +
                      kAppAccountHeader +
                      " header (1-100 characters) / Yêu cầu từ ứng dụng phải ghi tài khoản ứng "
                      "dụng trong tiêu đề " +
                      kAppAccountHeader,
                  kAppAccountHeader);
  }
  scope.access_ = std::move(access);
  scope.account_ = *account;
  return scope;
}

bool PatientScope::allows(const std::string& patient_id) const {
  return access_ == nullptr || access_->may_act_for(account_, patient_id);
}

std::vector<std::string> PatientScope::patients() const {
  if (access_ == nullptr) return {};
  return access_->patients_of(account_);
}

}  // namespace hisx::sdk
