#pragma once

#include <optional>
#include <string>

#include "environment.h"
#include "hisx/his_id.h"

namespace hisx::app_link {

/// A linking code as stored (hisx_app_link_codes).
struct LinkCode {
  long long id = 0;
  std::string code;  ///< As stored, without the hyphen.
  sdk::HisId patient_id;
  std::string state;       ///< open, used, locked or replaced.
  std::string created_at;  ///< UTC text.
  std::string expires_at;  ///< UTC text.
  int wrong_attempts = 0;
  std::optional<long long> link_id;  ///< The link it made, once used.
};

/// The patient's open code, inside the store transaction `tx`: the open one when it has not
/// expired (a reprint shows the same code); otherwise a new one, replacing an expired one.
/// Safe across hosts: the database keeps one open code per patient.
LinkCode open_code_for(Environment& env, soci::session& tx, const sdk::HisId& patient_id,
                       const std::string& by);

/// The code stored as `code` (normalised), if any.
std::optional<LinkCode> find_code(soci::session& s, const std::string& code);

/// The code with id `id`.
std::optional<LinkCode> find_code_by_id(soci::session& s, long long id);

/// Counts a wrong birth date on an open code; locks it when it reaches `max_wrong`. Returns the
/// code's wrong attempts after this one.
int count_wrong_attempt(soci::session& tx, long long code_id, int max_wrong,
                        const std::string& now);

/// Marks an open code used by link `link_id`; false when it was no longer open (a concurrent
/// claim used it first).
bool use_code(soci::session& tx, long long code_id, long long link_id, const std::string& now);

}  // namespace hisx::app_link
