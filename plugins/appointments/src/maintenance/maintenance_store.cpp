#include "maintenance/maintenance_store.h"

namespace hisx::appointments {

std::vector<long long> list_unattended_before(soci::session& s, const std::string& before_utc,
                                              int limit) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st =
      (s.prepare << "SELECT id FROM hisx_appointments_bookings"
                    " WHERE status IN ('requested', 'confirmed') AND start_utc < :before"
                    " ORDER BY start_utc, id LIMIT :limit",
       soci::use(before_utc), soci::use(limit), soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

}  // namespace hisx::appointments
