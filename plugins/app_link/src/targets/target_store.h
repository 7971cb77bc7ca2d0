#pragma once

#include <map>
#include <string>

#include "environment.h"

namespace hisx::app_link {

/// A department's target as stored.
struct StoredTarget {
  int permille = 800;  ///< Tenths of a percent.
  std::string updated_by;
  std::string updated_at;
};

/// Every department's own target, by HIS department id.
std::map<std::string, StoredTarget> load_targets(soci::session& s);

/// Sets a department's target (insert or update) inside `tx`.
void save_target(soci::session& tx, const std::string& department_id, int permille,
                 const std::string& by, const std::string& at);

}  // namespace hisx::app_link
