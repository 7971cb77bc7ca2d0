#pragma once

#include <optional>
#include <string>
#include <vector>

#include "environment.h"
#include "hisx/his_id.h"

namespace hisx::app_link {

/// A link between an app account and an HIS patient, with its consent (hisx_app_link_links).
struct Link {
  long long id = 0;
  std::string account_id;
  sdk::HisId patient_id;
  std::optional<sdk::HisId> department_id;
  std::string method;          ///< self, assisted or bulk.
  std::string consent_by;      ///< Who consented ("" when not recorded).
  std::string consent_method;  ///< in_app, signed_form or verbal_witnessed.
  std::string consent_witness;
  std::string consent_at;  ///< UTC text.
  std::optional<long long> code_id;
  std::optional<long long> form_id;
  std::optional<long long> import_id;
  std::string linked_by;  ///< Principal id.
  std::string linked_at;  ///< UTC text.
  std::optional<std::string> unlinked_at;
  std::string unlinked_by;
  std::string unlink_reason;

  bool active() const { return !unlinked_at.has_value(); }
};

/// A link to make: every field of Link that its maker gives.
struct NewLink {
  std::string account_id;
  sdk::HisId patient_id;
  std::optional<sdk::HisId> department_id;
  std::string method;
  std::string consent_by;
  std::string consent_method;
  std::string consent_witness;
  std::string consent_at;  ///< UTC text; "" for now.
  std::optional<long long> code_id;
  std::optional<long long> form_id;
  std::optional<long long> import_id;
  std::string linked_by;
};

/// What make_link() did.
enum class LinkOutcome {
  kLinked,         ///< A new link; `link` is it.
  kAlreadyLinked,  ///< The account was linked to the patient already; `link` is that link.
  kLimitReached,   ///< The account holds the most links allowed; nothing was written.
};

/// make_link()'s answer.
struct LinkResult {
  LinkOutcome outcome = LinkOutcome::kLinked;
  Link link;
};

/// Links the account to the patient inside the store transaction `tx` and publishes
/// `patient.linked` in it; the family limit (max_patients_per_account) and "one active link
/// per account and patient" are kept by the database, across hosts.
LinkResult make_link(Environment& env, soci::session& tx, const NewLink& link);

/// Ends an active link inside `tx` (the row stays, with who ended it, when and why) and
/// publishes `patient.unlinked`. Returns the ended link; nothing when it had ended already.
std::optional<Link> end_link(Environment& env, soci::session& tx, long long id,
                             const std::string& by, const std::string& reason);

/// The link with id `id`, active or ended.
std::optional<Link> find_link(soci::session& s, long long id);
/// The active link between `account_id` and `patient_id`, if any.
std::optional<Link> find_active_link(soci::session& s, const std::string& account_id,
                                     const sdk::HisId& patient_id);
/// The links of an app account, oldest first; ended ones too when `with_ended`.
std::vector<Link> links_of_account(soci::session& s, const std::string& account_id,
                                   bool with_ended);
/// Every link of an HIS patient, active and ended, oldest first.
std::vector<Link> links_of_patient(soci::session& s, const sdk::HisId& patient_id);
/// The patients with a link made at or before `at` that had not ended at `at` (UTC text).
std::vector<sdk::HisId> patients_linked_at(soci::session& s, const std::string& at);

}  // namespace hisx::app_link
