#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hisx/http.h"
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

/// The request header in which the app's backend names the app account it acts for, on every
/// request of role `app` while a PatientAccess provider (app_link) is enabled. Since 2.1.
inline constexpr const char* kAppAccountHeader = "X-App-Account";

/// The patients a request may act for. For a request of role `app` while a PatientAccess
/// service is published, the scope is bound to the app account named in X-App-Account and
/// admits only the patients linked to it; for every other request (staff, the HIS, or any
/// request while no provider is enabled) it admits every patient, as the route's roles do.
/// A route that serves or changes a patient's records asks allows() and answers a patient
/// outside the scope exactly as it answers one the HIS does not have (404 on a path, the
/// same refusal on a body field), so that the app learns nothing of other patients. Since 2.1.
class HISX_SDK_API PatientScope {
 public:
  /// The scope of `req`. Throws Problem 400 "app-account-required", naming the header, when
  /// the scope is bound and the header is missing, empty, longer than 100 bytes or holds a
  /// control character.
  static PatientScope of(const Request& req, const Services& services);

  /// True when the scope admits only the linked patients of one app account.
  bool bound() const noexcept { return access_ != nullptr; }
  /// The app account of a bound scope ("" otherwise).
  const std::string& account() const noexcept { return account_; }
  /// True when the request may act for HIS patient `patient_id`.
  bool allows(const std::string& patient_id) const;
  /// The patients of a bound scope, in linking order (empty for an unbound one: use bound()).
  std::vector<std::string> patients() const;

 private:
  std::shared_ptr<PatientAccess> access_;
  std::string account_;
};

}  // namespace hisx::sdk
