#pragma once

#include <string>
#include <vector>

#include "hisx/services.h"

namespace hisx::sdk {

/// Which HIS patients an app account may act for: the patient themself and the relatives
/// whose records were linked to the account. Published by the `app_link` plugin; a plugin
/// that serves the app (bookings, payments) asks it before acting on a patient's record.
/// Without a provider, a plugin falls back to what its own API key roles allow.
class HISX_SDK_API PatientAccess : public Service {
 public:
  static constexpr const char* kName = "patient_access";  ///< Service name.
  static constexpr int kVersion = 1;                      ///< Interface version.

  ~PatientAccess() override;

  /// The HIS patient ids (opaque text) linked to app account `account_id`, in linking order;
  /// empty for an unknown account or one with no active link.
  virtual std::vector<std::string> patients_of(const std::string& account_id) const = 0;

  /// Whether app account `account_id` may act for HIS patient `patient_id` now (an active
  /// link exists; an unlinked or revoked link does not count).
  virtual bool may_act_for(const std::string& account_id, const std::string& patient_id) const = 0;
};

}  // namespace hisx::sdk
