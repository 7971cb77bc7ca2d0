#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "hisx/his_id.h"
#include "hisx/his_records.h"

namespace hisx::app_link {

/// The most forms one batch prints (one PDF held in memory, one store transaction).
inline constexpr std::size_t kMaxBatchForms = 1000;

/// Refuses a batch of `patients` forms above kMaxBatchForms: a 422 Problem
/// (`batch-too-large`, field `date`) naming the count, the department and the day.
void refuse_oversized_batch(std::size_t patients, const std::string& department_name,
                            const std::string& date);

/// The distinct patients of the `visits` to department `department_id`, in the order of their
/// first visit there (the visits come in time order).
std::vector<sdk::HisId> batch_patients(const std::vector<sdk::HisVisit>& visits,
                                       const sdk::HisId& department_id);

}  // namespace hisx::app_link
