#include "targets/target_store.h"

namespace hisx::app_link {

std::map<std::string, StoredTarget> load_targets(soci::session& s) {
  std::map<std::string, StoredTarget> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT department_id, target_permille, updated_by, updated_at "
                    "FROM hisx_app_link_targets");
  for (const auto& r : rows) {
    out[r.get<std::string>(0)] = {static_cast<int>(sdk::row_integer(r, 1)), r.get<std::string>(2),
                                  r.get<std::string>(3)};
  }
  return out;
}

void save_target(soci::session& tx, const std::string& department_id, int permille,
                 const std::string& by, const std::string& at) {
  tx << "INSERT INTO hisx_app_link_targets (department_id, target_permille, updated_by, "
        "updated_at) VALUES (:d, :t, :by, :at) ON CONFLICT (department_id) DO UPDATE SET "
        "target_permille = excluded.target_permille, updated_by = excluded.updated_by, "
        "updated_at = excluded.updated_at",
      soci::use(department_id), soci::use(permille), soci::use(by), soci::use(at);
}

}  // namespace hisx::app_link
