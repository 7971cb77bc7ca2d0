#include "printing/batch_rules.h"

#include <set>

#include "hisx/problem.h"

namespace hisx::app_link {

void refuse_oversized_batch(std::size_t patients, const std::string& department_name,
                            const std::string& date) {
  if (patients <= kMaxBatchForms) return;
  const std::string limit = std::to_string(kMaxBatchForms);
  throw sdk::Problem(422, "batch-too-large",
                     std::to_string(patients) + " patients visited " + department_name + " on " +
                         date + ", more than the " + limit +
                         " forms one batch prints: print a smaller department / " +
                         std::to_string(patients) + " người bệnh khám tại " + department_name +
                         " ngày " + date + ", quá " + limit + " phiếu của một lô",
                     "date");
}

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
