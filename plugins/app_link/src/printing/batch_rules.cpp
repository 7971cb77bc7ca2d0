#include "printing/batch_rules.h"

#include <set>

namespace hisx::app_link {

std::vector<sdk::HisId> batch_patients(const std::vector<sdk::HisVisit>& visits,
                                       const sdk::HisId& department_id) {
  std::vector<sdk::HisId> out;
  std::set<sdk::HisId> seen;
  for (const sdk::HisVisit& visit : visits) {
    if (visit.department_id != department_id) continue;
    if (seen.insert(visit.patient_id).second) out.push_back(visit.patient_id);
  }
  return out;
}

}  // namespace hisx::app_link
